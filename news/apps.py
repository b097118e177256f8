from django.apps import AppConfig
from django.db.models.signals import post_save


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News releases"

    def ready(self):
        from .models import NewsIndexPage

        post_save.connect(
            apply_comms_workflow_to_new_index,
            sender=NewsIndexPage,
            dispatch_uid="news.apply_comms_workflow_to_new_index",
        )


def apply_comms_workflow_to_new_index(sender, instance, created, raw=False, **kwargs):
    """Every news index, however it is made (admin, demo loader, a test), needs sign-off before
    a release goes out."""
    if created and not raw:
        from .workflow import ensure_comms_workflow

        ensure_comms_workflow(instance)
