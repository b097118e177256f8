"""The service directory search at /services/, on the database and on Elasticsearch: the same
filters, counts and order on both (what each engine ranks by text aside)."""

import re
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from directory import geo, service_search
from directory.models import Organisation, TaxonomyTerm
from search.engines import elasticsearch_backend
from tests.conftest import elasticsearch_backend_settings
from tests.html import soup
from tests.website.test_health import closed_port

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    """The results (what is near, with a postcode), in order."""
    return [
        link.get_text(strip=True)
        for link in soup(response).select(".service-results__list .service-card h3 a")
    ]


def remote_titles(response) -> list[str]:
    """With a postcode: the services listed apart, "Also available by phone, online or at
    home"."""
    return [
        link.get_text(strip=True)
        for link in soup(response).select(".service-results__remote .service-card h3 a")
    ]


def count_heading(response) -> str:
    return " ".join(soup(response).select_one("[role=status]").get_text().split())


def category_counts(response) -> dict[str, int]:
    counts = {}
    for box in soup(response).select("input[name=category]"):
        label = soup(response).select_one(f"label[for={box['id']}]").get_text(" ", strip=True)
        counts[box["value"]] = int(re.search(r"\((\d+)\)$", label).group(1))
    return counts


def distances(response) -> list[str]:
    return [p.get_text(strip=True) for p in soup(response).select(".service-card .card__distance")]


def search(client, engine, **params):
    response = client.get("/services/", params)
    assert response.status_code == 200, response.content[:2000]
    if engine == "elasticsearch":
        assert elasticsearch_backend() is not None
        assert "simpler way than usual" not in response.content.decode()
    return response


def test_everything_listed_without_filters_in_title_order(client, engine):
    response = search(client, engine)
    assert titles(response) == [
        "Breastfeeding cafe",
        "Online parenting course",
        "SEND parent group",
        "Speech and language drop-in",
        "Speech therapy clinic",
        "Talking tots group",
        "Youth club",
    ]
    assert count_heading(response) == "7 services found"
    # Drafts and defunct services are never listed.
    assert "Secret speech service" not in response.content.decode()
    assert "Old speech service" not in response.content.decode()


def test_keyword_only(client, engine):
    response = search(client, engine, q="speech")
    assert sorted(titles(response)) == ["Speech and language drop-in", "Speech therapy clinic"]
    assert count_heading(response) == "2 services found"
    counts = category_counts(response)
    assert counts["speech-and-language"] == 2
    assert counts["speech-and-language-therapy"] == 2
    assert counts["parenting"] == 0


def test_postcode_only_finds_services_within_five_miles_nearest_first_and_says_how_far(
    client, engine
):
    response = search(client, engine, postcode="wv14 0ab")
    # Pendeford (7.1 miles) is too far. Nearest first, once there is a postcode.
    found = titles(response)
    # Equal distances in either order (the engines break ties by id).
    assert sorted(found[:2]) == ["SEND parent group", "Speech and language drop-in"]
    assert sorted(found[2:]) == [
        "Breastfeeding cafe",
        "Speech therapy clinic",
        "Talking tots group",
    ]
    assert count_heading(response) == "5 services found near WV14 0AB"
    assert distances(response) == [
        "Less than 0.1 miles away, at Bilston Family Hub",
        "Less than 0.1 miles away, at Bilston Family Hub",
        "2.8 miles away, at Central Family Hub",
        "2.8 miles away, at Central Family Hub",
        "2.8 miles away, at Central Family Hub",
    ]
    # Delivered online: listed apart, with no distance that is not its own.
    assert remote_titles(response) == ["Online parenting course"]
    remote = soup(response).select_one(".service-results__remote")
    assert remote.select(".card__distance") == []
    assert "Also available by phone, online or at home" in response.content.decode()
    assert response["Cache-Control"].count("no-store") == 1


