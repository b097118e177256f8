from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from demo.loader import load_all
from directory.editor_groups import DIRECTORY_EDITORS, HUB_EDITORS
from news.workflow import COMMS_APPROVERS, COMMS_EDITORS

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "harbour-demo"  # noqa: S105 (a demo login, printed and documented)
# One demo user per editor role, with only that group's permissions (docs/editing.md), to try
# each role's day. Same password as the admin.
DEMO_ROLE_USERS = {
    "comms-editor": COMMS_EDITORS,
    "comms-approver": COMMS_APPROVERS,
    "hub-editor": HUB_EDITORS,
    "directory-editor": DIRECTORY_EDITORS,
}


def admin_url() -> str:
    """Where the admin is served: WAGTAILADMIN_BASE_URL, which `make run` sets from its HOST
    and PORT."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"


class Command(BaseCommand):
    help = (
        "Load the demo council's content: site pages first, then hubs, services and news. "
        "Safe to run again: it adds what is missing and changes nothing that exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--create-admin",
            action="store_true",
            help=f"Also create the superuser {DEMO_ADMIN_USERNAME!r} and one user per editor "
            f"role ({', '.join(DEMO_ROLE_USERS)}) with a known password (for a local demo "
            "only).",
        )

    def handle(self, *args, create_admin: bool = False, **options):
        site = load_all(report=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready for {site.site_name}"))
        if create_admin:
            self.ensure_admin()

    def ensure_admin(self):
        user_model = get_user_model()
        if not user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            user_model.objects.create_superuser(
                DEMO_ADMIN_USERNAME, "admin@wulfrun.example", DEMO_ADMIN_PASSWORD
            )
        for username, group_name in DEMO_ROLE_USERS.items():
            if not user_model.objects.filter(username=username).exists():
                user = user_model.objects.create_user(
                    username, f"{username}@wulfrun.example", DEMO_ADMIN_PASSWORD
                )
                user.groups.add(Group.objects.get(name=group_name))
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {admin_url()}  user {DEMO_ADMIN_USERNAME!r}  "
                f"password {DEMO_ADMIN_PASSWORD!r}, and {', '.join(DEMO_ROLE_USERS)} with the "
                "same password, each with only their group's permissions (created once; change "
                "them if you keep this database)"
            )
        )
