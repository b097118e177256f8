"""The bad-input sweep for the image library: files that start like an image (the magic bytes
of GIF, PNG, JPEG and WebP) and go on with anything, cut short, or carry markup. Each is refused
with the form's error (website/image_uploads.py), never a 5xx, and nothing is saved."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.models import Image

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image as PILImage

from tests.sweep.hostile import MARKUP_PAYLOADS

pytestmark = pytest.mark.django_db

IMAGE_ADD = "/admin/images/add/"


def whole(format_name: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), (20, 120, 60)).save(buffer, format=format_name)
    return buffer.getvalue()


WHOLE = {
    "gif": whole("GIF"),
    "png": whole("PNG"),
    "jpg": whole("JPEG"),
    "webp": whole("WEBP"),
}
MAGIC = {
    "gif": b"GIF89a",
    "png": b"\x89PNG\r\n\x1a\n",
    "jpg": b"\xff\xd8\xff\xe0",
    "webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
}


@st.composite
def not_an_image(draw) -> tuple[str, bytes]:
    extension = draw(st.sampled_from(sorted(MAGIC)), label="type")
    kind = draw(st.sampled_from(["magic then junk", "cut short", "markup"]), label="kind")
    if kind == "magic then junk":
        content = MAGIC[extension] + draw(st.binary(max_size=300), label="junk")
    elif kind == "cut short":
        image = WHOLE[extension]
        content = image[: draw(st.integers(1, len(image) * 9 // 10), label="length")]
    else:
        payload = draw(st.sampled_from(MARKUP_PAYLOADS), label="payload")
        content = MAGIC[extension] + f"<html>{payload}</html>".encode()
    return f"upload.{extension}", content


@given(upload=not_an_image())
def test_files_that_are_not_whole_images_are_refused_with_a_form_error(admin_client, upload):
    name, content = upload
    before = Image.objects.count()

    response = admin_client.post(
        IMAGE_ADD, {"title": name, "file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 200, f"{name} ({len(content)} bytes): {response.status_code}"
    assert "error-message" in response.content.decode()
    assert Image.objects.count() == before
