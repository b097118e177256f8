"""Many standard pages, fast: plain INSERTs, for the benchmarks and the tests that need volume.

Wagtail's `add_child` plus a published revision costs tens of queries per page; 20,000 pages
that way take most of an hour. These pages are live and well-formed in the tree (paths, depth,
URL paths, locale), but have no revisions and send no signals: index them with `update_index`."""

import uuid
from collections.abc import Iterable, Iterator
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from website.models import StandardPage


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@transaction.atomic
def bulk_create_standard_pages(parent: Page, specs: Iterable[dict], batch_size: int = 500) -> int:
    """Add a live StandardPage under `parent` for each spec ({"title", "slug", "summary",
    "body"}). Returns how many were added."""
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(StandardPage)
    last_child = parent.get_last_child()
    next_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
    depth = parent.depth + 1
    now = timezone.now()
    local_fields = StandardPage._meta.local_concrete_fields
    added = 0
    for batch in batched(specs, batch_size):
        pages = []
        for spec in batch:
            page = StandardPage(
                title=spec["title"],
                draft_title=spec["title"],
                slug=spec["slug"],
                summary=spec.get("summary", ""),
                body=spec.get("body", []),
                path=Page._get_path(parent.path, depth, next_step),
                depth=depth,
                numchild=0,
                url_path=f"{parent.url_path}{spec['slug']}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=spec.get("published_at", now),
                last_published_at=spec.get("published_at", now),
                content_type=content_type,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
            next_step += 1
            pages.append(page)
        # The Page rows first (bulk_create returns their ids), then the StandardPage rows that
        # point at them: Django cannot bulk-create a multi-table model in one call.
        bases = Page.objects.bulk_create(
            [
                Page(
                    **{
                        field.attname: getattr(page, field.attname)
                        for field in Page._meta.concrete_fields
                        if field.attname != "id"
                    }
                )
                for page in pages
            ]
        )
        for page, base in zip(pages, bases, strict=True):
            page.page_ptr_id = page.id = base.id
        StandardPage._base_manager._insert(pages, fields=local_fields, using=parent._state.db)
        added += len(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + added)
    return added
