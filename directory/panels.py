"""Admin panels: the tabs every directory page has, and a map. wagtailgeowidget's Leaflet
panel loads Leaflet from a CDN; ours serves the packaged copy in
directory/static/directory/vendor/leaflet/ and uses the site's tile server."""

from django import forms
from django.utils.functional import cached_property

from wagtail.admin.panels import ObjectList, TabbedInterface

from wagtailgeowidget.panels import LeafletPanel
from wagtailgeowidget.widgets import LeafletField

from website.models import BasePage

LEAFLET_STATIC = "directory/vendor/leaflet"


class LocalLeafletField(LeafletField):
    @cached_property
    def media(self):
        return forms.Media(
            css={
                "all": (
                    "wagtailgeowidget/css/leaflet-field.css",
                    f"{LEAFLET_STATIC}/leaflet.css",
                )
            },
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                f"{LEAFLET_STATIC}/leaflet.js",
            ),
        )


class LocationPanel(LeafletPanel):
    """A point on a map, stored as the widget's "SRID=4326;POINT(lng lat)" text. No address
    lookup: the widget's would call an outside geocoder; we fill blank locations from our own
    postcode data on save instead."""

    def widget_overrides(self):
        return {
            self.field_name: LocalLeafletField(
                zoom_field=self.zoom_field,
                hide_latlng=self.hide_latlng,
                zoom=self.zoom,
                srid=4326,
                id_prefix="id_",
            )
        }


def page_edit_handler(*tabs: ObjectList) -> TabbedInterface:
    """A page's editing tabs: its own, then every page's Promote and Settings."""
    return TabbedInterface(
        [
            *tabs,
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )
