"""The service form as a directory editor (only the group's permissions) uses it: categories
as a tree of checkboxes grouped under their parent, the chosen ones first; hubs as checkboxes by
name; an organisation chooser that can add one; plain-English messages for bad input, with the
form shown again and nothing typed lost."""

from html import unescape

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from directory.models import Organisation, ServicePage, TaxonomyTerm
from tests.admin_forms import form_values, page_form_values, set_inline_rows
from tests.directory.admin_roles import directory_editor, hub_editor
from tests.directory.factories import hub_index, make_hub
from tests.directory.service_factories import make_service, service_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def services(home_page):
    return service_index(home_page)


@pytest.fixture
def hubs(home_page):
    index = hub_index(home_page)
    return [make_hub(index, name) for name in ("Whitmore Reans", "Bilston", "Ashmore Park")]


@pytest.fixture
def editor(client, django_user_model, services):
    client.force_login(directory_editor(django_user_model, services))
    return client


def add_url(index) -> str:
    return reverse("wagtailadmin_pages:add", args=("directory", "servicepage", index.pk))


def add_form(editor, index) -> tuple[BeautifulSoup, dict]:
    response = editor.get(add_url(index))
    assert response.status_code == 200
    html = response.content.decode()
    return BeautifulSoup(html, "html.parser"), form_values(html)


def test_categories_are_a_tree_grouped_under_their_parents_in_order(editor, services, hubs):
    soup, _ = add_form(editor, services)

    tree = soup.find(attrs={"data-category-tree": True})
    legends = [legend.get_text(strip=True) for legend in tree.find_all("legend")]
    top_level = TaxonomyTerm.objects.filter(parent=None).exclude(children=None)
    assert legends == [term.name for term in top_level.order_by("sort_order", "name")]
    checkboxes = tree.find_all("input", type="checkbox", attrs={"name": "categories"})
    assert len(checkboxes) == TaxonomyTerm.objects.count(), "every category is choosable once"
    # Each child sits in its parent's group.
    child = TaxonomyTerm.objects.exclude(parent=None).select_related("parent").first()
    box = tree.find("input", attrs={"name": "categories", "value": str(child.pk)})
    assert box.find_parent("fieldset").legend.get_text(strip=True) == child.parent.name
    # The filter box is there for the script to show; without it, the whole tree shows.
    assert tree.find(attrs={"data-category-filter": True}).has_attr("hidden")
    assert tree.find("input", type="search") is not None


def test_hubs_are_checkboxes_by_name(editor, services, hubs):
    soup, _ = add_form(editor, services)

    boxes = soup.find_all("input", type="checkbox", attrs={"name": "hubs"})
    labels = [box.find_parent("label").get_text(strip=True) for box in boxes]
    assert labels == ["Ashmore Park", "Bilston", "Whitmore Reans"]
    assert soup.find("select", attrs={"name": "hubs"}) is None


def test_a_directory_editor_adds_a_service_with_categories_and_hubs(editor, services, hubs):
    _, values = add_form(editor, services)
    chosen = list(TaxonomyTerm.objects.filter(code__in=["speech-and-language", "play"]))
    values.update(
        title="Chatterbox",
        slug="chatterbox",
        categories=[str(term.pk) for term in chosen],
        hubs=[str(hubs[0].pk), str(hubs[1].pk)],
        phone="01902 551234",
        minimum_age="1",
        maximum_age="4",
    )
    values["action-publish"] = "action"

    response = editor.post(add_url(services), values)

    assert response.status_code == 302, response.content.decode()[:2000]
    service = ServicePage.objects.get(slug="chatterbox")
    assert service.live
    assert set(service.categories.all()) == set(chosen)
    assert set(service.hubs.all()) == {hubs[0], hubs[1]}


