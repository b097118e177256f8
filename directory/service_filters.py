"""The service directory's filters (/services/?q=…&postcode=…): reading them from the query
string, the messages for bad values, and the query string for any state (shareable URLs,
pagination). Plain Python: no database, unit-tested on its own.

A postcode is checked for shape here; finding it (our postcode store) happens in the view.
Neither stores nor logs it."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from directory import postcodes

RADIUS_CHOICES = [
    ("1", "1 mile"),
    ("2", "2 miles"),
    ("5", "5 miles"),
    ("10", "10 miles"),
    ("20", "20 miles"),
    ("any", "Any distance"),
]
DEFAULT_RADIUS = "5"
DELIVERY_CHOICES = [
    ("in_person", "In person"),
    ("online", "Online"),
    ("by_phone", "By phone"),
    ("at_home", "At home"),
]
# What families can use without going anywhere ("Also available by phone, online or at home").
REMOTE_DELIVERY = ("online", "by_phone", "at_home")
SORT_RELEVANCE = "relevance"
SORT_NEAREST = "nearest"
SORT_CHOICES = [(SORT_RELEVANCE, "Best match"), (SORT_NEAREST, "Nearest first")]
MAX_AGE = 25
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10

AGE_MESSAGE = f"Enter the child's age in years, as a whole number from 0 to {MAX_AGE}"
RADIUS_MESSAGE = "Choose a distance from the list"
DELIVERY_MESSAGE = "Choose how the service is delivered from the list"
WHOLE_NUMBER = re.compile(r"^[0-9]{1,3}$")


@dataclass(frozen=True)
class ServiceFilters:
    query: str = ""
    postcode: str = ""  # normalised ("WV1 1SH"), or as typed when it is not a postcode
    radius: str = DEFAULT_RADIUS
    categories: tuple[str, ...] = ()
    age: int | None = None
    free_only: bool = False
    delivery: tuple[str, ...] = ()
    sort: str = SORT_RELEVANCE
    page: int = 1
    # Field name -> what to tell the person. Ages "abc", radius "999", unknown categories...
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def radius_miles(self) -> float | None:
        return None if self.radius == "any" else float(self.radius)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def has_filters(self) -> bool:
        return bool(
            self.query
            or self.postcode
            or self.categories
            or self.age is not None
            or self.free_only
            or self.delivery
        )

    def query_string(self, page: int | None = None, **changes) -> str:
        """'?q=…&postcode=…' for this state (with `changes`), page 1 unless given; "" when
        there is nothing to say. Defaults are left out, so the URLs stay short."""
        filters = replace(self, **changes) if changes else self
        pairs = []
        if filters.query:
            pairs.append(("q", filters.query))
        if filters.postcode:
            pairs.append(("postcode", filters.postcode))
            if filters.radius != DEFAULT_RADIUS:
                pairs.append(("radius", filters.radius))
        pairs += [("category", code) for code in filters.categories]
        if filters.age is not None:
            pairs.append(("age", str(filters.age)))
        if filters.free_only:
            pairs.append(("free", "1"))
        pairs += [("delivery", value) for value in filters.delivery]
        if filters.sort != default_sort(filters.postcode):
            pairs.append(("sort", filters.sort))
        if page and page > 1:
            pairs.append(("page", str(page)))
        return f"?{urlencode(pairs)}" if pairs else ""


def _get_list(params: Mapping, name: str) -> list[str]:
    getlist = getattr(params, "getlist", None)
    if getlist is not None:
        return getlist(name)
    value = params.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


def parse_age(raw: str | None) -> int | None:
    """The child's age in whole years, None when blank; ValueError when it is not 0 to 25."""
    text = (raw or "").strip()
    if not text:
        return None
    if not WHOLE_NUMBER.match(text) or int(text) > MAX_AGE:
        raise ValueError(AGE_MESSAGE)
    return int(text)


def parse_page(raw: str | None) -> int:
    """`?page=`: a positive whole number; anything else is page 1 (the view clamps the top)."""
    text = (raw or "").strip()
    return (
        int(text) if text.isascii() and text.isdigit() and len(text) <= 6 and int(text) > 0 else 1
    )


def parse_filters(params: Mapping, known_categories: Iterable[str]) -> ServiceFilters:
    """Read the query string. Every value that cannot be used gets a message in `errors`; the
    rest are kept, so the form shows what was typed."""
    errors: dict[str, str] = {}
    query = " ".join((params.get("q") or "").split())[:MAX_QUERY_LENGTH]

    postcode_text = (params.get("postcode") or "").strip()[:20]
    postcode = postcode_text
    if postcode_text:
        try:
            postcode = postcodes.parse(postcode_text).text
        except postcodes.PostcodeError as error:
            errors["postcode"] = str(error)

    radius = (params.get("radius") or "").strip() or DEFAULT_RADIUS
    if radius not in dict(RADIUS_CHOICES):
        errors["radius"] = RADIUS_MESSAGE
        radius = DEFAULT_RADIUS

    known = set(known_categories)
    categories = _unique(code.strip() for code in _get_list(params, "category"))
    unknown = [code for code in categories if code not in known]
    if unknown:
        errors["category"] = (
            f"There is no category called '{unknown[0][:50]}'. Choose categories from the list"
        )
        categories = tuple(code for code in categories if code in known)

    age = None
    try:
        age = parse_age(params.get("age"))
    except ValueError as error:
        errors["age"] = str(error)

    delivery = _unique(value.strip() for value in _get_list(params, "delivery"))
    if any(value not in dict(DELIVERY_CHOICES) for value in delivery):
        errors["delivery"] = DELIVERY_MESSAGE
        delivery = tuple(value for value in delivery if value in dict(DELIVERY_CHOICES))

    sort = (params.get("sort") or "").strip()
    if sort not in dict(SORT_CHOICES):
        sort = default_sort(postcode_text)
    if sort == SORT_NEAREST and not postcode_text:
        # Nothing to measure from: best match is the honest order.
        sort = SORT_RELEVANCE

    return ServiceFilters(
        query=query,
        postcode=postcode,
        radius=radius,
        categories=categories,
        age=age,
        free_only=(params.get("free") or "") in {"1", "on", "true", "yes"},
        delivery=delivery,
        sort=sort,
        page=parse_page(params.get("page")),
        errors=errors,
    )


def default_sort(postcode: str) -> str:
    """Nearest first once there is a postcode to measure from; best match otherwise."""
    return SORT_NEAREST if postcode else SORT_RELEVANCE


def format_miles(miles: float) -> str:
    """'0.3 miles', '1 mile', '12 miles': tenths under 10 miles, whole miles beyond."""
    if miles < 0.05:
        return "less than 0.1 miles"
    value = round(miles, 1) if miles < 10 else round(miles)
    if value == int(value):
        value = int(value)
    return f"{value} mile{'' if value == 1 else 's'}"
