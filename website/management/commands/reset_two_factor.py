"""For an operator: an editor lost their phone and their backup codes. Removes their
authenticator app and backup codes; at their next sign-in they set it up again (or, without
ADMIN_REQUIRE_2FA, carry on with a password alone)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from website.two_factor.devices import remove_devices


class Command(BaseCommand):
    help = "Turn off two-factor sign-in for a user (remove their app and backup codes)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get_by_natural_key(username)
        except user_model.DoesNotExist as error:
            raise CommandError(f"No user called {username!r}.") from error
        removed = remove_devices(user)
        self.stdout.write(
            f"Removed {removed} two-factor device{'s' if removed != 1 else ''} for {username}."
        )
