"""Static files as production serves them: WhiteNoise's manifest storage hashes every file and
rewrites the references between them, and refuses (so `collectstatic` fails the deployment) if
any reference points at a missing file."""

from django.core.management import call_command

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_collectstatic_succeeds_with_the_production_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}

    call_command("collectstatic", interactive=False, verbosity=0)

    manifest = (tmp_path / "staticfiles.json").read_text()
    for ours in (
        "website/css/harbour.css",
        "website/js/harbour.js",
        "directory/vendor/leaflet/leaflet.js",
        "directory/vendor/leaflet/leaflet.css",
    ):
        assert f'"{ours}"' in manifest
    assert list(tmp_path.glob("website/css/harbour.*.css.gz")), "compressed copies are written"
