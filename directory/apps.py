from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Family hubs and services"
    demo_module = "directory.demo"
