"""The Start for Life offer as a PDF made by the server (WeasyPrint) from the page's own HTML:
a real PDF with pages, holding the services the page lists, kept by shared caches, and made
from the site's own files, never from the network."""

import re
import zlib

import pytest
from bs4 import BeautifulSoup

from families import offer_pdf
from tests.directory.services_data import build_directory
from tests.families.factories import topic_index
from tests.families.test_offer_page import make_offer

pytestmark = pytest.mark.django_db


def readable(pdf: bytes) -> bytes:
    """The PDF's bytes with its compressed streams inflated, to read what it holds."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_the_offer_downloads_as_a_pdf_of_the_same_services(client, home_page):
    build_directory(home_page)
    offer = make_offer(topic_index(home_page), [("Infant feeding", "infant-feeding")])
    page = BeautifulSoup(client.get(offer.url).content, "html.parser")
    link = page.find("a", string="Download as PDF")
    assert link["href"] == f"{offer.url}pdf/"

    response = client.get(link["href"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="start-for-life-offer.pdf"'
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    inside = readable(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b", inside)) >= 1
    # The listed service's link, as the handout prints it after its name.
    assert b"/services/breastfeeding-cafe/" in inside
    # The youth club is not in the offer.
    assert b"youth" not in inside.lower()


def test_the_pdf_reads_the_sites_own_files_and_never_the_network(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "photo.png").write_bytes(b"\x89PNG fake")
    fetcher = offer_pdf.local_files_fetcher()
    fetched = fetcher.fetch("http://testserver/media/photo.png")
    assert fetched.headers.get_content_type() == "image/png"
    for address in (
        "https://example.org/tracker.png",
        "http://testserver/media/../settings.py",
        "http://testserver/services/",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(address)


def test_without_pango_the_page_offers_no_pdf_and_its_address_says_why(
    client, home_page, monkeypatch
):
    """WeasyPrint cannot load without Pango: the site still runs, with the print handout."""
    build_directory(home_page)
    offer = make_offer(topic_index(home_page), [("Infant feeding", "infant-feeding")])
    monkeypatch.setattr(offer_pdf, "_weasyprint", lambda: None)

    page = client.get(offer.url)
    response = client.get(f"{offer.url}pdf/")

    assert page.status_code == 200
    assert "Download as PDF" not in page.content.decode()
    assert response.status_code == 503
    assert "print the page instead" in response.content.decode()


def test_making_a_pdf_leaves_the_image_upload_checks_as_strict_as_before():
    """WeasyPrint's import makes Pillow accept truncated images process-wide: not here."""
    from PIL import ImageFile

    assert offer_pdf.available()
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
