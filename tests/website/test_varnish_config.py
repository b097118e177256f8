"""Our VCL (deploy/varnish/harbour.vcl) against the site it fronts: it compiles with Debian's
varnishd, its list of the parameters the site reads covers every parameter of every public
address (the bad-input sweep's list, which test_every_route_is_swept keeps complete), and what
it passes as private is settings.PRIVATE_QUERY_PARAMETERS."""

import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

from tests.conftest import unavailable
from tests.servers import missing_tools, varnish_home
from tests.sweep.test_public_endpoints import ENDPOINTS

VCL_DIR = Path(settings.BASE_DIR) / "deploy" / "varnish"
VCL = (VCL_DIR / "harbour.vcl").read_text()


def kept_parameters() -> set[str]:
    found = re.search(r"\(\?!\(\?:([a-z_|]+)\)", VCL)
    assert found, "the VCL's list of parameters the site reads"
    return set(found.group(1).split("|"))


def test_every_parameter_the_site_reads_survives_the_vcl():
    read = {name for _, names in ENDPOINTS for name in names}

    assert read - kept_parameters() == set()


def test_what_the_vcl_passes_as_typed_is_what_django_keeps_private():
    passed = re.search(r'req\.url ~ "\[\?&\]\(([a-z|]+)\)="', VCL).group(1).split("|")

    assert set(passed) == set(settings.PRIVATE_QUERY_PARAMETERS)
    assert set(passed) <= kept_parameters()


def test_the_vcl_compiles_with_the_example_site_file():
    """scripts/varnish.sh compiles it with the file it writes each time it starts."""
    if missing_tools("varnishd"):
        unavailable("varnishd is not installed (apt-get install varnish)")
    home = varnish_home()
    (home / "harbour-site.vcl").write_text((VCL_DIR / "harbour-site.example.vcl").read_text())
    compiled = subprocess.run(
        [
            "varnishd",
            "-C",
            "-n",
            str(home / "instance"),
            "-p",
            f"vcl_path={home}:{VCL_DIR}",
            "-f",
            str(VCL_DIR / "harbour.vcl"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    shutil.rmtree(home, ignore_errors=True)

    assert compiled.returncode == 0, compiled.stderr[-2000:]
