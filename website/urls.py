"""The project's URLs. Like INSTALLED_APPS in the settings, it names the apps' URL modules by
their dotted paths (`include("search.urls")`) rather than importing them: `website` imports no
app above it (docs/architecture.md)."""

from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from website import views
from website.password_reset import ThrottledPasswordResetView

handler500 = "website.views.server_error"

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("healthz/live/", views.healthz_live, name="healthz_live"),
    path("", include("directory.urls")),
    # Before Wagtail's own, which it replaces: the same form, rate-limited.
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("search.urls")),
    # Every live, public page (news releases included; embargoed ones are not live yet).
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it matches every other path.
urlpatterns += [path("", include(wagtail_urls))]
