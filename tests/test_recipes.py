"""CONTRIBUTING.md's recipes performed as a newcomer would, each on a copy of the project: "Adding a
viewpoint" (with a new source) and "Adding a theme", step by step, with the files in
tests/fixtures/recipes/. The copy then runs what the recipe ends with: `make anchors` (the strict
build and the registry of published targets) and `make check` (lint, the data checks, the strict
builds of both formats with the anchors check, the built-HTML checks), so no test may hard-code
the four voices or the ten themes. Nothing else is edited: if a recipe needs one more step, these
tests fail, and CONTRIBUTING.md must say it."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from htmlscan import find, parse

FIXTURES = Path(__file__).parent / "fixtures" / "recipes"
pytestmark = pytest.mark.slow  # two copies of the project, each built and checked


@pytest.fixture
def newcomer_copy(tmp_path):
    """A copy of the project as a contributor has it after `make deps` (the installed packages are
    linked, not installed again)."""
    dest = tmp_path / "project"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "build", "dist", ".pytest_cache", "__pycache__", ".ruff_cache"
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    for installed in (".venv", "node_modules"):
        (dest / installed).symlink_to(ROOT / installed)
    return dest


def make(project: Path, target: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "PYTEST"))}
    result = subprocess.run(
        ["make", "--no-print-directory", target], cwd=project, env=env, capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"`make {target}` fails after the recipe:\n{output[-8000:]}"
    return output


def recipe_mentions(*steps: str) -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for step in steps:
        assert step in guide, f"CONTRIBUTING.md's recipe no longer mentions {step}: update this test with it"


def append(path: Path, text: str) -> None:
    current = path.read_text(encoding="utf-8")
    path.write_text(current.rstrip("\n") + "\n" + text.lstrip("\n"), encoding="utf-8")


def entry(viewpoint: str, position) -> str:
    """A viewpoint's entry under a theme of data/positions.yml, as an editor types it."""
    if position == "not addressed":
        return f"  {viewpoint}: not addressed\n"
    return f"  {viewpoint}:\n    stance: {position['stance']}\n    argument: {position['argument']}\n"


def add_under_theme(positions: Path, theme: str, text: str) -> None:
    """Adds an entry at the end of a theme's block (the voices in the order of the data)."""
    current = positions.read_text(encoding="utf-8")
    block = re.search(rf"^{re.escape(theme)}:\n(?:(?:  .*|#.*)?\n)*?(?=\S|\Z)", current, re.M)
    assert block, f"no theme {theme!r} in data/positions.yml"
    body = block.group(0).rstrip("\n") + "\n"
    rest = block.group(0)[len(block.group(0).rstrip("\n")) + 1 :]
    positions.write_text(current[: block.start()] + body + text + rest + current[block.end() :], encoding="utf-8")


def test_adding_a_viewpoint_as_contributing_says(newcomer_copy):
    project, fixture = newcomer_copy, FIXTURES / "viewpoint"
    recipe_mentions(
        "sources/<id>.txt",
        "sources/README.md",
        "data/sources.yml",
        "docs/viewpoints/<id>.md",
        "data/viewpoints.yml",
        "data/positions.yml",
        "data/agreements.yml",
        "make anchors",
        "make check",
    )
    # 1. The new source: its text word for word, what is known of it, its entry.
    shutil.copy(fixture / "source.txt", project / "sources/fixture-source.txt")
    append(project / "sources/README.md", (fixture / "source-readme.md").read_text(encoding="utf-8"))
    append(project / "data/sources.yml", (fixture / "sources.yml").read_text(encoding="utf-8"))
    # 2-4. The page, the viewpoint, an entry under every theme.
    shutil.copy(fixture / "page.md", project / "docs/viewpoints/fixture-voice.md")
    append(project / "data/viewpoints.yml", (fixture / "viewpoints.yml").read_text(encoding="utf-8"))
    stances = yaml.safe_load((fixture / "positions.yml").read_text(encoding="utf-8"))
    for theme in yaml.safe_load((project / "data/themes.yml").read_text(encoding="utf-8")):
        add_under_theme(
            project / "data/positions.yml",
            theme["id"],
            entry("fixture-voice", stances.get(theme["id"], "not addressed")),
        )
    # 5. Agreements: the fixture voice shares no point. 6-7. The new addresses, then the checks.
    added = make(project, "anchors")
    assert "viewpoints/fixture-voice.html#fixture-no-pledge" in added, added
    make(project, "check")

    # What followed by itself, in the strict build `make anchors` made.
    site = project / "build/anchors"
    count = len(yaml.safe_load((project / "data/viewpoints.yml").read_text(encoding="utf-8")))
    assert count == 5
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "The five verdicts" in home and "Where the five verdicts fall" in home, "counts come from the data"
    assert "viewpoints/fixture-voice.html" in home  # in the verdicts, the spectrum and the nav
    compare = parse((site / "compare.html").read_text(encoding="utf-8"))
    columns = [e.text for e in find(compare, "th", scope="col")]
    assert len(columns) == count + 1 and "Fixture Author" in columns[-1], columns
    hrefs = {a.attrs.get("href") for a in find(compare, "a")}
    assert "viewpoints/fixture-voice.html#fixture-no-pledge" in hrefs
    page = parse((site / "viewpoints/fixture-voice.html").read_text(encoding="utf-8"))
    assert len(find(page, "div", cls="av-compare")) == 3, "a Compare box under each argument"
    assert find(page, cls="av-verdict") and find(page, "aside", cls="av-source")
    document = json.loads((site / "data/argument-map.json").read_text(encoding="utf-8"))
    assert document["viewpoints"][-1]["id"] == "fixture-voice"
    assert "Fixture Author" in (site / "viewpoints/limited-allies.html").read_text(encoding="utf-8")
    assert "fixture-source" in (site / "sources.html").read_text(encoding="utf-8")


def test_adding_a_theme_as_contributing_says(newcomer_copy):
    project, fixture = newcomer_copy, FIXTURES / "theme"
    recipe_mentions("data/themes.yml", "data/positions.yml", "make anchors", "make check")
    # 1. The theme.
    append(project / "data/themes.yml", (fixture / "themes.yml").read_text(encoding="utf-8"))
    # 2. Its positions: the first viewpoint takes a stance resting on its first argument (as the data
    # stands when the test runs); every other viewpoint has not addressed it.
    viewpoints = yaml.safe_load((project / "data/viewpoints.yml").read_text(encoding="utf-8"))
    first = viewpoints[0]
    page = (project / "docs" / first["page"]).read_text(encoding="utf-8")
    argument = re.search(r"^### .* \{ #([a-z0-9-]+) \}$", page, re.M).group(1)
    stance = {"stance": "A stance written for the test suite.", "argument": argument}
    block = "".join(entry(v["id"], stance if v is first else "not addressed") for v in viewpoints)
    append(project / "data/positions.yml", "\nfixture-theme:\n" + block)
    # 4. The new addresses, then the checks.
    added = make(project, "anchors")
    assert "compare.html#fixture-theme" in added, added
    make(project, "check")

    site = project / "build/anchors"
    compare = parse((site / "compare.html").read_text(encoding="utf-8"))
    rows = [e.text.strip() for e in find(compare, "th", scope="row")]
    assert "A test theme" in rows, rows
    assert find(compare, id="fixture-theme"), "the theme's section has its permanent address"
    document = json.loads((site / "data/argument-map.json").read_text(encoding="utf-8"))
    assert document["themes"][-1]["id"] == "fixture-theme"
