"""The image library's upload form: a file is an image only if it decodes, whole.

Wagtail checks an upload's type by its first bytes and reads its size from its header, so a
file that starts "GIF89a" but is HTML, or a PNG cut short, got past the form and failed later,
with a 500 (in the form's own checks, or when a rendition was made). Here every such file is
the form's "not a valid image" message instead, and nothing is saved."""

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image as PILImage


class WholeImageField(WagtailImageField):
    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Willow and Pillow raise many kinds for a bad file
            raise self._invalid() from error
        if uploaded is None:
            return None
        try:
            with PILImage.open(uploaded) as image:
                image.load()  # decodes every pixel: a truncated file fails here
        except Exception as error:
            raise self._invalid() from error
        finally:
            uploaded.seek(0)
        return uploaded

    def _invalid(self) -> ValidationError:
        return ValidationError(self.error_messages["invalid_image"], code="invalid_image")


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made for each form, as Wagtail makes its own: the size limits are read from the
        # settings then.
        wagtail_field = self.fields["file"]
        self.fields["file"] = WholeImageField(
            label=wagtail_field.label,
            required=wagtail_field.required,
            widget=wagtail_field.widget,
        )
