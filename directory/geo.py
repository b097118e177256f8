"""Locations as editors and maps write them. Plain functions, no database."""

from urllib.parse import urlencode

from wagtailgeowidget.helpers import geosgeometry_str_to_struct

# Great Britain and Northern Ireland, with a margin: a point outside is a typo (swapped
# latitude and longitude, a missing minus sign), not a family hub.
UK_LATITUDE = (49.0, 61.5)
UK_LONGITUDE = (-8.9, 2.5)


def parse_point(location: str) -> tuple[float, float] | None:
    """(latitude, longitude) from the map widget's "SRID=4326;POINT(lng lat)", or None when
    the text is not a point in the United Kingdom."""
    parsed = geosgeometry_str_to_struct(location.strip())
    if parsed is None or parsed["srid"] != "4326":
        return None
    try:
        longitude, latitude = float(parsed["x"]), float(parsed["y"])
    except ValueError:
        return None
    if not (UK_LATITUDE[0] <= latitude <= UK_LATITUDE[1]):
        return None
    if not (UK_LONGITUDE[0] <= longitude <= UK_LONGITUDE[1]):
        return None
    return latitude, longitude


def format_point(latitude: float, longitude: float) -> str:
    """The map widget's text for a point."""
    return f"SRID=4326;POINT({longitude:.6f} {latitude:.6f})"


def directions_url(latitude: float | None, longitude: float | None, postcode: str = "") -> str:
    """Walking, bus or car directions in OpenStreetMap, to the point (or to the postcode)."""
    if latitude is not None and longitude is not None:
        return "https://www.openstreetmap.org/directions?" + urlencode(
            {"to": f"{latitude:.5f},{longitude:.5f}"}
        )
    if postcode:
        return "https://www.openstreetmap.org/search?" + urlencode({"query": postcode})
    return ""
