"""The ORUK mapping as plain functions: our records out (valid against the schemas), ORUK
objects back in as field values, and our own rules with their messages. No database."""

import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal
from types import SimpleNamespace

import pytest

from directory.oruk import mapping
from tests.directory.oruk_schemas import assert_valid

SERVICE_ID = uuid.UUID("6f1c1f0e-64c0-4b58-9a43-3c1f1e9f8a01")
ORG_ID = uuid.UUID("0b7d4f7e-2a55-4f0e-9a37-1c2b3d4e5f60")
TAXONOMY_ID = uuid.UUID("1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d")
TERM_ID = uuid.UUID("2b3c4d5e-6f7a-4b9c-8d1e-2f3a4b5c6d7e")
PLACE_ID = uuid.UUID("3c4d5e6f-7a8b-4c0d-9e2f-3a4b5c6d7e8f")
CONTACT_ID = uuid.UUID("4d5e6f7a-8b9c-4d1e-8f3a-4b5c6d7e8f90")


class Rows(list):
    """Stands in for a prefetched related manager: `.all()` gives the rows."""

    def all(self):
        return self


def make_service(**overrides):
    org = SimpleNamespace(
        oruk_id=ORG_ID,
        name="Wulfrun NHS Trust",
        description="Community health services.",
        website="https://nhs.example",
        email="hello@nhs.example",
        phone="01902 000000",
    )
    taxonomy = SimpleNamespace(oruk_id=TAXONOMY_ID, name="Harbour family services")
    term = SimpleNamespace(
        oruk_id=TERM_ID,
        name="Speech and language",
        description="Talking and listening.",
        code="speech-and-language",
        parent_id=None,
        taxonomy=taxonomy,
    )
    place = SimpleNamespace(
        oruk_id=PLACE_ID,
        name="Bilston Library",
        address_line_1="Mount Pleasant",
        address_line_2="",
        town="Bilston",
        postcode="WV14 7LU",
        latitude=52.566,
        longitude=-2.073,
    )
    fields = {
        "oruk_id": SERVICE_ID,
        "title": "Chatterbox group",
        "summary": "Songs and games for talking.",
        "description": "<p>Songs &amp; games.</p><p>Bring a <b>snack</b>.</p>",
        "status": "active",
        "website": "",
        "email": "chatter@example.com",
        "phone": "01902 111111",
        "organisation": org,
        "in_person": True,
        "online": False,
        "by_phone": False,
        "minimum_age": 1,
        "maximum_age": 4,
        "pregnancy": False,
        "eligibility_description": "Families in Wulfrun.",
        "is_free": True,
        "cost_amount": None,
        "cost_currency": "GBP",
        "cost_description": "",
        "self_referral": True,
        "referral_description": "Just come along.",
        "language_codes": ["en", "pl"],
        "language_names": ["English", "Polish"],
        "accessibility": "Step-free access.",
        "last_reviewed": date(2026, 9, 1),
        "last_modified": datetime(2026, 10, 2, 9, 30, 15, 123456, tzinfo=UTC),
        "categories": Rows([term]),
        "contacts": Rows(
            [
                SimpleNamespace(
                    oruk_id=CONTACT_ID,
                    name="Asha Patel",
                    title="Speech therapist",
                    phone="07700 900000",
                    email="asha@example.com",
                )
            ]
        ),
        "opening_sessions": Rows([SimpleNamespace(weekday=1, opens=time(10), closes=time(11, 30))]),
        "opening_exceptions": Rows(
            [
                SimpleNamespace(
                    start_date=date(2026, 12, 24),
                    end_date=date(2027, 1, 2),
                    closed=True,
                    opens=None,
                    closes=None,
                    reason="Christmas",
                ),
                SimpleNamespace(
                    start_date=date(2027, 1, 9),
                    end_date=None,
                    closed=False,
                    opens=time(9),
                    closes=time(12),
                    reason="Saturday special",
                ),
            ]
        ),
    }
    fields.update(overrides)
    service = SimpleNamespace(**fields)
    service.delivery_places = lambda: [place]
    return service


def uk_postcode(text):
    """Stands in for directory.postcodes.parse: good enough for these tests."""
    return text.upper() if text.upper().startswith("WV") else None


def back(data):
    return mapping.service_record(data, valid_postcode=uk_postcode, known_languages={"en", "pl"})


