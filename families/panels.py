"""The offer page's warning to editors: the services it lists that nobody has reviewed for a
year (directory.stale), and sections that list nothing, so the published offer stays true."""

from wagtail.admin.panels import Panel

from .offer import offer_sections


class OfferReviewPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "families/admin/offer_review_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            parts = offer_sections(page) if page.pk else []
            context["stale"] = [
                offered.service
                for part in parts
                for offered in part.services
                if offered.service.is_stale
            ]
            context["empty_sections"] = [part.section for part in parts if not part.services]
            return context
