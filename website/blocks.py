"""StreamField blocks shared by every page type. App-specific blocks live in their app."""

from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def link_href_and_label(page, url: str, text: str, request=None) -> tuple[str, str]:
    """Where a LinkBlock's link goes and what it says. The href is empty for a chosen page that
    is not live (unpublished since it was chosen), so lists leave it out instead of linking to
    a 404. The text defaults to the page's title, or to the URL. (The base page's URL will do:
    no page type of ours changes how its URL is made.)"""
    if page is not None:
        return (page.live and page.get_url(request)) or "", text or page.title
    return url or "", text or url or ""


class LinkStructValue(blocks.StructValue):
    @property
    def href(self) -> str:
        return link_href_and_label(self.get("page"), self.get("url"), self.get("text"))[0]

    @property
    def label(self) -> str:
        return link_href_and_label(self.get("page"), self.get("url"), self.get("text"))[1]


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website, with optional text."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or an external URL")
    text = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Leave blank to use the page's title.",
    )

    class Meta:
        icon = "link"
        value_class = LinkStructValue

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = (
                "Choose a page or enter a URL"
                if not has_page
                else "Choose a page or a URL, not both"
            )
            raise blocks.StructBlockValidationError(block_errors={"page": ErrorList([message])})
        if has_url and not value.get("text"):
            raise blocks.StructBlockValidationError(
                block_errors={"text": ErrorList(["Enter the link text for an external URL"])}
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3")],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    name = blocks.CharBlock(required=False, max_length=120, label="Speaker's name")
    role = blocks.CharBlock(required=False, max_length=160, label="Speaker's role")

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Leave blank to use the document's title.")

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    embed = EmbedBlock(icon="media", help_text="A YouTube or Vimeo address, for example.")
