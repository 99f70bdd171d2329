"""Valid HTML: the Nu HTML Checker (npm vnu-jar, pinned) on every page and stylesheet of both formats.

One JVM run checks everything, the deliberately invalid fixtures included, so the gate is shown
to fail in the same call that shows the site passing.
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import ROOT, html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FIXTURES = Path(__file__).parent / "fixtures"
INVALID_HTML = FIXTURES / "invalid-html.html"
INVALID_CSS = FIXTURES / "invalid-css.css"


def checked_files(root: Path) -> list[Path]:
    return html_pages(root) + sorted(root.rglob("*.css"))


def run_vnu(files: list[Path]) -> dict[Path, list[str]]:
    """Errors per file (every file is a key), from one run of the Nu checker."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: run `make system-deps` or `sudo apt-get install -y default-jre-headless`")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `make deps` (npm ci installs the pinned vnu-jar)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", "--also-check-css", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu checker gave no JSON report:\n{result.stdout}\n{result.stderr}")
    errors: dict[Path, list[str]] = {Path(f).resolve(): [] for f in files}
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue  # "info" messages, warnings among them, do not make a page invalid
        where = Path(unquote(urlparse(m.get("url", "")).path)).resolve()
        errors.setdefault(where, []).append(f"line {m.get('lastLine', '?')}: {m.get('message')}")
    return errors


@pytest.fixture(scope="module")
def report(formats):
    files = checked_files(formats.site) + checked_files(formats.offline) + [INVALID_HTML, INVALID_CSS]
    return run_vnu(files)


@pytest.mark.parametrize("fmt", ["site", "offline"])
def test_every_page_and_stylesheet_is_valid(formats, report, fmt):
    root = getattr(formats, fmt)
    files = checked_files(root)
    assert len(html_pages(root)) >= 5
    problems = [f"{f.relative_to(root)} {e}" for f in files for e in report[f.resolve()]]
    assert not problems, "the Nu HTML Checker found errors:\n" + "\n".join(problems)


def test_the_checker_rejects_the_invalid_fixtures(report):
    html_errors = "\n".join(report[INVALID_HTML.resolve()])
    assert "autocomplete" in html_errors, html_errors  # the theme's toggle checkboxes
    assert "tabindex" in html_errors, html_errors  # the theme's section labels
    assert "Duplicate ID" in html_errors, html_errors
    assert report[INVALID_CSS.resolve()], "an invalid colour passed the CSS check"
