"""The direction of imports between the apps (docs/architecture.md), checked by import-linter
against the contracts in pyproject.toml: the demo above news and directory, above search, above
website (so no app imports the demo), website knowing no domain, page models importing none of
the views, forms and searches that import them, and no import cycles within an app. `make lint`
runs the same check."""

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def test_the_apps_import_one_way_without_cycles(capsys):
    exit_code = lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True)

    assert exit_code == 0, capsys.readouterr().out
