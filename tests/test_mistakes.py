"""Realistic editor mistakes, one per row, across every data file, page kind and build variable:
each must stop the build with a message naming the file, the item, the field and the fix, and
never a traceback (issue 17).

Two layers, so the table stays cheap enough to run on every `make test`:

- "load" rows (data files, aliases, environment) run MkDocs' own configuration loading and the
  build's first events (`on_startup`, `on_config`, `on_files`) on a copy of the project, through
  the plugin exactly as `mkdocs build --strict` runs them. That is where every data file is read
  and checked, so the message is the one the build prints; rendering is skipped, which is what
  makes 60-odd rows affordable.
- "build" rows (front matter, Markdown, lost published anchors) need the pages rendered or the
  site written, so each runs a real `mkdocs build --strict` of the copy; the oracle is the
  build's exit status and output.

Each row's edit is a regular expression on keys and ids rather than on prose, so that content
edits do not break the table; a row whose pattern no longer matches fails loudly.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import pytest
from conftest import mkdocs_build

VP, SRC, TH, POS = "data/viewpoints.yml", "data/sources.yml", "data/themes.yml", "data/positions.yml"
AGR, TL, GL, AL = "data/agreements.yml", "data/timeline.yml", "data/glossary.yml", "data/aliases.yml"
WHOLE = r"(?s)\A.*\Z"


@dataclass
class Mistake:
    layer: str  # "load" or "build"
    edits: list[tuple[str, str, str]]  # (file, pattern, replacement); pattern must match
    expect: list[str]  # fragments the message must show
    env: dict[str, str] = field(default_factory=dict)
    every: bool = False  # replace every match, not only the first
    renames: list[tuple[str, str]] = field(default_factory=list)  # files moved with the edit (old, new)


def load(file, pattern, new, *expect, **kw):
    return Mistake("load", [(file, pattern, new)], list(expect), **kw)


def build(file, pattern, new, *expect, **kw):
    return Mistake("build", [(file, pattern, new)], list(expect), **kw)


def env(values, *expect):
    return Mistake("load", [], list(expect), env=values)


MISTAKES = {
    # --- data/viewpoints.yml
    "viewpoint: empty verdict": load(
        VP,
        r"  verdict: >-\n(?:    .*\n)+",
        "  verdict:\n",
        "data/viewpoints.yml:",
        "limited-allies",
        "`verdict`",
        "is empty",
    ),
    "viewpoint: name a number": load(
        VP, r"  name: Expert A", "  name: 3", "limited-allies", "`name`", "a number (3)", 'name: "3"'
    ),
    "viewpoint: bare No label": load(
        VP, r'  label: "No"', "  label: No", "partners-not-allies", "`label`", "true/false (false)", 'label: "No"'
    ),
    "viewpoint: spectrum band unknown": load(
        VP,
        r"    band: allies, with limits",
        "    band: allies-ish",
        "limited-allies",
        "band",
        "allies-ish",
        "in between",
    ),
    "viewpoint: spectrum reason empty": load(
        VP, r"    why: \"Answers yes[^\n]*", '    why: ""', "limited-allies", "why", "is empty"
    ),
    "viewpoint: spectrum as a number": load(
        VP, r"  spectrum:\n    band: allies, with limits\n    why: .*", "  spectrum: 25", "limited-allies", "`spectrum`"
    ),
    "viewpoint: unknown key": load(
        VP,
        r"  source: the-hundred\n",
        "  source: the-hundred\n  sources: the-hundred\n",
        "limited-allies",
        "`sources`",
        "is not a field we read",
        "did you mean `source`",
    ),
    "viewpoint: author key left out": load(
        VP, r"  author: null .*\n", "", "limited-allies", "`author`", "is missing", "null"
    ),
    "viewpoint: id with capitals": load(
        VP, r"- id: limited-allies", "- id: Limited Allies", "'Limited Allies' is not a valid id", "lowercase"
    ),
    "viewpoint: page without .md": load(
        VP, r"page: viewpoints/limited-allies\.md", "page: viewpoints/limited-allies", "`page`", "is not a page path"
    ),
    "viewpoint: file as a mapping": load(
        VP, WHOLE, "limited-allies: Expert A\n", "data/viewpoints.yml", "not what this file holds", "- id:"
    ),
    "viewpoint: unknown source": load(
        VP,
        r"source: tenzer-axis",
        "source: tenzer",
        "axis-not-alliance",
        "`source`",
        "unknown source 'tenzer'",
        "the-hundred",
    ),
    # --- data/sources.yml
    "source: url-note for url_note": load(
        SRC, r"  url_note:", "  url-note:", "data/sources.yml:", "the-hundred", "`url-note`", "did you mean `url_note`"
    ),
    "source: empty title": load(
        SRC, r"(- id: the-hundred\n)  title: .*\n", r"\1  title:\n", "the-hundred", "`title`", "is empty"
    ),
    "source: known as one string": load(
        SRC, r"  known:\n(?:    - .*\n)+", "  known: A Substack.\n", "the-hundred", "`known`", "where a list belongs"
    ),
    "source: url without scheme": load(
        SRC, r"  url: https://", "  url: ", "the-hundred", "`url`", "is not an http(s) address"
    ),
    "source: date_note left out": load(SRC, r"  date_note: .*\n", "", "`date_note`", "is missing"),
    "source: a year as a known item": load(
        SRC, r"  known:\n", "  known:\n    - 2022\n", "`known item 1`", "a number (2022)"
    ),
    # --- data/themes.yml
    "theme: empty question": load(
        TH,
        r"(- id: formal-alliance\n  title: .*\n)  question: .*\n",
        r"\1  question:\n",
        "data/themes.yml:",
        "formal-alliance",
        "`question`",
        "is empty",
    ),
    "theme: title a year": load(
        TH,
        r"(- id: motives\n)  title: .*\n",
        r"\1  title: 2022\n",
        "motives",
        "`title`",
        "a number (2022)",
        'title: "2022"',
    ),
    "theme: reserved id": load(TH, r"- id: motives\n", "- id: matrix\n", "matrix", "reserves", "choose an id"),
    "theme: misspelled key": load(
        TH,
        r"(- id: motives\n  title: .*\n)  question:",
        r"\1  questoin:",
        "motives",
        "`questoin`",
        "did you mean `question`",
    ),
    "theme: title left out": load(TH, r"(- id: motives\n)  title: .*\n", r"\1", "motives", "`title`", "is missing"),
    # --- data/positions.yml
    "position: empty stance": load(
        POS,
        r"    stance: .*\n",
        "    stance:\n",
        "data/positions.yml:",
        "formal-alliance → partners-not-allies",
        "`stance`",
        "is empty",
    ),
    "position: not addressed misspelt": load(
        POS,
        r"  limited-allies: not addressed",
        "  limited-allies: not adressed",
        "formal-alliance → limited-allies",
        "neither a stance nor `not addressed`",
    ),
    "position: argument a number": load(
        POS, r"    argument: no-defence-pact", "    argument: 3", "partners-not-allies", "`argument`", "a number (3)"
    ),
    "position: argument left out": load(
        POS, r"    argument: no-defence-pact\n", "", "formal-alliance → partners-not-allies", "`argument`", "is missing"
    ),
    "position: arguments for argument": load(
        POS,
        r"    argument: no-defence-pact",
        "    arguments: no-defence-pact",
        "`arguments`",
        "did you mean `argument`",
    ),
    "position: theme left empty": load(POS, r"\nmotives:\n(?:  .*\n)+", "\nmotives:\n", "motives", "is empty"),
    "position: entry as a list": load(
        POS,
        r"  limited-allies: not addressed",
        "  limited-allies: [not addressed]",
        "formal-alliance → limited-allies",
        "where a mapping of fields belongs",
    ),
    "position: argument id typo": load(
        POS,
        r"argument: growing-ties",
        "argument: growing-tie",
        "#growing-tie",
        "docs/viewpoints/limited-allies.md",
        "use one of:",
    ),
    # --- data/agreements.yml
    "agreement: empty point": load(
        AGR, r"    point: .*\n", "    point:\n", "data/agreements.yml:", "no-mutual-defence", "`point`", "is empty"
    ),
    "agreement: rests_on without brackets": load(
        AGR, r"    rests_on: \[(.*?)\]", r"    rests_on: \1", "no-mutual-defence", "`rests_on`", "where a list belongs"
    ),
    "agreement: ref without #": load(
        AGR,
        r"rests_on: \[partners-not-allies#no-defence-pact",
        "rests_on: [partners-not-allies",
        "`rests_on item 1`",
        "is not viewpoint-id#argument-id",
    ),
    "agreement: rests-on for rests_on": load(
        AGR, r"    rests_on:", "    rests-on:", "`rests-on`", "did you mean `rests_on`"
    ),
    "agreement: third list": load(AGR, r"(?m)^disagree:", "disagreements:", "data/agreements.yml", "disagree"),
    "agreement: empty agree list": load(AGR, r"agree:\n(?:  .*\n)+", "agree: []\n", "`agree`", "is an empty list"),
    "agreement: unknown argument": load(
        AGR,
        r"never-against-each-other#no-duty-to-defend",
        "never-against-each-other#no-duty",
        "no-mutual-defence",
        "#no-duty",
    ),
    # --- data/timeline.yml
    "timeline: 29 February 2023": load(
        TL,
        r"  date: 14 Feb 1950",
        "  date: 29 Feb 2023",
        "data/timeline.yml:",
        "treaty-1950",
        "`date`",
        "'29 Feb 2023'",
        "impossible day",
        "28 days",
    ),
    "timeline: 31 April": load(
        TL, r"  date: Apr 1979", "  date: 31 Apr 1979", "treaty-not-renewed-1979", "impossible day", "30 days"
    ),
    "timeline: mentioned-in for mentioned_in": load(
        TL, r"(?m)^  mentioned_in:", "  mentioned-in:", "`mentioned-in`", "did you mean `mentioned_in`"
    ),
    "timeline: background_to as one string": load(
        TL,
        r"  background_to:\n(?:    - .*\n)+",
        "  background_to: axis-not-alliance#no-single-word\n",
        "treaty-1950",
        "`background_to`",
        "where a list belongs",
    ),
    "timeline: title a year": load(
        TL,
        r"(- id: treaty-1950\n  date: .*\n)  title: .*\n",
        r"\1  title: 1950\n",
        "treaty-1950",
        "`title`",
        "a number (1950)",
    ),
    "timeline: empty text": load(TL, r"  text: >-\n", "  text:\n  body: >-\n", "treaty-1950", "`text`", "is empty"),
    "timeline: source without scheme": load(
        TL, r"  source: https://", "  source: ", "treaty-1950", "`source`", "is not an http(s) address"
    ),
    "timeline: ISO date": load(
        TL,
        r"  date: 14 Feb 1950",
        "  date: 1950-02-14",
        "treaty-1950",
        "`date`",
        "in a form we do not read",
        "14 Feb 1950",
    ),
    "timeline: file emptied": load(TL, WHOLE, "# nothing yet\n", "data/timeline.yml", "is empty", "- id:"),
    # --- data/glossary.yml
    "glossary: keys without brackets": load(
        GL,
        r"  keys: \[alliance, alliances\]",
        "  keys: alliance, alliances",
        "data/glossary.yml:",
        "alliance",
        "`keys`",
        "where a list belongs",
    ),
    "glossary: empty how": load(GL, r"      how: .*\n", "      how:\n", "alliance → uses item 1", "`how`", "is empty"),
    "glossary: definition a number": load(
        GL,
        r"(- id: alliance\n  term: .*\n  keys: .*\n)  definition: >-\n(?:    .*\n)+",
        r"\1  definition: 1950\n",
        "alliance",
        "`definition`",
        "a number (1950)",
    ),
    "glossary: timeline as one id": load(
        GL,
        r"  timeline: \[treaty-1950, [^\]]*\]",
        "  timeline: treaty-1950",
        "alliance",
        "`timeline`",
        "where a list belongs",
    ),
    "glossary: misspelt argument key": load(
        GL, r"    - argument:", "    - argumnet:", "alliance → uses item 1", "`argumnet`", "did you mean `argument`"
    ),
    "glossary: term left out": load(GL, r"(- id: alliance\n)  term: .*\n", r"\1", "alliance", "`term`", "is missing"),
    "glossary: uses emptied": load(
        GL, r"  uses:\n", "  uses: []\n  old_uses:\n", "alliance", "`uses`", "is an empty list"
    ),
    # --- data/aliases.yml
    "aliases: written as a string": load(
        AL,
        WHOLE,
        "viewpoints/limited-allies.md imbalance asymmetry",
        "data/aliases.yml",
        "not what this file holds",
        "old-id: current-id",
    ),
    "aliases: under a wrong page": load(
        AL,
        WHOLE,
        "viewpoints/limited-ally.md:\n  imbalance: asymmetry",
        "data/aliases.yml:",
        "viewpoints/limited-ally.md",
        "names a page that does not exist",
    ),
    "aliases: old id with a space": load(
        AL,
        WHOLE,
        "viewpoints/limited-allies.md:\n  old imbalance: asymmetry",
        "data/aliases.yml:",
        "'old imbalance' is not a valid id",
        "lowercase",
    ),
    "aliases: page without .md": load(
        AL, WHOLE, "viewpoints/limited-allies:\n  imbalance: asymmetry", "data/aliases.yml:", "is not a page path"
    ),
    "aliases: target as a list": load(
        AL,
        WHOLE,
        "viewpoints/limited-allies.md:\n  imbalance: [asymmetry]",
        "data/aliases.yml:",
        "imbalance",
        "where text belongs",
    ),
    "aliases: target not on the page": build(
        AL,
        WHOLE,
        "viewpoints/limited-allies.md:\n  imbalance: asymetry",
        "data/aliases.yml",
        "alias 'imbalance' points to #asymetry",
        "not on the page",
    ),
    # --- environment
    "env: SITE_URL set but empty": env(
        {"SITE_URL": ""}, "environment: SITE_URL", "is set but empty", "SITE_URL=https://"
    ),
    "env: SITE_URL with a query": env(
        {"SITE_URL": "https://reference.example.org/?utm_source=x"},
        "environment: SITE_URL",
        "without query or fragment",
    ),
    "env: SITE_URL with a fragment": env(
        {"SITE_URL": "https://reference.example.org/#top"}, "environment: SITE_URL", "without query or fragment"
    ),
    "env: SITE_URL not http": env(
        {"SITE_URL": "ftp://reference.example.org/"}, "environment: SITE_URL", "not an http(s) address"
    ),
    # MkDocs itself refuses an address without a scheme, before our plugin runs; its message names
    # site_url and the missing http://, not our fix.
    "env: SITE_URL without scheme": env({"SITE_URL": "reference.example.org/china-russia/"}, "site_url", "http://"),
    "env: OFFLINE set but empty": env(
        {"OFFLINE": ""}, "environment: OFFLINE", "is set but empty", "OFFLINE=true for the offline copy"
    ),
    "env: OFFLINE yes": env({"OFFLINE": "yes"}, "environment: OFFLINE", "'yes'", "OFFLINE=true"),
    # --- page front matter
    "front matter: not valid YAML": build(
        "docs/method.md",
        r"(?m)^description: ",
        "description: Method: ",
        "docs/method.md:2",
        "front matter",
        "is not valid YAML",
        "single quotes",
    ),
    "front matter: straight double quote": build(
        "docs/method.md",
        r"(?m)^description: ",
        'description: The "method" of ',
        "docs/method.md:2",
        "`description`",
        "straight double quote",
        "curly quotes",
    ),
    "front matter: misspelt description": build(
        "docs/sources.md",
        r"(?m)^description:",
        "descripton:",
        "docs/sources.md:2",
        "`descripton`",
        "did you mean `description`",
    ),
    "front matter: empty description": build(
        "docs/timeline.md", r"(?m)^description: .*$", "description:", "docs/timeline.md", "`description`", "is empty"
    ),
    "front matter: description left out": build(
        "docs/glossary.md", r"(?m)^description: .*\n", "", "docs/glossary.md", "`description`", "is missing"
    ),
    "front matter: hide typo": build(
        "docs/compare.md", r"  - navigation", "  - navigaton", "docs/compare.md", "`hide item 1`", "navigaton"
    ),
    # --- viewpoint pages (read with the data, when the build loads the argument map)
    "viewpoint page: title without its voice": load(
        "docs/viewpoints/partners-not-allies.md",
        r"# Expert B: (.*) \{ #top \}",
        r"# \1 { #top }",
        "docs/viewpoints/partners-not-allies.md",
        "does not name its voice",
        "# Expert B: …",
    ),
    "viewpoint page: argument heading without id": load(
        "docs/viewpoints/limited-allies.md",
        r"(### .*?) \{ #asymmetry \}",
        r"\1",
        "docs/viewpoints/limited-allies.md",
        "line",
        "has no explicit id",
        "{ #a-permanent-id }",
    ),
    "viewpoint page: section id renamed": load(
        "docs/viewpoints/limited-allies.md",
        r"\{ #not-addressed \}",
        "{ #not-covered }",
        "docs/viewpoints/limited-allies.md",
        "section #not-addressed",
        "is missing",
    ),
    "viewpoint page: quote without attribution": load(
        "docs/viewpoints/limited-allies.md",
        r"> <cite>.*</cite>\n",
        "",
        "docs/viewpoints/limited-allies.md",
        "without attribution",
        "<cite>",
    ),
    "viewpoint page: quotes inside quotes": build(
        "docs/viewpoints/axis-not-alliance.md",
        r'(?m)^description: "Nicolas Tenzer: ',
        'description: "Nicolas Tenzer: an "axis": ',
        "docs/viewpoints/axis-not-alliance.md:2",
        "front matter",
        "is not valid YAML",
    ),
    "context page: marker removed": build(
        "docs/timeline.md",
        r"<!-- src/mkdocs_adapter/context_pages.py: timeline -->\n",
        "",
        "docs/timeline.md",
        "<!-- src/mkdocs_adapter/context_pages.py: timeline -->",
        "must appear exactly once",
    ),
    # --- Markdown
    "markdown: setext heading": build(
        "docs/method.md",
        r"\Z",
        "\nMore reading\n------------\n\nText.\n",
        "docs/method.md",
        "More reading / ------------",
        "instead of underlining",
    ),
    "markdown: raw h2": build(
        "docs/sources.md", r"\Z", "\n<h2>Notes</h2>\n", "docs/sources.md", "<h2>", 'id="a-permanent-id"'
    ),
    "markdown: heading without id": build(
        "docs/index.md", r"\Z", "\n## Notes\n", "docs/index.md", "'## Notes'", "{ #a-permanent-id }"
    ),
    "markdown: id the theme uses": build(
        "docs/method.md",
        r"\Z",
        "\n## Cite { #cite-this-page }\n\nText.\n",
        "docs/method.md",
        "'cite-this-page'",
        "collides with an id the theme adds",
    ),
    "markdown: reference-link typo": build(
        "docs/viewpoints/limited-allies.md",
        r"\]\[the-hundred\]",
        "][the-hundreds]",
        "written in docs/viewpoints/limited-allies.md",
        "[The Hundred][the-hundreds]",
        "shows as literal brackets",
    ),
    "markdown: marker in a code fence": build(
        "docs/compare.md",
        r"<!-- src/mkdocs_adapter/comparison_page.py: matrix -->",
        "```\n<!-- src/mkdocs_adapter/comparison_page.py: matrix -->\n```",
        "docs/compare.md",
        "inside a code fence",
    ),
    # --- published anchors lost (ids from data become anchors; anchors.txt holds the promise)
    "anchor: theme id renamed": Mistake(
        "build",
        [(TH, r"- id: motives\n", "- id: aims\n"), (POS, r"\nmotives:\n", "\naims:\n")],
        ["anchors.txt", "compare.html#motives", "data/aliases.yml", "compare.md"],
    ),
    "anchor: timeline id renamed": build(
        TL,
        r"- id: border-clash-1969",
        "- id: ussuri-clash-1969",
        "anchors.txt",
        "timeline.html#border-clash-1969",
        "data/aliases.yml",
    ),
    "anchor: glossary id renamed": build(
        GL, r"- id: hegemony", "- id: hegemon", "anchors.txt", "glossary.html#hegemony", "data/aliases.yml"
    ),
    "anchor: source id renamed": Mistake(
        "build",
        [
            (f, r"tenzer-axis", "tenzer-essay")
            for f in (SRC, VP, TL, "docs/viewpoints/axis-not-alliance.md", "docs/index.md")
        ],
        ["anchors.txt", "sources.html#tenzer-axis", "data/aliases.yml"],
        every=True,
        renames=[("sources/tenzer-axis.txt", "sources/tenzer-essay.txt")],
    ),  # its text goes with the id
    "anchor: section heading renamed": build(
        "docs/method.md", r"\{ #quotes \}", "{ #quotations }", "anchors.txt", "method.html#quotes", "data/aliases.yml"
    ),
}


def apply(project, mistake: Mistake):
    for old, new in mistake.renames:
        (project / old).rename(project / new)
    for file, pattern, new in mistake.edits:
        path = project / file
        text, count = re.subn(pattern, new, path.read_text(encoding="utf-8"), count=0 if mistake.every else 1)
        assert count, f"table out of date: {pattern!r} not in {file}"
        path.write_text(text, encoding="utf-8")


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def run_load(project) -> str:
    """The build's configuration and first events, as `mkdocs build --strict` runs them: the
    errors and warnings it would print (strict makes a warning fatal), or '' if all passed."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.files import get_files

    collect = Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        config.plugins.on_files(get_files(config), config=config)
    except MkDocsException as error:
        collect.messages.append(str(error))
    finally:
        logger.removeHandler(collect)
    return "\n".join(collect.messages)