def test_a_radius_is_about_where_families_go(client, engine):
    """Within 1 mile of Bilston: only what happens there; the online course is listed apart."""
    response = search(client, engine, postcode="WV14 0AB", radius="1")
    assert sorted(titles(response)) == ["SEND parent group", "Speech and language drop-in"]
    assert all(text.startswith("Less than 0.1 miles") for text in distances(response))
    assert remote_titles(response) == ["Online parenting course"]
    best_match = search(client, engine, postcode="WV14 0AB", radius="1", sort="relevance")
    assert sorted(titles(best_match)) == sorted(titles(response))


def test_nearest_first_uses_each_services_nearest_place(client, engine):
    response = search(client, engine, postcode="WV10 8AA", radius="any", sort="nearest")
    found = titles(response)
    # The clinic's own place is at WV10 8AA; the others are at the hubs.
    assert found[0] == "Speech therapy clinic"
    miles = [float(text.split()[0]) if text[0].isdigit() else 0.0 for text in distances(response)]
    assert miles == sorted(miles)
    assert len(found) == len(miles) == 6
    # Nowhere to measure from: listed apart.
    assert remote_titles(response) == ["Online parenting course"]


def test_keyword_postcode_category_and_age(client, engine):
    response = search(
        client, engine, q="speech", postcode="WV1 1SH", category="speech-and-language", age="4"
    )
    assert sorted(titles(response)) == ["Speech and language drop-in", "Speech therapy clinic"]
    response = search(
        client, engine, q="speech", postcode="WV1 1SH", category="speech-and-language", age="8"
    )
    assert titles(response) == ["Speech therapy clinic"]
    response = search(
        client,
        engine,
        q="speech",
        postcode="WV1 1SH",
        radius="1",
        category="speech-and-language",
        age="4",
        sort="nearest",
    )
    assert titles(response) == ["Speech therapy clinic"]


def test_category_counts_match_what_ticking_the_box_finds(client, engine):
    base = {"postcode": "WV1 1SH", "radius": "5", "free": "1"}
    response = search(client, engine, **base)
    counts = category_counts(response)
    assert counts["speech-and-language"] == 2  # the clinic is not free
    for code, count in counts.items():
        ticked = search(client, engine, **base, category=code)
        # What is near and what reaches families anywhere, listed apart.
        assert len(titles(ticked)) + len(remote_titles(ticked)) == count, code
        # The other boxes still count what they would add.
        assert category_counts(ticked) == counts


def test_categories_combine_as_alternatives_and_parents_include_children(client, engine):
    response = search(client, engine, category=["youth-clubs", "breastfeeding"])
    assert titles(response) == ["Breastfeeding cafe", "Youth club"]
    response = search(client, engine, category="speech-and-language")
    assert titles(response) == [
        "Speech and language drop-in",
        "Speech therapy clinic",
        "Talking tots group",
    ]


def test_free_and_delivery_filters(client, engine):
    assert "Youth club" not in titles(search(client, engine, free="1"))
    assert titles(search(client, engine, delivery="online")) == ["Online parenting course"]


def test_no_results(client, engine):
    response = search(client, engine, q="zebra crossing lessons")
    assert titles(response) == []
    assert count_heading(response) == "No services found"
    assert "Try fewer words" in response.content.decode()


def test_every_word_but_stop_words_must_match_anywhere_in_the_service(client, engine):
    # "language" is in both speech services' text (a title, a category); only the drop-in's
    # summary has "therapist". "and" is a stop word: it neither finds nor excludes.
    response = search(client, engine, q="language and therapist")
    assert titles(response) == ["Speech and language drop-in"]
    assert count_heading(response) == "1 service found"


def test_badges_on_results(client, engine):
    page = soup(search(client, engine, q="clinic"))
    card = page.select_one(".service-card")
    tags = [tag.get_text(strip=True) for tag in card.select(".tag")]
    assert tags == ["£5 per session", "Referral needed"]