def test_the_chosen_categories_are_listed_first(editor, services, hubs):
    service = make_service(services, "Chatterbox", categories=["speech-and-language"])

    response = editor.get(reverse("wagtailadmin_pages:edit", args=[service.pk]))

    tree = BeautifulSoup(response.content.decode(), "html.parser").find(
        attrs={"data-category-tree": True}
    )
    first_group = tree.find("fieldset")
    assert first_group.legend.get_text(strip=True) == "Chosen (1)"
    box = first_group.find("input", attrs={"name": "categories"})
    assert box.has_attr("checked")
    assert "Speech and language" in box.find_parent("label").get_text()
    speech = TaxonomyTerm.objects.get(code="speech-and-language")
    assert len(tree.find_all("input", attrs={"value": str(speech.pk)})) == 1, "listed once"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"minimum_age": "5", "maximum_age": "2"},
            "maximum_age",
            "The oldest age (2) is younger than the youngest age (5): check they are the right "
            "way round.",
        ),
        (
            {"phone": "01902 555 0100"},
            "phone",
            "Enter a UK phone number, such as 01902 551234 or 07700 900123: '01902 555 0100' has "
            "12 digits, and UK numbers have 10 or 11.",
        ),
        (
            {"phone": "call the hub"},
            "phone",
            "'call the hub' has characters other than digits",
        ),
    ],
)
def test_bad_input_is_explained_and_nothing_typed_is_lost(
    editor, services, hubs, changes, field, message
):
    _, values = add_form(editor, services)
    speech = TaxonomyTerm.objects.get(code="speech-and-language")
    values.update(
        title="Chatterbox",
        slug="chatterbox",
        summary="Songs and stories for toddlers.",
        categories=[str(speech.pk)],
        hubs=[str(hubs[1].pk)],
        **changes,
    )
    values["action-publish"] = "action"

    response = editor.post(add_url(services), values)

    assert response.status_code == 200, "the form is shown again"
    html = response.content.decode()
    assert message in unescape(html)
    assert not ServicePage.objects.filter(slug="chatterbox").exists()
    again = form_values(html)
    assert again["title"] == "Chatterbox"
    assert again["summary"].strip() == "Songs and stories for toddlers."
    assert again["categories"] == str(speech.pk)
    assert again["hubs"] == str(hubs[1].pk)
    for name, value in changes.items():
        assert again[name] == value


def test_a_session_that_ends_before_it_starts_is_explained(editor, services, hubs):
    service = make_service(services, "Chatterbox", hubs=[hubs[0]])
    values = page_form_values(editor, service)
    set_inline_rows(
        values, "opening_sessions", [{"weekday": "1", "opens": "11:30", "closes": "10:00"}]
    )
    values["action-publish"] = "action"

    response = editor.post(reverse("wagtailadmin_pages:edit", args=[service.pk]), values)

    assert response.status_code == 200
    assert (
        "Row 1 (Tuesday): the closing time (10am) must be after the opening time (11:30am)"
        in response.content.decode()
    )
    assert not ServicePage.objects.get(pk=service.pk).opening_sessions.exists()


def test_a_contacts_phone_number_is_checked_too(editor, services, hubs):
    service = make_service(services, "Chatterbox")
    values = page_form_values(editor, service)
    set_inline_rows(values, "contacts", [{"name": "Sam", "title": "Lead", "phone": "12345"}])
    values["action-publish"] = "action"

    response = editor.post(reverse("wagtailadmin_pages:edit", args=[service.pk]), values)

    assert response.status_code == 200
    assert "'12345' should start with 0 or +44" in unescape(response.content.decode())
    assert not ServicePage.objects.get(pk=service.pk).contacts.exists()


def test_the_organisation_chooser_can_add_a_new_organisation(editor, services):
    chooser = reverse("wagtailsnippetchoosers_directory_organisation:choose")
    response = editor.get(chooser)
    assert response.status_code == 200
    assert "Add a new organisation" in response.json()["html"]

    create = reverse("wagtailsnippetchoosers_directory_organisation:create")
    refused = editor.post(create, {"name": "Wulfrun Bumps", "phone": "call us"})
    assert refused.status_code == 200
    assert "has characters other than digits" in refused.json()["htmlFragment"]
    assert not Organisation.objects.filter(name="Wulfrun Bumps").exists()

    added = editor.post(create, {"name": "Wulfrun Bumps", "phone": "01902 551234"})
    assert added.status_code == 200
    assert added.json()["step"] == "chosen"
    assert Organisation.objects.filter(name="Wulfrun Bumps", phone="01902 551234").exists()


def test_a_hub_editor_cannot_add_services(client, django_user_model, services, home_page):
    client.force_login(hub_editor(django_user_model, hub_index(home_page)))

    response = client.get(add_url(services))

    assert response.status_code in (302, 403)
    assert not ServicePage.objects.exists()
