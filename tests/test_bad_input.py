"""A content editor's mistake fails the strict build with a message naming file, item and fix.

Each test breaks one thing in a throwaway copy of the project and builds it as `make build` does.
"""

import pytest
import yaml
from conftest import mkdocs_build

pytestmark = pytest.mark.slow  # a strict build of a project copy per test


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture out of date: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fails_with(project, tmp_path, *expected):
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should fail:\n{output}"
    assert "Traceback" not in output, output
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output}"
    assert "Fix:" in output, output
    return output


def test_unknown_viewpoint_id(project_copy, tmp_path):
    replace(project_copy / "data/positions.yml", "  limited-allies: not addressed", "  limited-ally: not addressed")
    fails_with(project_copy, tmp_path, "data/positions.yml", "limited-ally", "is not a viewpoint id")


def test_viewpoint_title_that_does_not_name_its_voice(project_copy, tmp_path):
    replace(
        project_copy / "docs/viewpoints/partners-not-allies.md",
        "# Expert B: Not allies { #top }",
        "# Not allies { #top }",
    )
    fails_with(
        project_copy,
        tmp_path,
        "docs/viewpoints/partners-not-allies.md",
        "'Not allies'",
        "does not name its voice",
        "# Expert B: …",
    )


def test_unknown_theme_id(project_copy, tmp_path):
    replace(project_copy / "data/positions.yml", "\nmotives:", "\nmotive:")
    fails_with(project_copy, tmp_path, "data/positions.yml", "motive", "is not a theme id")


def test_anchor_missing_on_the_viewpoint_page(project_copy, tmp_path):
    replace(project_copy / "data/positions.yml", "argument: growing-ties", "argument: growing-tie")
    fails_with(
        project_copy, tmp_path, "data/positions.yml", "#growing-tie", "docs/viewpoints/limited-allies.md", "use one of:"
    )


def test_anchor_renamed_on_the_page(project_copy, tmp_path):
    replace(project_copy / "docs/viewpoints/limited-allies.md", "{ #asymmetry }", "{ #imbalance }")
    fails_with(project_copy, tmp_path, "data/positions.yml", "#asymmetry")


def test_duplicate_theme_id(project_copy, tmp_path):
    path = project_copy / "data/themes.yml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: motives\n  title: Again\n  question: Again?\n")
    fails_with(project_copy, tmp_path, "data/themes.yml", "motives", "duplicate id")


def test_duplicate_heading_id_on_a_page(project_copy, tmp_path):
    replace(project_copy / "docs/viewpoints/limited-allies.md", "{ #growing-ties }", "{ #shared-vision }")
    fails_with(project_copy, tmp_path, "docs/viewpoints/limited-allies.md", "#shared-vision", "duplicate id")


def test_duplicate_yaml_key(project_copy, tmp_path):
    replace(
        project_copy / "data/positions.yml",
        "  limited-allies: not addressed",
        "  limited-allies: not addressed\n  limited-allies: not addressed",
    )
    fails_with(project_copy, tmp_path, "data/positions.yml", "duplicate key 'limited-allies'", "line")


def test_missing_stance(project_copy, tmp_path):
    replace(project_copy / "data/positions.yml", "  limited-allies: not addressed\n", "")
    fails_with(project_copy, tmp_path, "data/positions.yml", "formal-alliance → limited-allies", "is missing")


def test_stance_over_the_length_limit(project_copy, tmp_path):
    replace(
        project_copy / "data/positions.yml",
        "stance: Their trade relations continue to expand.",
        "stance: " + "word " * 26,
    )
    fails_with(
        project_copy, tmp_path, "data/positions.yml", "economy-trade → limited-allies", "26 words", "at most 25 words"
    )


def test_malformed_yaml(project_copy, tmp_path):
    replace(project_copy / "data/themes.yml", "- id: motives\n", "- id: motives\n   title: [broken\n")
    fails_with(project_copy, tmp_path, "data/themes.yml", "line", "is not valid YAML")


def test_theme_no_viewpoint_addresses(project_copy, tmp_path):
    path = project_copy / "data/positions.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["outside-influence"]["axis-not-alliance"] = "not addressed"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fails_with(project_copy, tmp_path, "data/positions.yml", "outside-influence", "no viewpoint addresses")


def test_viewpoint_page_missing_from_the_map(project_copy, tmp_path):
    (project_copy / "docs/viewpoints/stray.md").write_text("# Stray { #top }\n")
    fails_with(project_copy, tmp_path, "docs/viewpoints/stray.md", "missing from data/viewpoints.yml")


def test_unknown_source(project_copy, tmp_path):
    replace(project_copy / "data/viewpoints.yml", "source: tenzer-axis", "source: tenzer")
    fails_with(project_copy, tmp_path, "data/viewpoints.yml", "axis-not-alliance", "unknown source 'tenzer'")


def test_agreement_resting_on_an_unknown_argument(project_copy, tmp_path):
    replace(
        project_copy / "data/agreements.yml",
        "never-against-each-other#no-duty-to-defend",
        "never-against-each-other#no-duty",
    )
    fails_with(project_copy, tmp_path, "data/agreements.yml", "no-mutual-defence", "#no-duty")


def test_argument_without_a_quote(project_copy, tmp_path):
    page = project_copy / "docs/viewpoints/partners-not-allies.md"
    text = page.read_text(encoding="utf-8")
    section = text.split("{ #sacrifices-little }", 1)[1]
    quote = "\n".join(line for line in section.splitlines() if line.startswith(">"))
    replace(page, quote, "")
    fails_with(project_copy, tmp_path, "docs/viewpoints/partners-not-allies.md", "#sacrifices-little", "no quote")


def test_argument_cited_by_no_position(project_copy, tmp_path):
    replace(
        project_copy / "docs/viewpoints/limited-allies.md",
        "## What this viewpoint does not address",
        "### A new argument { #new-argument }\n\nText.\n\n> But it sacrifices little to help Russia.\n"
        "> <cite>Expert A, [*The Hundred*][the-hundred]</cite>\n\n## What this viewpoint does not address",
    )
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "#new-argument is cited by no position" in result.stdout + result.stderr
