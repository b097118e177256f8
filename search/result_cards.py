"""The result cards of site search: what a result shows of a page (title, URL, type, summary,
date), read from the database for the page ids an engine found, in their order, and remembered
with the shared content."""

from dataclasses import dataclass
from datetime import date, datetime

from wagtail.models import Page, Site

from website import content_cache
from website.models import PAGE_LINK_FIELDS

from . import page_types


@dataclass(frozen=True)
class ResultCard:
    """What a result shows of a page, whatever the query: remembered with the shared content (per
    site, as the URL depends on it), so that a page found again is not read again."""

    pk: int
    title: str
    url: str
    type_label: str
    plain_summary: str
    date: date | datetime | None


def plain_summary(page: Page) -> str:
    return getattr(page, "summary", "") or page.search_description or ""


def result_cards(pks: list, request, models: dict | None = None) -> list[ResultCard]:
    """The cards for these page ids, in this order, skipping any page no longer live
    (Elasticsearch may not have heard yet: its update waits in the task queue). Kept with the
    shared content, whose generation any publish, unpublish, move or delete ends."""
    site = Site.find_for_request(request) if request is not None else None
    cards = content_cache.remember_many(
        f"search-result:{site.pk if site else 0}",
        pks,
        lambda missing: _read_result_cards(missing, request, models or {}),
    )
    return [cards[pk] for pk in pks if pk in cards]


def _read_result_cards(pks: list, request, models: dict) -> dict:
    """{pk: card} for the live pages among `pks`. With each page's model known (`models`:
    pk -> "app_label.modelname"), one query per model; otherwise Wagtail's `specific()`, which
    first asks the database."""
    by_model: dict[str, list] = {}
    for pk in pks:
        by_model.setdefault(models.get(pk, ""), []).append(pk)
    pages = {}
    for label, model_pks in by_model.items():
        model = _page_model(label)
        found = (
            model.objects.live().filter(pk__in=model_pks).only(*result_fields(model))
            if model
            else Page.objects.live().filter(pk__in=model_pks).defer_streamfields().specific()
        )
        pages.update({str(page.pk): page for page in found})
    return {pk: _card(pages[str(pk)], request) for pk in pks if str(pk) in pages}


def _card(page: Page, request) -> ResultCard:
    return ResultCard(
        pk=page.pk,
        title=page.title,
        url=page.get_url(request) or page.url or "",
        type_label=page_types.search_type_label(type(page)) or "Page",
        plain_summary=plain_summary(page),
        date=page_types.search_date(page),
    )


# What a result shows of any page: its title and URL, and the summary it falls back to.
RESULT_PAGE_FIELDS = (*PAGE_LINK_FIELDS, "search_description")


def result_fields(model) -> list[str]:
    """The fields a result shows for a page of `model` (title, URL, summary, date): building
    whole pages for ten results costs more than the search itself."""
    fields = list(RESULT_PAGE_FIELDS)
    if any(field.name == "summary" for field in model._meta.get_fields()):
        fields.append("summary")
    date_field = page_types.search_date_field(model)
    if date_field:
        fields.append(date_field)
    return fields


def _page_model(label: str):
    from django.apps import apps

    try:
        model = apps.get_model(label) if label else None
    except (LookupError, ValueError):
        return None
    return model if model and issubclass(model, Page) else None
