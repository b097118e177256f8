"""Under /admin/ (website/wagtail_hooks.py), so Wagtail requires a signed-in admin user."""

from django.urls import path

from website.two_factor import views

urlpatterns = [
    path("two-factor/", views.manage, name="two_factor_manage"),
    path("two-factor/set-up/", views.setup, name="two_factor_setup"),
    path("two-factor/verify/", views.verify, name="two_factor_verify"),
    path("two-factor/backup-codes/", views.new_backup_codes, name="two_factor_backup_codes"),
    path("two-factor/turn-off/", views.turn_off, name="two_factor_turn_off"),
]
