"""Search as readers use it: what the index holds reads as text, and real queries put the right
section first, typed into Material's search box in Chromium, in both formats."""

import json
import re

import pytest
from conftest import ROOT
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from argmap import load_map

# A dozen queries from readers, and the section a reader should land on first.
FIRST_RESULTS = {
    "alliance": "viewpoints/axis-not-alliance.html#no-formal-alliance",
    "Crimea": "timeline.html#crimea-2014",
    "sanctions": "viewpoints/partners-not-allies.html#no-war-support",
    "axis": "viewpoints/axis-not-alliance.html#axis-of-regimes",
    "Qin Gang": "timeline.html#qin-gang-no-alliance-2023",
    "no limits": "viewpoints/partners-not-allies.html#no-limits-not-literal",
    '"no limits"': "viewpoints/partners-not-allies.html#no-limits-not-literal",  # a quoted phrase
    "wedge": "viewpoints/axis-not-alliance.html#no-lasting-wedge",
    "NATO": "viewpoints/never-against-each-other.html#no-duty-to-defend",
    "nuclear": "index.html",
    "totalitarian": "viewpoints/axis-not-alliance.html#totalitarian-regimes",
    "multipolar": "glossary.html#multipolarity",
    "mediator": "viewpoints/axis-not-alliance.html#no-mediator",
    "asymmetry": "viewpoints/limited-allies.html#asymmetry",  # an argument's address, not its title
}


def index_docs(root):
    return json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_matrix_indexes_as_sentences_not_cells_run_together(formats):
    """The "At a glance" result read "ThemeExpert Alimited allies…": now each stance is indexed
    after the name of its voice, and no two words run together anywhere in the index."""
    m = load_map(ROOT)
    docs = {d["location"]: d for d in index_docs(formats.site)}
    text = re.sub(r"<[^>]+>", " ", docs["compare.html#matrix"]["text"])
    text = re.sub(r"\s+", " ", text)
    for theme in m.themes:
        for v in m.viewpoints:
            pos = m.position(theme, v)
            stance = re.sub(r"<[^>]+>", "", pos.stance) if pos.addressed else ""  # <q> marks, not words
            said = f"{v.name}: {stance}" if pos.addressed else f"{v.name}: Not addressed"
            assert said in text, f"not indexed as a sentence: {said!r}"
    run_together = [
        (loc, w)
        for loc, d in docs.items()
        for w in re.findall(r"\b\w*[a-z][A-Z][a-z]\w*", re.sub(r"<[^>]+>", " ", d["text"]))
        if w != "BibTeX"
    ]
    assert run_together == [], run_together[:5]


def test_argument_titles_and_addresses_are_in_the_index(formats):
    m = load_map(ROOT)
    titles = {d["location"]: d["title"] for d in index_docs(formats.site)}
    for v in m.viewpoints:
        for argument in v.arguments.values():
            title = titles.get(f"{v.page[:-3]}.html#{argument.id}", "")
            assert argument.title in title and f"#{argument.id}" in title, (argument.id, title)


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_real_queries_put_the_right_section_first(formats, server, open_page, fmt):
    page, watch = open_page()
    url = server + "index.html" if fmt == "hosted" else (formats.offline / "index.html").as_uri()
    page.goto(url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    wrong = {}
    for query, expected in FIRST_RESULTS.items():
        box.click()
        box.fill("")
        box.press_sequentially(query)
        # Results for the whole query, not for the letters typed so far: Material writes the
        # highlighted words into each link (?h=no+limits). Read in one go, as the list re-renders.
        last = query.strip('"').split()[-1].lower()
        # "No matching documents" shows for a moment while typing: a query that finds nothing
        # fails by waiting in vain.
        try:
            found = page.wait_for_function(
                """last => {
            const first = document.querySelector('.md-search-result__item');
            const hrefs = first ? [...first.querySelectorAll('a.md-search-result__link')].map(a => a.href) : [];
            return hrefs.some(h => new URL(h).searchParams.get('h')?.split(' ').includes(last)) ? hrefs : null;
        }""",
                arg=last,
                timeout=10_000,
            ).json_value()
        except PlaywrightTimeout:
            wrong[query] = page.locator(".md-search-result__meta").inner_text()
            continue
        # The first group of results (a page), and in it the first section, as a reader sees them.
        hrefs = [re.sub(r"\?h=[^#]*", "", h) for h in found]
        sections = [h for h in hrefs if "#" in h]
        first = (sections or hrefs)[0]
        if not first.endswith(expected):
            wrong[query] = first
    assert wrong == {}, f"first results, {fmt}: {wrong}"
    watch.check(f"search, {fmt}")
