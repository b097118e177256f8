"""The admin's "News releases" listing: Wagtail's page listing for one page type, with the
release's state (from `NewsReleasePage.state_label`, as the dashboard and the confirmations say
it), its topics and its author, and filters by state and topic."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UserColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageTitleColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, WorkflowState

from django_filters import ChoiceFilter, ModelMultipleChoiceFilter

from .models import NewsIndexPage, NewsReleasePage, NewsTopic
from .release_dates import ReleaseState


class ReleaseStateFilter(ChoiceFilter):
    """The four states, as `release_state` decides them, in queryset terms."""

    def filter(self, queryset, value):
        if not value:
            return queryset
        if value == ReleaseState.LIVE:
            return queryset.filter(live=True)
        not_live = queryset.filter(live=False)
        if value == ReleaseState.EMBARGOED:
            return not_live.filter(embargoed_until_annotation__isnull=False)
        in_workflow = Exists(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=Cast(OuterRef("pk"), output_field=CharField()),
            )
        )
        not_embargoed = not_live.filter(embargoed_until_annotation__isnull=True)
        if value == ReleaseState.IN_SIGN_OFF:
            return not_embargoed.filter(in_workflow)
        return not_embargoed.exclude(in_workflow)


class NewsReleaseFilterSet(PageListingViewSet.filterset_class):
    state = ReleaseStateFilter(
        label=_("State"),
        empty_label=_("Any"),
        choices=[
            (ReleaseState.DRAFT.value, _("Draft")),
            (ReleaseState.IN_SIGN_OFF.value, _("In sign-off")),
            (ReleaseState.EMBARGOED.value, _("Embargoed")),
            (ReleaseState.LIVE.value, _("Live")),
        ],
        widget=forms.RadioSelect,
    )
    topics = ModelMultipleChoiceFilter(
        label=_("Topic"),
        queryset=NewsTopic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NewsReleasePage
        fields = []


class ReleaseStateColumn(Column):
    cell_template_name = "news/admin/release_state_cell.html"


class TopicsColumn(Column):
    def get_value(self, instance):
        return ", ".join(topic.name for topic in instance.topics.all())


class NewsReleaseIndexView(PageListingViewSet.index_view_class):
    page_title = _("News releases")

    def get_base_queryset(self):
        pages = super().get_base_queryset()
        return NewsReleasePage.with_release_state(
            pages.prefetch_related("owner__wagtail_userprofile", "topics")
        )


class NewsReleasesMenuItem(MenuItem):
    """Shown to those who may add or edit releases under a news index (the comms groups, and
    superusers), not to every editor: a hub editor would find an empty listing."""

    def is_shown(self, request):
        return any(
            permissions.can_add_subpage() or permissions.can_edit()
            for permissions in (
                index.permissions_for_user(request.user) for index in NewsIndexPage.objects.all()
            )
        )


class NewsReleaseListingViewSet(PageListingViewSet):
    model = NewsReleasePage
    menu_item_class = NewsReleasesMenuItem
    icon = "doc-full"
    menu_label = _("News releases")
    name = "news_releases"
    index_view_class = NewsReleaseIndexView
    filterset_class = NewsReleaseFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        ReleaseStateColumn("state", label=_("State"), accessor="state_label"),
        TopicsColumn("topics", label=_("Topics")),
        UserColumn("owner", label=_("Author")),
    ]