# The mistakes only a real strict build finds are "slow" (a build of a project copy each): `make test`
# runs them, `make check` leaves them out.
@pytest.mark.parametrize(
    "name",
    [n if m.layer == "load" else pytest.param(n, marks=pytest.mark.slow) for n, m in MISTAKES.items()],
    ids=list(MISTAKES),
)
def test_an_editor_mistake_fails_the_strict_build_with_file_item_field_and_fix(
    name, project_copy, tmp_path, monkeypatch
):
    mistake = MISTAKES[name]
    apply(project_copy, mistake)
    monkeypatch.delenv("OFFLINE", raising=False)
    monkeypatch.setenv("SITE_URL", "https://reference.example.org/china-russia/")
    for key, value in mistake.env.items():
        monkeypatch.setenv(key, value)
    if mistake.layer == "load":
        output = run_load(project_copy)
        assert output, "the build should fail"
    else:
        result = mkdocs_build(project_copy, tmp_path / "out")
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"the build should fail:\n{output}"
    assert "Traceback" not in output, output
    for text in mistake.expect:
        assert text in output, f"{text!r} not in:\n{output}"
    if not name.startswith("env: SITE_URL without scheme"):
        assert "Fix:" in output, output


def test_the_table_is_large_and_covers_every_data_file_page_kind_and_variable():
    assert len(MISTAKES) >= 60
    files = {f for m in MISTAKES.values() for f, _, _ in m.edits}
    assert {VP, SRC, TH, POS, AGR, TL, GL, AL} <= files
    assert {"docs/method.md", "docs/compare.md", "docs/viewpoints/limited-allies.md", "docs/index.md"} <= files
    assert {k for m in MISTAKES.values() for k in m.env} == {"SITE_URL", "OFFLINE"}


def test_the_unbroken_project_passes_the_load_layer(project_copy, monkeypatch):
    """The load layer's oracle can say yes: without a mistake, it reports nothing."""
    monkeypatch.delenv("OFFLINE", raising=False)
    monkeypatch.setenv("SITE_URL", "https://reference.example.org/china-russia/")
    assert run_load(project_copy) == ""


def test_an_alias_keeps_a_renamed_section_alive(project_copy, tmp_path):
    """The fix the lost-anchor message gives works: rename a section, keep its old id as an alias."""
    apply(
        project_copy,
        Mistake(
            "build",
            [
                ("docs/method.md", r"\{ #quotes \}", "{ #quotations }"),
                (AL, r"(?m)^method\.md:$", "method.md:\n  quotes: quotations"),
            ],
            [],
        ),
    )
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
