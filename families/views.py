"""The topic page's view: it needs the postcode form and the directory's search, which import
the page models, so the models do not import them (FamiliesConfig.ready() imports this module,
which registers the view with website.page_views)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from directory.forms import PostcodeForm
from directory.views import keep_out_of_caches
from website.page_views import serves

from . import offer_pdf
from .models import OFFER_PDF_ROUTE, StartForLifeOfferPage, TopicPage
from .offer import offer_sections
from .topic_content import featured, latest_news, topic_services, topic_week


@serves(TopicPage)
def topic_page(page: TopicPage, request, *args, **kwargs):
    """A topic: its introduction, its services (nearest first with ?postcode=), its news. A
    postcode that cannot be used re-shows the form with the message, and the services by name."""
    form = PostcodeForm(request.GET if "postcode" in request.GET else None)
    point, status = None, 200
    if form.is_bound:
        if form.is_valid():
            point = (form.location.latitude, form.location.longitude)
        else:
            status = 404 if form.not_found else 400
    context = {
        **page.get_context(request, *args, **kwargs),
        "form": form,
        "services": topic_services(page, point),
        "featured": featured(page.featured_service),
        "news": latest_news(page),
        "week": topic_week(page, request),
        "postcode_given": point is not None,
    }
    response = TemplateResponse(
        request, page.get_template(request, *args, **kwargs), context, status=status
    )
    if form.is_bound:
        keep_out_of_caches(response)
    return response


@serves(StartForLifeOfferPage)
def start_for_life_offer(page: StartForLifeOfferPage, request, *args, **kwargs):
    """The offer, section by section, from the directory."""
    context = {
        **_offer_context(page, request),
        "pdf_url": (
            page.url + page.reverse_subpage(OFFER_PDF_ROUTE) if offer_pdf.available() else ""
        ),
    }
    return TemplateResponse(request, page.get_template(request), context)


@serves(StartForLifeOfferPage, OFFER_PDF_ROUTE)
def start_for_life_offer_pdf(page: StartForLifeOfferPage, request):
    """The offer as an A4 PDF handout, from the same HTML as the page (families.offer_pdf)."""
    if not offer_pdf.available():
        return HttpResponse(
            gettext("The PDF of this page cannot be made just now: print the page instead."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    html = render_to_string(
        page.get_template(request), _offer_context(page, request), request=request
    )
    body = offer_pdf.render(html, base_url=page.get_full_url(request))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{offer_pdf.FILENAME}"'
    return response


def _offer_context(page: StartForLifeOfferPage, request) -> dict:
    return {**page.get_context(request), "offer_sections": offer_sections(page)}
