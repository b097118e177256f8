"""The Start for Life offer as a PDF, made by the server with WeasyPrint from the page's own
HTML and its print stylesheet: the same handout a family gets from their browser's print.

Stylesheets, fonts and images come from the site's own static and media files on disk, never
from the network: a page cannot make the server fetch an address an editor typed, and the PDF
does not depend on any other host being up.

WeasyPrint needs Pango, a system library (Debian's `libpango-1.0-0`). Without it the site still
runs: `available()` is False, the page offers no PDF link, and the PDF's address answers 503."""

import functools
import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

# WeasyPrint tells every step of every document at INFO, from its import on: not news.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logger = logging.getLogger(__name__)

FILENAME = "start-for-life-offer.pdf"


@functools.cache
def _weasyprint():
    """WeasyPrint, or None when Pango is missing (its import fails with OSError then).

    Importing WeasyPrint tells Pillow, for the whole process, to accept truncated images: that
    would let a broken upload through the image checks (website/image_uploads.py) once anyone
    had asked for the PDF. Pillow's setting is put back as it was."""
    from PIL import ImageFile

    accepts_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        logger.warning("No PDF of the Start for Life offer: WeasyPrint cannot load (%s)", error)
        return None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = accepts_truncated
    return weasyprint


def available() -> bool:
    return _weasyprint() is not None


@functools.cache
def local_files_fetcher():
    """A WeasyPrint URL fetcher that reads /static/… and /media/… from disk, `data:` addresses
    as WeasyPrint does, and refuses everything else (the part is left out of the PDF, as a
    browser leaves out a broken image)."""
    _weasyprint()  # the first import goes through its guard
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_file(unquote(urlsplit(url).path))
            if path is None:
                raise ValueError(f"not one of the site's own files: {url}")
            kind, _encoding = mimetypes.guess_type(path.name)
            return URLFetcherResponse(
                url,
                body=path.read_bytes(),
                headers={"Content-Type": kind or "application/octet-stream"},
            )

    return LocalFilesFetcher()


def local_file(path: str) -> Path | None:
    """The file on disk that a static or media address names, or None."""
    if path.startswith(settings.STATIC_URL):
        name = path.removeprefix(settings.STATIC_URL)
        collected = _inside(Path(settings.STATIC_ROOT), name)
        if collected is not None:
            return collected
        found = finders.find(name)
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        return _inside(Path(settings.MEDIA_ROOT), path.removeprefix(settings.MEDIA_URL))
    return None


def _inside(root: Path, name: str) -> Path | None:
    root = root.resolve()
    path = (root / name).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def render(html: str, base_url: str) -> bytes:
    """The PDF of `html`, laid out for print (A4 from the print stylesheet); `base_url` is
    the page's absolute address, to resolve its relative links."""
    document = _weasyprint().HTML(
        string=html, base_url=base_url, url_fetcher=local_files_fetcher(), media_type="print"
    )
    return document.write_pdf()
