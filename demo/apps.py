from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo council's content, loaded by `manage.py load_demo` (`make run`) and by tests. It
    has no models: installing it adds the command and nothing a request runs."""

    name = "demo"
    verbose_name = "Demo council"