def test_a_whole_service_is_valid_oruk():
    data = mapping.service(make_service(), page_url="https://harbour.example/services/chat/")
    assert_valid(data, "service.json")
    assert data["id"] == str(SERVICE_ID)
    assert data["name"] == "Chatterbox group"
    assert data["description"] == "Songs & games.\n\nBring a snack."
    assert data["url"] == "https://harbour.example/services/chat/"
    assert data["last_modified"] == "2026-10-02T09:30:15.123Z"
    assert data["assured_date"] == "2026-09-01"
    assert data["organization"]["id"] == str(ORG_ID)
    assert data["cost_options"][0] | {"id": None} == {
        "id": None,
        "option": "Free",
        "amount": 0,
        "currency": "GBP",
    }
    assert [lang["code"] for lang in data["languages"]] == ["en", "pl"]
    [at_place] = data["service_at_locations"]
    assert at_place["location"]["addresses"][0]["postal_code"] == "WV14 7LU"
    assert at_place["id"] == str(uuid.uuid5(SERVICE_ID, str(PLACE_ID)))
    terms = [a["taxonomy_term"]["term"] for a in data["attributes"]]
    assert terms == ["speech-and-language", "in-person", "self-referral"]


def test_ids_we_derive_are_stable():
    assert mapping.service(make_service()) == mapping.service(make_service())


def test_schedules_say_weekly_sessions_and_dated_changes():
    session, closure, special = mapping.service(make_service())["schedules"]
    assert session | {"id": None} == {
        "id": None,
        "service_id": str(SERVICE_ID),
        "freq": "WEEKLY",
        "interval": 1,
        "byday": "TU",
        "opens_at": "10:00",
        "closes_at": "11:30",
    }
    assert closure["valid_from"] == "2026-12-24"
    assert closure["valid_to"] == "2027-01-02"
    assert closure["description"] == "Closed for Christmas"
    assert "opens_at" not in closure
    assert special["opens_at"] == "09:00"
    assert special["valid_to"] == "2027-01-09"


def test_a_paid_service_gives_its_amount():
    data = mapping.service(
        make_service(is_free=False, cost_amount=Decimal("3.50"), cost_description="per session")
    )
    assert_valid(data, "service.json")
    assert data["cost_options"][0]["amount"] == 3.5
    assert data["cost_options"][0]["amount_description"] == "per session"


def test_the_summary_fields_are_valid_list_items():
    item = mapping.service_summary(make_service(organisation=None))
    assert_valid({"contents": [item]}, "service_list.json")
    assert "organization" not in item


def test_out_and_back_gives_the_same_fields():
    record = back(mapping.service(make_service(), page_url="https://h.example/s/"))
    assert record.oruk_id == SERVICE_ID
    assert record.fields | {"website": None} == {
        "title": "Chatterbox group",
        "summary": "Songs & games.",
        "description": "<p>Songs &amp; games.</p><p>Bring a snack.</p>",
        "status": "active",
        "website": None,
        "email": "chatter@example.com",
        "phone": "01902 111111",
        "minimum_age": 1,
        "maximum_age": 4,
        "eligibility_description": "Families in Wulfrun.",
        "referral_description": "Just come along.",
        "languages": "en, pl",
        "accessibility": "Step-free access.",
        "is_free": True,
        "cost_amount": None,
        "cost_description": "",
        "in_person": True,
        "online": False,
        "by_phone": False,
        "pregnancy": False,
        "self_referral": True,
        "last_reviewed": date(2026, 9, 1),
    }
    assert record.organisation["name"] == "Wulfrun NHS Trust"
    assert record.organisation["phone"] == "01902 000000"
    [place] = record.locations
    assert (place.oruk_id, place.postcode, place.town) == (PLACE_ID, "WV14 7LU", "Bilston")
    [person] = record.contacts
    assert (person.name, person.phone, person.email) == (
        "Asha Patel",
        "07700 900000",
        "asha@example.com",
    )
    assert [(s.weekday, s.opens, s.closes) for s in record.sessions] == [
        (1, time(10), time(11, 30))
    ]
    closure, special = record.exceptions
    assert (closure.closed, closure.reason, closure.end_date) == (
        True,
        "Christmas",
        date(2027, 1, 2),
    )
    assert (special.closed, special.opens, special.end_date) == (False, time(9), None)
    assert [(t.oruk_id, t.code) for t in record.categories] == [(TERM_ID, "speech-and-language")]


