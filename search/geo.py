"""Distances on the Earth's surface, in miles: plain functions, unit-tested without a database.
Used by `search.nearby` on the database backend (Elasticsearch computes its own)."""

import math
from dataclasses import dataclass

# The mean radius of the Earth (IUGG), in miles.
EARTH_RADIUS_MILES = 3958.7613
MILES_PER_DEGREE_LATITUDE = 2 * math.pi * EARTH_RADIUS_MILES / 360


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points given in decimal degrees.

    >>> round(haversine_miles(52.5862, -2.1288, 52.4862, -1.8904), 1)  # Wolverhampton, Birmingham
    12.1
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class BoundingBox:
    min_latitude: float
    max_latitude: float
    min_longitude: float
    max_longitude: float

    def contains(self, latitude: float, longitude: float) -> bool:
        return (
            self.min_latitude <= latitude <= self.max_latitude
            and self.min_longitude <= longitude <= self.max_longitude
        )


def bounding_box(latitude: float, longitude: float, radius_miles: float) -> BoundingBox:
    """A latitude/longitude box that contains every point within `radius_miles`: a cheap
    database filter before the exact distance. Near the poles the box widens to every
    longitude (the UK is nowhere near, but the maths stays right)."""
    if radius_miles < 0:
        raise ValueError("radius_miles must not be negative")
    d_lat = radius_miles / MILES_PER_DEGREE_LATITUDE
    min_lat, max_lat = max(-90.0, latitude - d_lat), min(90.0, latitude + d_lat)
    cos_lat = math.cos(math.radians(max(abs(min_lat), abs(max_lat))))
    if cos_lat < 1e-9 or radius_miles / (MILES_PER_DEGREE_LATITUDE * cos_lat) >= 180:
        return BoundingBox(min_lat, max_lat, -180.0, 180.0)
    d_lon = radius_miles / (MILES_PER_DEGREE_LATITUDE * cos_lat)
    return BoundingBox(min_lat, max_lat, longitude - d_lon, longitude + d_lon)


def valid_coordinates(latitude: float, longitude: float) -> bool:
    return (
        math.isfinite(latitude)
        and math.isfinite(longitude)
        and -90 <= latitude <= 90
        and -180 <= longitude <= 180
    )
