"""What the live tests need beyond the demo council: pages, a document, an image and a routable
page whose addresses are not ASCII (Welsh, accented, right-to-left). Run in the live site's own
process: `manage.py shell -c "from tests.live.content import add; add()"`."""

import io
import json

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from PIL import Image

# slug: title
NON_ASCII_PAGES = {
    "dŵr": "Dŵr a chwarae",  # Welsh: water
    "café": "Café for parents",
    "خدمات": "خدمات الأسرة",  # Arabic: family services
    "מים": "מים וחוף",  # Hebrew: water and shore
}
DOCUMENT_FILE = "taflen-dŵr-café.txt"
IMAGE_FILE = "ffoto-café-dŵr.png"
ROUTABLE_SLUG = "newyddion-dŵr"  # Welsh: news


def add() -> None:
    from news.models import NewsIndexPage
    from website.models import StandardPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    document = get_document_model().objects.create(
        title="Taflen dŵr", file=ContentFile(b"Dwr a chwarae\n", name=DOCUMENT_FILE)
    )
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(picture, "PNG")
    image = get_image_model().objects.create(
        title="Ffoto", file=ContentFile(picture.getvalue(), name=IMAGE_FILE)
    )
    body = [
        {"type": "paragraph", "value": "<p>Sesiynau chwarae dŵr.</p>"},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "Plant", "decorative": False},
                "caption": "",
                "credit": "",
            },
        },
    ]
    for slug, title in NON_ASCII_PAGES.items():
        page = StandardPage(title=title, slug=slug, body=json.dumps(body))
        home.add_child(instance=page)
        page.save_revision().publish()
    news = NewsIndexPage(title="Newyddion", slug=ROUTABLE_SLUG)
    home.add_child(instance=news)
    news.save_revision().publish()