def test_a_paid_service_comes_back_paid():
    record = back(
        mapping.service(
            make_service(is_free=False, cost_amount=Decimal("3.50"), cost_description="a go")
        )
    )
    assert record.fields["is_free"] is False
    assert record.fields["cost_amount"] == Decimal("3.50")
    assert record.fields["cost_description"] == "a go"


def minimal(**fields):
    return {"id": str(SERVICE_ID), "name": "A service", "status": "active", **fields}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (minimal(name="  "), "name: a service needs a name"),
        (minimal(minimum_age=-1), "minimum_age: -1 is not an age from 0 to 130"),
        (minimal(minimum_age=2.5), "minimum_age: 2.5 is not a whole number of years"),
        (minimal(minimum_age=10, maximum_age=5), "maximum_age: it is less than minimum_age"),
        (minimal(assured_date="yesterday"), "assured_date: 'yesterday' is not a date"),
        (
            minimal(
                service_at_locations=[
                    {
                        "id": str(PLACE_ID),
                        "location": {
                            "id": str(PLACE_ID),
                            "location_type": "physical",
                            "latitude": 100,
                            "longitude": 101,
                            "addresses": [{"address_1": "1 Main St", "postal_code": "WV1 1AA"}],
                        },
                    }
                ]
            ),
            "service_at_locations/0/location: (100, 101) are not valid coordinates",
        ),
        (
            minimal(
                service_at_locations=[
                    {
                        "id": str(PLACE_ID),
                        "location": {
                            "id": str(PLACE_ID),
                            "location_type": "physical",
                            "addresses": [{"address_1": "1 Main St", "postal_code": "ABC 1234"}],
                        },
                    }
                ]
            ),
            "service_at_locations/0/location/addresses: 'ABC 1234' is not a UK postcode",
        ),
        (
            minimal(
                schedules=[
                    {
                        "id": str(PLACE_ID),
                        "freq": "WEEKLY",
                        "byday": "XX",
                        "opens_at": "09:00",
                        "closes_at": "10:00",
                    }
                ]
            ),
            "schedules/0/byday: 'XX' is not a weekday (MO to SU)",
        ),
        (
            minimal(
                schedules=[
                    {
                        "id": str(PLACE_ID),
                        "freq": "WEEKLY",
                        "byday": "MO",
                        "opens_at": "11:00",
                        "closes_at": "10:00",
                    }
                ]
            ),
            "schedules/0: a weekly session needs opens_at before closes_at",
        ),
    ],
)
def test_our_own_rules_reject_with_a_reason(data, message):
    with pytest.raises(mapping.Invalid) as raised:
        back(data)
    assert str(raised.value).startswith(message)


def test_someone_elses_feed_gets_sensible_defaults():
    record = back(minimal(fees="£2 a session", languages=[{"id": str(PLACE_ID), "code": "xx"}]))
    assert record.fields["in_person"] is False
    assert "self_referral" not in record.fields  # left to the model's default
    assert record.fields["is_free"] is False
    assert record.fields["cost_description"] == "£2 a session"
    assert record.fields["languages"] == ""


def test_monthly_schedules_are_left_out_with_a_note():
    record = back(minimal(schedules=[{"id": str(PLACE_ID), "freq": "MONTHLY", "bymonthday": "1"}]))
    assert record.sessions == []
    assert record.notes == [
        "schedules/0: left out (only weekly sessions and dated changes are kept)"
    ]


def test_plain_text_and_rich_text():
    assert (
        mapping.plain_text("<h2>Who</h2><ul><li>Dads</li><li>Mums</li></ul>")
        == "Who\n\nDads\n\nMums"
    )
    assert mapping.rich_text("a < b\n\nnext") == "<p>a &lt; b</p><p>next</p>"


def test_timestamps_are_utc_with_milliseconds():
    assert mapping.timestamp(datetime(2026, 6, 1, 12, 0, tzinfo=UTC)) == "2026-06-01T12:00:00.000Z"
    assert mapping.timestamp(None) is None


def test_first_sentences_cut_at_a_sentence():
    text = "One sentence here. " * 30
    summary = mapping.first_sentences(text, 100)
    assert len(summary) <= 100
    assert summary.endswith(".")