@pytest.mark.elasticsearch
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "speech"},
        {"postcode": "WV14 0AB", "radius": "any", "sort": "nearest"},
        {"postcode": "WV10 8AA", "radius": "2"},
        {"q": "group", "category": "parenting", "age": "2"},
        {"q": "songs and sport"},
        {"category": "speech-and-language", "delivery": ["in_person", "by_phone"]},
    ],
)
def test_elasticsearch_and_the_database_agree(client, directory, elasticsearch, settings, params):
    on_elasticsearch = client.get("/services/", params)
    assert "simpler way" not in on_elasticsearch.content.decode()
    settings.WAGTAILSEARCH_BACKENDS = {"default": settings.DATABASE_SEARCH_BACKEND}
    on_database = client.get("/services/", params)
    ordered = not params.get("q")
    for get in (titles, distances):
        a, b = get(on_elasticsearch), get(on_database)
        assert (a if ordered else sorted(a)) == (b if ordered else sorted(b))
    assert category_counts(on_elasticsearch) == category_counts(on_database)
    assert count_heading(on_elasticsearch) == count_heading(on_database)


def searchable(engine) -> None:
    if engine == "elasticsearch":
        elasticsearch_backend().refresh_indexes()


def test_services_follow_their_hub_when_it_moves_or_closes(client, engine, directory):
    """A service's Elasticsearch document holds its hubs' locations: editing the hub updates it."""
    bilston = directory["hubs"]["Bilston"]
    near_bilston = {"postcode": "WV14 0AB", "radius": "1"}
    at_bilston_only = ["SEND parent group", "Speech and language drop-in"]
    assert sorted(titles(search(client, engine, **near_bilston))) == at_bilston_only
    assert remote_titles(search(client, engine, **near_bilston)) == ["Online parenting course"]

    bilston.location = geo.format_point(52.6606, -2.1362)  # where Pendeford is
    bilston.save_revision().publish()
    searchable(engine)
    assert titles(search(client, engine, **near_bilston)) == []
    near_pendeford = search(client, engine, postcode="WV10 8AA", radius="5", q="speech")
    assert "Speech and language drop-in" in titles(near_pendeford)

    bilston.unpublish()
    searchable(engine)
    near_pendeford = search(client, engine, postcode="WV10 8AA", radius="5", q="speech")
    assert "Speech and language drop-in" not in titles(near_pendeford)


def test_services_follow_their_organisation_and_categories_when_renamed(client, engine, directory):
    nhs = Organisation.objects.get(name="Wulfrun NHS Trust")
    assert titles(search(client, engine, q="pennywhistle")) == []

    nhs.name = "Pennywhistle Health"
    nhs.save()
    term = TaxonomyTerm.objects.get(code="early-language-groups")
    term.name = "Chatterbox groups"
    term.save()
    searchable(engine)

    assert sorted(titles(search(client, engine, q="pennywhistle"))) == [
        "Speech and language drop-in",
        "Speech therapy clinic",
    ]
    assert titles(search(client, engine, q="chatterbox")) == ["Talking tots group"]


def test_a_listed_service_is_read_once_and_changes_show_at_once(client, directory, monkeypatch):
    reads = []
    read = service_search.read_service_cards
    monkeypatch.setattr(
        service_search, "read_service_cards", lambda pks: reads.append(len(pks)) or read(pks)
    )
    client.get("/services/", {"q": "speech"})
    assert reads == [2]
    # The same services again, whatever the search: not read again.
    assert titles(client.get("/services/", {"q": "clinic"})) == ["Speech therapy clinic"]
    assert reads == [2]

    clinic = directory["services"]["clinic"]
    clinic.title = "Speech therapy clinic (Low Hill)"
    clinic.save_revision().publish()
    nhs = Organisation.objects.get(name="Wulfrun NHS Trust")
    nhs.name = "Wulfrun Health"
    nhs.save()
    page = soup(client.get("/services/", {"q": "clinic"}))
    assert [a.get_text(strip=True) for a in page.select(".service-card h3 a")] == [
        "Speech therapy clinic (Low Hill)"
    ]
    assert page.select_one(".service-card .secondary-text").get_text() == "Wulfrun Health"


