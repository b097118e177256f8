"""Who a service or a hub is for, by age, in the words the pages use. Ages are the child's (or
young person's) age in whole years, both ends included: "0 to 1 year" takes a child until their
second birthday."""

from django.utils.translation import gettext, ngettext


def age_range_text(minimum: int | None, maximum: int | None, pregnancy: bool) -> str:
    """For example "0 to 4 years", "Pregnancy to 1 year", "Ages 11 to 19", "Age 2", "Babies
    under 1", "Ages 16 and over" or "All ages". A blank or 0 youngest age means from birth."""
    youngest = minimum or 0
    if maximum is None:
        if youngest == 0:
            return (
                gettext("Pregnancy and children of all ages") if pregnancy else gettext("All ages")
            )
        if pregnancy:
            return gettext("Pregnancy, and ages %(youngest)d and over") % {"youngest": youngest}
        return gettext("Ages %(youngest)d and over") % {"youngest": youngest}
    if youngest == 0:
        if maximum == 0:
            return (
                gettext("Pregnancy and babies under 1") if pregnancy else gettext("Babies under 1")
            )
        if pregnancy:
            return ngettext(
                "Pregnancy to %(oldest)d year", "Pregnancy to %(oldest)d years", maximum
            ) % {"oldest": maximum}
        return ngettext("0 to %(oldest)d year", "0 to %(oldest)d years", maximum) % {
            "oldest": maximum
        }
    if youngest == maximum:
        if pregnancy:
            return gettext("Pregnancy, and age %(age)d") % {"age": youngest}
        return gettext("Age %(age)d") % {"age": youngest}
    values = {"youngest": youngest, "oldest": maximum}
    if pregnancy:
        return gettext("Pregnancy, and ages %(youngest)d to %(oldest)d") % values
    return gettext("Ages %(youngest)d to %(oldest)d") % values


def hub_ages_text(minimum: int, maximum: int, pregnancy: bool, oldest_with_send: int | None) -> str:
    """A hub's ages, and the older age it serves young people with special educational needs
    and disabilities to: "Pregnancy to 19 years, or 25 for young people with SEND"."""
    text = age_range_text(minimum, maximum, pregnancy)
    if oldest_with_send and oldest_with_send > maximum:
        return gettext("%(ages)s, or %(oldest_with_send)d for young people with SEND") % {
            "ages": text,
            "oldest_with_send": oldest_with_send,
        }
    return text
