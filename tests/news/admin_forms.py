"""What the admin's page editor posts for a news release."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def release_form_data(title: str, slug: str, *, action: str | None = None, **fields) -> dict:
    """Form data for the add and edit views. `action` is the button pressed: "publish",
    "submit" (for moderation) or None (save draft)."""
    topics = fields.pop("topics", [])
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": fields.pop("summary", f"Summary of {title}."),
            "release_date": fields.pop("release_date", ""),
            "hero_image": fields.pop("hero_image", ""),
            "hero_image_alt": fields.pop("hero_image_alt", ""),
            "hero_image_caption": "",
            "hero_image_credit": "",
            "body": streamfield([("paragraph", rich_text("<p>What happened.</p>"))]),
            "notes_to_editors": rich_text("<p>Photographs available.</p>"),
            "press_contact": fields.pop("press_contact", ""),
            "related_pages": inline_formset([]),
            "go_live_at": fields.pop("go_live_at", ""),
            "expire_at": "",
            **fields,
        }
    )
    if topics:
        data["topics"] = [str(topic.pk) for topic in topics]
    if action:
        data[f"action-{action}"] = action
    return data


def add_release_url(news_index) -> str:
    return reverse("wagtailadmin_pages:add", args=["news", "newsreleasepage", news_index.pk])


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])