def test_editing_a_hub_queues_its_services_index_updates(directory, settings):
    """With Elasticsearch (here down) and the durable queue: one bulk update for its services,
    queued with the hub's own, and queued on delete after the hub is gone."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WAGTAILSEARCH_BACKENDS = elasticsearch_backend_settings(
        f"http://127.0.0.1:{closed_port()}", "harbour_down_", timeout=1
    )
    bilston = directory["hubs"]["Bilston"]
    services = directory["services"]
    at_bilston = sorted(str(services[key].pk) for key in ("drop-in", "send-group"))

    def queued_for_services() -> list:
        return [
            (task.args_kwargs["args"][0], sorted(task.args_kwargs["args"][1]))
            for task in DBTaskResult.objects.filter(
                task_path="search.tasks.sync_search_documents", status=TaskResultStatus.READY
            )
        ]

    DBTaskResult.objects.all().delete()
    bilston.save_revision().publish()
    assert queued_for_services() == [("directory.servicepage", at_bilston)]

    DBTaskResult.objects.all().delete()
    bilston.delete()
    assert queued_for_services() == [("directory.servicepage", at_bilston)]


def test_query_count_stays_flat_as_services_grow(client, directory, home_page):
    from tests.directory.service_factories import make_service, organisation

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/services/", {"postcode": "WV1 1SH", "q": ""}).status_code == 200
        return len(captured)

    queries()  # caches filled on the first request (site root paths...)
    before = queries()
    hubs = list(directory["hubs"].values())
    for number in range(12):
        make_service(
            directory["index"],
            f"Extra service {number}",
            categories=["parenting", "youth-clubs"],
            hubs=hubs[: number % 3 + 1],
            locations=[
                {
                    "name": "Hall",
                    "address_line_1": "1 Road",
                    "town": "Wulfrun",
                    "postcode": "WV1 1SH",
                }
            ],
            sessions=[(2, "09:00", "10:00")],
            # Every part of a result card shown: a charge, an organisation, the badges.
            is_free=number % 2 == 0,
            cost_amount=None if number % 2 == 0 else Decimal("2.50"),
            cost_description="a session",
            organisation=organisation(f"Provider {number % 4}"),
            self_referral=True,
            online=True,
            by_phone=True,
            summary="A summary.",
        )
    queries()  # the shared content (website/content_cache.py) is read again after publishing
    assert queries() == before


@pytest.mark.parametrize(
    "codes",
    [("speech-and-language",), ("parenting", "youth-clubs"), ("short-breaks", "send-advice")],
)
@pytest.mark.parametrize("near_central", [False, True])
def test_a_category_nobody_counts_is_filtered_in_sql_with_the_same_answer(
    directory, codes, near_central
):
    """A topic page selects categories without counting them: the database path then filters
    them in SQL (ServicePage.facet_filter) rather than matching every service's document. The
    answer must be the one the documents give."""
    from search.faceted import SORT_NEAREST, SORT_RELEVANCE, FacetedQuery, faceted_search

    services = service_search.listed_services(directory["index"])
    point = (52.5870, -2.1296) if near_central else None
    sort = SORT_NEAREST if near_central else SORT_RELEVANCE
    for remote_only in (False, True) if near_central else (False,):
        asked = FacetedQuery(
            selected={"category": codes}, point=point, sort=sort, size=50, remote_only=remote_only
        )
        by_documents = faceted_search(
            services, FacetedQuery(**{**asked.__dict__, "facets": ("category",)})
        )
        in_sql = faceted_search(services, asked)
        assert (in_sql.pks, in_sql.total) == (by_documents.pks, by_documents.total)
        assert in_sql.total > 0 or remote_only


def test_documents_read_through_a_queryset_are_those_read_by_pks_in_as_many_queries(directory):
    services = service_search.listed_services(directory["index"])
    pks = list(services.values_list("pk", flat=True))
    ServicePage = services.model
    by_pks = ServicePage.faceted_documents(pks)
    with CaptureQueriesContext(connection) as all_of_them:
        through_queryset = ServicePage.faceted_documents(services.values("pk"))
    with CaptureQueriesContext(connection) as two_of_them:
        ServicePage.faceted_documents(services.filter(pk__in=pks[:2]).values("pk"))
    assert through_queryset == by_pks
    assert len(all_of_them) == len(two_of_them)
