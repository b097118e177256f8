"""Template tags other apps build on: JSON-LD that cannot break out of its script element, and
pictures that only ask for widths the original image has."""

import json
import re

from django.template import Context, Template

import pytest
from bs4 import BeautifulSoup

from tests.news.factories import ImageFactory


def render(source: str, **context) -> str:
    return Template("{% load website_tags %}" + source).render(Context(context))


def test_json_ld_escapes_what_could_end_the_script():
    data = {"headline": "</script><script>alert(1)</script> & <!--", "count": 2}

    html = render("{% json_ld data %}", data=data)

    assert html.startswith('<script type="application/ld+json">')
    assert html.count("</script>") == 1 and html.endswith("</script>")
    assert "<!--" not in html
    script = BeautifulSoup(html, "html.parser").script.string
    assert json.loads(script) == data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("width", "expected"),
    [(2000, [480, 800, 1200]), (1200, [480, 800, 1200]), (640, [480, 640]), (300, [300])],
)
def test_responsive_picture_asks_only_for_widths_the_image_has(width, expected):
    image = ImageFactory(file__width=width, file__height=width // 2)

    html = render('{% responsive_picture image sizes="100vw" alt="A hub" %}', image=image)

    picture = BeautifulSoup(html, "html.parser").picture
    webp = picture.source
    assert webp["type"] == "image/webp"
    assert [int(width) for width in re.findall(r"width-(\d+)", webp["srcset"])] == expected
    descriptors = [entry.split()[-1] for entry in webp["srcset"].split(", ") if " " in entry]
    assert len(descriptors) == len(set(descriptors)), "no two candidates share a width"
    fallback = picture.img
    assert fallback["src"].endswith(".jpg")
    assert fallback["alt"] == "A hub" and fallback["sizes"] == "100vw"


@pytest.mark.django_db
def test_responsive_picture_without_an_image_renders_nothing():
    assert render("{% responsive_picture image %}", image=None) == ""
