"""Submit Wagtail admin forms the way a browser would: read every field's current value from
the page's HTML, change what the test cares about, post the lot."""

from bs4 import BeautifulSoup


def form_values(html: str, form_id: str = "page-edit-form") -> dict[str, str | list[str]]:
    """The values a browser would submit for the form with that id, keyed by field name."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, f"no form with id {form_id!r}"
    values: dict[str, str | list[str]] = {}
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "input":
            kind = element.get("type", "text")
            if kind in {"submit", "button", "file", "image"}:
                continue
            if kind in {"checkbox", "radio"}:
                if element.has_attr("checked"):
                    _add(values, name, element.get("value", "on"))
                continue
            values[name] = element.get("value", "")
        elif element.name == "textarea":
            values[name] = element.text
        else:
            selected = [
                o.get("value", o.text) for o in element.find_all("option") if o.has_attr("selected")
            ]
            if element.has_attr("multiple"):
                values[name] = selected
            elif selected:
                values[name] = selected[0]
            else:
                first = element.find("option")
                values[name] = first.get("value", first.text) if first else ""
    return values


def _add(values: dict, name: str, value: str) -> None:
    if name in values:
        existing = values[name]
        values[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
    else:
        values[name] = value


def set_inline_rows(values: dict, prefix: str, rows: list[dict]) -> None:
    """Replace an inline panel's rows: existing rows are marked deleted, `rows` added after."""
    existing = int(values.get(f"{prefix}-TOTAL_FORMS", 0))
    for index in range(existing):
        values[f"{prefix}-{index}-DELETE"] = "1"
    for offset, row in enumerate(rows):
        index = existing + offset
        values[f"{prefix}-{index}-id"] = ""
        values[f"{prefix}-{index}-ORDER"] = str(index + 1)
        values[f"{prefix}-{index}-DELETE"] = ""
        for field, value in row.items():
            values[f"{prefix}-{index}-{field}"] = value
    values[f"{prefix}-TOTAL_FORMS"] = str(existing + len(rows))


def page_form_values(client, page) -> dict[str, str | list[str]]:
    """The page editor's current values. StreamFields are drawn by JavaScript, so their form
    data is not in the HTML: empty ones are filled in here; tests that edit a page with
    StreamField content must supply that content themselves."""
    from django.urls import reverse

    from wagtail.fields import StreamField

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    values = form_values(response.content.decode())
    for field in page.specific_class._meta.get_fields():
        if isinstance(field, StreamField):
            if getattr(page.specific, field.name):
                raise NotImplementedError(f"supply the form data for {field.name}")
            values.setdefault(f"{field.name}-count", "0")
    return values
