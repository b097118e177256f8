from django.urls import path

from . import api

app_name = "directory"

urlpatterns = [
    path("api/v1/hubs/", api.hubs, name="api_hubs"),
]
