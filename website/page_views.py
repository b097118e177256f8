"""The views that serve a page type whose answer needs what sits above its models: forms,
finders, searches.

Those modules import the page models, so the models cannot import them back. Instead an app's
`views` module names the page type it serves (`@serves(ServiceIndexPage)`, or with a route name
for one of a routable page's own URLs), its AppConfig.ready() imports that module, and the page's
`serve` (or its routable method) hands the request over with `serve_page`. Every way Wagtail
serves a page goes through `serve`: the page's URL, a routable page's own URLs and the admin's
preview alike, so the view answers each of them the same way."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# A page view: (page, request, *args, **kwargs) -> response.
PageView = Callable[..., HttpResponse]

# The page's own URL: a routable page's index route, or a plain page's serve.
PAGE_URL = ""

_views: dict[tuple[str, str], PageView] = {}


def serves(page_class: type, route: str = PAGE_URL) -> Callable[[PageView], PageView]:
    """Register the decorated function as the view for `page_class` (its own URL, or the
    routable page's URL named `route`)."""

    def register(view: PageView) -> PageView:
        _views[(page_class._meta.label_lower, route)] = view
        return view

    return register


def serve_page(page, request: HttpRequest, route: str = PAGE_URL, *args, **kwargs) -> HttpResponse:
    """The response of the view registered for the page's type and `route`."""
    try:
        view = _views[(page._meta.label_lower, route)]
    except KeyError:
        raise LookupError(
            f"No view serves {page._meta.label} {route!r}: is its app's views module imported "
            "by its AppConfig.ready()?"
        ) from None
    return view(page, request, *args, **kwargs)
