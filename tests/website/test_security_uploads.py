"""Uploads limited by type and size: refused with Wagtail's own form errors, never a 500; and how
documents are served."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents.models import Document
from wagtail.images.models import Image

import pytest
from bs4 import BeautifulSoup
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db

IMAGE_ADD = "/admin/images/add/"
DOCUMENT_ADD = "/admin/documents/add/"


def png_bytes(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 80, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(admin_client, url, name, content, content_type="application/octet-stream"):
    return admin_client.post(
        url, {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)}
    )


def form_errors(response) -> str:
    html = BeautifulSoup(response.content, "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in html.select(".error-message"))


def test_a_normal_image_uploads(admin_client):
    response = upload(admin_client, IMAGE_ADD, "hub.png", png_bytes(), "image/png")

    assert response.status_code == 302
    assert Image.objects.filter(title="hub.png").exists()


def test_upload_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 10 * 1024 * 1024


def test_an_oversized_image_is_refused_with_the_forms_error(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    content = png_bytes(400, 400)
    assert len(content) > 1024

    response = upload(admin_client, IMAGE_ADD, "big.png", content, "image/png")

    assert response.status_code == 200
    assert "This file is too big" in form_errors(response)
    assert "Maximum filesize 1.0" in form_errors(response)
    assert not Image.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000

    response = upload(admin_client, IMAGE_ADD, "wide.png", png_bytes(100, 100), "image/png")

    assert response.status_code == 200
    assert "This file has too many pixels" in form_errors(response)
    assert not Image.objects.exists()


def test_a_program_renamed_jpg_is_refused(admin_client):
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200

    response = upload(admin_client, IMAGE_ADD, "photo.jpg", program, "image/jpeg")

    assert response.status_code == 200
    assert form_errors(response), "a clear error on the form"
    assert not Image.objects.exists()


def test_a_png_renamed_jpg_is_refused_as_the_wrong_format(admin_client):
    response = upload(admin_client, IMAGE_ADD, "photo.jpg", png_bytes(), "image/jpeg")

    assert response.status_code == 200
    assert "Not a valid .jpeg image" in form_errors(response)


def test_an_svg_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    response = upload(admin_client, IMAGE_ADD, "logo.svg", svg, "image/svg+xml")

    assert response.status_code == 200
    assert "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP" in (
        form_errors(response)
    )
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "drawing.svg", "script.js"])
def test_wrong_document_types_are_refused(admin_client, name):
    response = upload(admin_client, DOCUMENT_ADD, name, b"content")

    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1]
    assert f"File extension “{extension}” is not allowed" in form_errors(response)
    assert not Document.objects.exists()


def test_a_large_form_post_is_refused_with_400_not_500(client, settings, home_page):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/admin/login/", {"username": "x" * 5000, "password": "pw"})

    assert response.status_code == 400


def test_documents_download_as_attachments_except_pdf_and_text(admin_client, client):
    assert upload(admin_client, DOCUMENT_ADD, "minutes.docx", b"PK\x03\x04 docx").status_code == 302
    assert (
        upload(admin_client, DOCUMENT_ADD, "notes.txt", b"plain words", "text/plain").status_code
        == 302
    )
    docx = Document.objects.get(title="minutes.docx")
    text = Document.objects.get(title="notes.txt")

    docx_response = client.get(docx.url)
    text_response = client.get(text.url)

    assert docx_response.status_code == 200
    assert docx_response["Content-Disposition"].startswith("attachment")
    assert text_response["Content-Disposition"].startswith("inline")
    # Whatever a document holds, nothing in it runs: Wagtail's own policy for served files.
    for response in (docx_response, text_response):
        assert response["Content-Security-Policy"] == "default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("fake.gif", b"GIF89a<html><script>alert(1)</script></html>", "image/gif"),
        ("cut.png", png_bytes(400, 400)[:200], "image/png"),
        ("empty-header.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ],
)
def test_a_file_that_is_not_a_whole_image_is_refused_with_a_form_error(
    admin_client, name, content, content_type
):
    response = upload(admin_client, IMAGE_ADD, name, content, content_type)

    assert response.status_code == 200
    assert "Not a supported image format" in form_errors(response) or "valid image" in (
        form_errors(response)
    )
    assert not Image.objects.exists()


def test_a_whole_gif_still_uploads(admin_client):
    buffer = io.BytesIO()
    PILImage.new("P", (10, 10)).save(buffer, format="GIF")

    response = upload(admin_client, IMAGE_ADD, "dot.gif", buffer.getvalue(), "image/gif")

    assert response.status_code == 302
