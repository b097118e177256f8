"""Ages as a service page and a hub page say them (directory.ages): every case, in words a
parent reads without stopping ("0 to 1 year", never "Up to 1 years")."""

import pytest

from directory.ages import age_range_text, hub_ages_text
from directory.models import FamilyHubPage, ServicePage


@pytest.mark.parametrize(
    ("minimum", "maximum", "pregnancy", "expected"),
    [
        # From birth (a blank youngest age and 0 say the same).
        (None, None, False, "All ages"),
        (0, None, False, "All ages"),
        (None, 0, False, "Babies under 1"),
        (0, 0, False, "Babies under 1"),
        (0, 1, False, "0 to 1 year"),
        (None, 1, False, "0 to 1 year"),
        (0, 4, False, "0 to 4 years"),
        (0, 19, False, "0 to 19 years"),
        # From pregnancy.
        (None, None, True, "Pregnancy and children of all ages"),
        (0, 0, True, "Pregnancy and babies under 1"),
        (None, 1, True, "Pregnancy to 1 year"),
        (0, 2, True, "Pregnancy to 2 years"),
        # From an older age.
        (11, 19, False, "Ages 11 to 19"),
        (1, 4, False, "Ages 1 to 4"),
        (2, 2, False, "Age 2"),
        (1, 1, False, "Age 1"),
        (16, None, False, "Ages 16 and over"),
        (1, None, False, "Ages 1 and over"),
        # Pregnancy and an older age: two groups, said apart.
        (5, 11, True, "Pregnancy, and ages 5 to 11"),
        (3, 3, True, "Pregnancy, and age 3"),
        (16, None, True, "Pregnancy, and ages 16 and over"),
    ],
)
def test_age_range_text(minimum, maximum, pregnancy, expected):
    assert age_range_text(minimum, maximum, pregnancy) == expected


@pytest.mark.parametrize(
    ("minimum", "maximum", "pregnancy", "oldest_with_send", "expected"),
    [
        (0, 19, True, 25, "Pregnancy to 19 years, or 25 for young people with SEND"),
        (0, 19, False, 25, "0 to 19 years, or 25 for young people with SEND"),
        (0, 19, True, None, "Pregnancy to 19 years"),
        (0, 19, True, 19, "Pregnancy to 19 years"),
        (0, 19, True, 18, "Pregnancy to 19 years"),
        (11, 19, False, 25, "Ages 11 to 19, or 25 for young people with SEND"),
        (0, 1, False, None, "0 to 1 year"),
        (0, 0, True, None, "Pregnancy and babies under 1"),
    ],
)
def test_hub_ages_text(minimum, maximum, pregnancy, oldest_with_send, expected):
    assert hub_ages_text(minimum, maximum, pregnancy, oldest_with_send) == expected


@pytest.mark.django_db  # a page's constructor reads the default locale
def test_a_hubs_ages_served_reads_its_fields():
    hub = FamilyHubPage(min_age=0, max_age=5, serves_pregnancy=True, max_age_send=None)
    assert hub.ages_served == "Pregnancy to 5 years"
    hub.min_age, hub.max_age, hub.serves_pregnancy, hub.max_age_send = 11, 19, False, 25
    assert hub.ages_served == "Ages 11 to 19, or 25 for young people with SEND"


@pytest.mark.django_db
def test_a_services_ages_text_reads_its_fields():
    service = ServicePage(minimum_age=None, maximum_age=1, pregnancy=False)
    assert service.ages_text == "0 to 1 year"
    service.pregnancy = True
    assert service.ages_text == "Pregnancy to 1 year"


@pytest.mark.django_db
def test_a_service_with_no_childs_ages_that_says_who_it_is_for_gives_only_what_is_sure():
    """A helpline for adults affected by domestic abuse has no child's age to give ("All ages"
    would contradict the "who it is for" text beside it), and antenatal classes are for
    pregnancy, not "Pregnancy and children of all ages"."""
    service = ServicePage(
        minimum_age=None,
        maximum_age=None,
        pregnancy=False,
        eligibility_description="Anyone aged 16 or over affected by domestic abuse.",
    )
    assert service.ages_text == ""
    service.pregnancy = True
    service.eligibility_description = "Anyone who is pregnant, and their birth partner."
    assert service.ages_text == "Pregnancy"
    service.eligibility_description = "  "
    assert service.ages_text == "Pregnancy and children of all ages"
    service.pregnancy = False
    assert service.ages_text == "All ages"
    service.eligibility_description, service.maximum_age = "Families in Wulfrun.", 4
    assert service.ages_text == "0 to 4 years"
