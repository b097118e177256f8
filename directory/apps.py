from django.apps import AppConfig
from django.db.models.signals import post_save


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Family hubs and services"

    def ready(self):
        from website.warm_up import before_first_request

        from . import views  # noqa: F401 - registers the page views (website.page_views)
        from .models import FamilyHubIndexPage, ServiceIndexPage
        from .opening_hours import load_bank_holidays

        before_first_request(load_bank_holidays)
        for index_model in (FamilyHubIndexPage, ServiceIndexPage):
            post_save.connect(
                give_editors_the_new_index,
                sender=index_model,
                dispatch_uid=f"directory.give_editors_the_new_index.{index_model.__name__}",
            )


def give_editors_the_new_index(sender, instance, created, raw=False, **kwargs):
    """However an index of hubs or services is made (admin, demo loader, a test), the group
    that keeps it can edit what goes under it."""
    if created and not raw:
        from .editor_groups import ensure_index_permissions

        ensure_index_permissions(instance)
