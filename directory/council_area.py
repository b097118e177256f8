"""Whether a postcode is in the council's own area, and what to tell a family whose postcode is
not. Plain functions, no database: the postcode store gives the postcode's local authority,
the directory settings give the council's own authority codes.

A family just over the border is still shown the council's nearest hubs, with a note: within
BORDER_MILES of one of them, a hub may well be the nearest help, whoever runs it."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext

from . import local_authorities

# As the crow flies from the postcode to the nearest hub: about an hour's walk, or a short bus
# ride. Families further away are better served by their own council's hubs.
BORDER_MILES = 3.0
# GOV.UK's "Find your local council". It takes the postcode only by a form it posts (so that
# postcodes stay out of addresses and logs): we link to it and say what to enter.
FIND_LOCAL_COUNCIL_URL = "https://www.gov.uk/find-local-council"
SEPARATORS = re.compile(r"[\s,;]+")


def parse_codes(text: str) -> tuple[str, ...]:
    """("E08000031", …) from what an editor typed ("e08000031, E08000030"); ValueError naming
    anything that is not a local authority code."""
    codes = tuple(dict.fromkeys(code.upper() for code in SEPARATORS.split(text or "") if code))
    wrong = [code for code in codes if not local_authorities.is_authority_code(code)]
    if wrong:
        raise ValueError(
            gettext("%(codes)s: enter local authority codes like E08000031, separated by commas")
            % {"codes": ", ".join(wrong)}
        )
    return codes


@dataclass(frozen=True)
class Area:
    """Where a postcode is, as far as the council is concerned."""

    postcode: str  # normalised: "SW1A 1AA", "WV5 0" or "WV5"
    partial: bool  # a sector or a district: its authority is where most of it is
    authority_code: str | None
    authority_name: str  # as it reads in a sentence; "" when unknown
    in_area: bool
    # Outside the area, but one of the council's hubs is within BORDER_MILES.
    near_a_hub: bool = False

    @property
    def shows_hubs(self) -> bool:
        return self.in_area or self.near_a_hub

    @property
    def message(self) -> str:
        """The first thing to say about a postcode outside the area; "" inside it."""
        if self.in_area:
            return ""
        values = {"postcode": self.postcode, "authority": self.authority_name}
        if not self.authority_name:
            return gettext("%(postcode)s is outside the area our family hubs serve.") % values
        if self.partial:
            return (
                gettext(
                    "Most of %(postcode)s is in %(authority)s, outside the area our family "
                    "hubs serve."
                )
                % values
            )
        return (
            gettext("%(postcode)s is in %(authority)s, outside the area our family hubs serve.")
            % values
        )

    @property
    def find_local_council_url(self) -> str:
        return FIND_LOCAL_COUNCIL_URL

    @property
    def postcode_to_enter(self) -> str:
        """What to type into GOV.UK's finder, which needs a full postcode."""
        return gettext("your full postcode") if self.partial else self.postcode

    @property
    def notice(self) -> str:
        """Everything a page says about a postcode outside the area, as one plain text (for
        the API); "" inside it."""
        if self.in_area:
            return ""
        advice = gettext(
            "Your local council can tell you about family hubs and other help for families "
            "where you live: find your local council at %(url)s and enter %(postcode)s there."
        ) % {"url": FIND_LOCAL_COUNCIL_URL, "postcode": self.postcode_to_enter}
        return f"{self.message} {advice}"


def area_of(
    postcode: str,
    partial: bool,
    authority_code: str | None,
    authority_name: str,
    council_codes: tuple[str, ...],
    nearest_hub_miles: float | None = None,
) -> Area:
    """Where `postcode` is for a council covering `council_codes`. No codes means the council
    has not said (every postcode is its own), and a postcode with no known authority is given
    the benefit of the doubt: both are treated as in the area."""
    in_area = not council_codes or authority_code is None or authority_code in council_codes
    near = not in_area and nearest_hub_miles is not None and nearest_hub_miles <= BORDER_MILES
    return Area(
        postcode=postcode,
        partial=partial,
        authority_code=authority_code,
        authority_name=local_authorities.display_name(authority_name),
        in_area=in_area,
        near_a_hub=near,
    )
