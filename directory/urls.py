from django.urls import include, path

from . import api

app_name = "directory"

urlpatterns = [
    path("api/v1/openapi.json", api.openapi, name="api_openapi"),
    path("api/v1/hubs/", api.hubs, name="api_hubs"),
    path("api/v1/hubs/nearest/", api.nearest, name="api_hubs_nearest"),
    path("api/v1/postcodes/<str:postcode>/", api.postcode, name="api_postcode"),
    path("api/openreferral/v3/", include("directory.oruk.urls")),
    # Last: every other address under /api/v1/ answers in JSON (other APIs have their own).
    path("api/v1/", api.not_found),
    path("api/v1/<path:rest>", api.not_found, name="api_not_found"),
]
