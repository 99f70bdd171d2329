"""Context for newcomers: the timeline, the glossary with its tooltips, and the label spectrum.

Data checks run on the plain modules (src/argmap/context.py, src/render/context.py), each broken input in a throwaway
copy; the built-HTML checks read the session build; the browser checks look at the spectrum and
the tooltips in Chromium, light and dark, at 360 px and 1280 px.
"""

import itertools
import re
import shutil

import pytest
import yaml
from conftest import ROOT, html_pages, mkdocs_build
from htmlscan import find, parse

from argmap import ContentError, load_map
from argmap.context import load_context
from argmap.schema import BANDS
from render.context import focusable_terms, in_words

REQUIRED_TERMS = [
    "alliance",
    "partnership",
    "axis",
    "mutual-defence-pact",
    "no-limits-partnership",
    "no-forbidden-zones",
    "multipolarity",
    "hegemony",
    "junior-partner",
    "wedge-strategy",
]


@pytest.fixture(scope="module")
def ctx(amap):
    return load_context(ROOT, amap)


def html(formats, path):
    return (formats.site / path).read_text(encoding="utf-8")


# --- Data ----------------------------------------------------------------------------------------


def test_the_timeline_runs_from_the_1950_treaty_to_2023(ctx):
    assert ctx.timeline[0].id == "treaty-1950" and ctx.timeline[0].date == "14 Feb 1950"
    assert ctx.timeline[-1].sort[0] == 2023
    assert len(ctx.timeline) >= 15


@pytest.mark.parametrize(
    "event, argument, relation",
    [
        ("crimea-2014", "never-against-each-other#no-backing-on-ukraine", "mentioned_in"),
        ("invasion-2022", "axis-not-alliance#no-lasting-wedge", "mentioned_in"),
        ("xi-general-secretary-2012", "axis-not-alliance#no-single-word", "mentioned_in"),
        # Events a voice does not name are background to its arguments, not mentioned in them.
        ("no-limits-statement-2022", "partners-not-allies#no-limits-not-literal", "background_to"),
        ("invasion-2022", "limited-allies#asymmetry", "mentioned_in"),  # "its ongoing war in Ukraine"
        ("no-limits-statement-2022", "axis-not-alliance#unlimited-friendship", "background_to"),
        ("qin-gang-no-alliance-2023", "axis-not-alliance#no-formal-alliance", "background_to"),
        ("qin-gang-removed-2023", "axis-not-alliance#no-formal-alliance", "background_to"),
    ],
)
def test_events_link_to_the_arguments_that_mention_them_or_that_they_explain(ctx, event, argument, relation):
    e = next(e for e in ctx.timeline if e.id == event)
    refs = {
        name: [f"{r.viewpoint.id}#{r.argument.id}" for r in getattr(e, name)]
        for name in ("mentioned_in", "background_to")
    }
    assert argument in refs[relation], refs


def test_the_glossary_has_the_terms_the_debate_turns_on(ctx):
    ids = [t.id for t in ctx.glossary]
    assert not set(REQUIRED_TERMS) - set(ids)
    for term in ctx.glossary:
        assert term.uses, f"{term.id}: no viewpoint use"


# --- Bad input: each mistake stops the load with file, item and fix ------------------------------


@pytest.fixture
def project(tmp_path):
    """The content the loaders read, copied so a test can break it."""
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test out of date: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


TIMELINE, GLOSSARY = "data/timeline.yml", "data/glossary.yml"
BROKEN = {
    "missing date": (
        TIMELINE,
        "  date: 14 Feb 1950\n",
        "",
        ["data/timeline.yml:9", "treaty-1950", "`date`: is missing"],
    ),
    "unreadable date": (
        TIMELINE,
        "date: 14 Feb 1950",
        "date: 1950-02-14",
        ["treaty-1950", "in a form we do not read", "14 Feb 1950"],
    ),
    "impossible month": (TIMELINE, "date: Apr 1979", "date: Apl 1979", ["treaty-not-renewed-1979", "form"]),
    "out of order": (TIMELINE, "date: 2 Mar 1969", "date: 2 Mar 1949", ["border-clash-1969", "date order"]),
    "unknown viewpoint": (
        TIMELINE,
        "    - never-against-each-other#no-backing-on-ukraine\n\n- id: partnership",
        "    - never-against-one-another#no-backing-on-ukraine\n\n- id: partnership",
        ["crimea-2014", "'never-against-one-another' is unknown", "viewpoint-id#argument-id"],
    ),
    "unknown argument": (
        TIMELINE,
        "    - axis-not-alliance#no-single-word\n\n- id: border-clash-1969",
        "    - axis-not-alliance#no-single-phrase\n\n- id: border-clash-1969",
        ["treaty-1950", "no argument #no-single-phrase", "use one of:"],
    ),
    "missing source": (
        TIMELINE,
        "  source: https://en.wikipedia.org/wiki/Sino-Soviet_border_conflict\n",
        "",
        ["border-clash-1969", "`source`: is missing", "facts.md"],
    ),
    "duplicate id": (TIMELINE, "- id: border-clash-1969", "- id: treaty-1950", ["treaty-1950", "duplicate id"]),
    "duplicate key": (
        TIMELINE,
        "  date: 14 Feb 1950\n",
        "  date: 14 Feb 1950\n  date: 15 Feb 1950\n",
        ["data/timeline.yml", "duplicate key 'date'", "line"],
    ),
    "malformed YAML": (
        TIMELINE,
        "  date: 14 Feb 1950\n",
        "  date: [14 Feb 1950\n",
        ["data/timeline.yml", "is not valid YAML"],
    ),
    "glossary argument unknown": (
        GLOSSARY,
        "argument: limited-allies#shared-vision",
        "argument: limited-allies#shared-visions",
        ["multipolarity", "#shared-visions"],
    ),
    "glossary timeline id unknown": (
        GLOSSARY,
        "timeline: [partnership-upgraded-2019",
        "timeline: [partnership-2019",
        ["partnership", "'partnership-2019'"],
    ),
    "tooltip for no key": (
        GLOSSARY,
        "    multipolar: >-",
        "    multipolarism: >-",
        ["data/glossary.yml", "multipolarity", "'multipolarism'", "not one of its keys"],
    ),
    "tooltip with a straight quote": (
        GLOSSARY,
        "  tooltip: >-\n    Containment:",
        '  tooltip: >-\n    "Containment":',
        ["data/glossary.yml", "containment", "`tooltip`", "straight double quote"],
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_bad_context_input_names_file_item_and_fix(project, case):
    file, old, new, expected = BROKEN[case]
    edit(project / file, old, new)
    with pytest.raises(ContentError) as caught:
        load_context(project, load_map(project))
    message = str(caught.value)
    for text in expected:
        assert text in message, f"{text!r} not in: {message}"
    assert "Fix:" in message and caught.value.fix, message


def test_a_bad_timeline_link_fails_the_strict_build(project_copy, tmp_path):
    edit(
        project_copy / TIMELINE,
        "    - never-against-each-other#no-backing-on-ukraine\n\n- id: partnership",
        "    - never-against-each-other#no-backing-on-crimea\n\n- id: partnership",
    )
    result = mkdocs_build(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert "data/timeline.yml: crimea-2014" in output, output
    assert "#no-backing-on-crimea" in output and "Fix:" in output, output


def test_a_missing_spectrum_marker_fails_the_strict_build(project_copy, tmp_path):
    edit(project_copy / "docs/compare.md", "<!-- src/mkdocs_adapter/context_pages.py: spectrum -->\n", "")
    result = mkdocs_build(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "docs/compare.md" in output and "<!-- src/mkdocs_adapter/context_pages.py: spectrum -->" in output, output


# --- Tooltips made reachable by keyboard ---------------------------------------------------------


def test_the_first_tooltip_of_each_term_is_focusable_outside_links():
    page = (
        '<p><abbr title="A">axis</abbr> <a href="#x"><abbr title="B">alliance</abbr></a> '
        '<abbr title="A">axis</abbr> <abbr title="B">alliance</abbr></p>'
    )
    out = focusable_terms(page)
    assert out == (
        '<p><abbr title="A" tabindex="0">axis</abbr> <a href="#x"><abbr title="B">alliance</abbr></a> '
        '<abbr title="A">axis</abbr> <abbr title="B" tabindex="0">alliance</abbr></p>'
    )


# --- Built HTML ----------------------------------------------------------------------------------


def sections(page_html: str) -> dict[str, str]:
    """The HTML of each h2 section, by heading id."""
    parts = re.split(r'(?=<h2 id=")', page_html)
    return {re.match(r'<h2 id="([^"]+)"', p).group(1): p for p in parts if p.startswith("<h2 id=")}


def test_every_timeline_entry_has_date_source_and_anchor(formats, ctx):
    by_id = sections(html(formats, "timeline.html"))
    for e in ctx.timeline:
        assert e.id in by_id, f"timeline.html: no heading #{e.id}"
        els = parse(by_id[e.id])
        time = find(els, "time")
        assert time and time[0].attrs["datetime"] == e.iso and time[0].text == e.date, e.id
        assert e.source in [a.attrs.get("href") for a in find(els, "a")], f"{e.id}: no source link"
        for ref in e.mentioned_in + e.background_to:
            target = f"{ref.viewpoint.page[:-3]}.html#{ref.argument.id}"
            assert target in [a.attrs.get("href") for a in find(els, "a")], f"{e.id}: no link to {target}"
    assert list(by_id)[-len(ctx.timeline) :] == [e.id for e in ctx.timeline]


def test_every_glossary_term_is_on_the_glossary_page(formats, ctx):
    by_id = sections(html(formats, "glossary.html"))
    for term in ctx.glossary:
        assert term.id in by_id, f"glossary.html: no heading #{term.id}"
        heading = find(parse(by_id[term.id]), "h2")[0]
        assert term.term in heading.text, term.id
        hrefs = [a.attrs.get("href") for a in find(parse(by_id[term.id]), "a")]
        for use in term.uses:
            assert f"{use.ref.viewpoint.page[:-3]}.html#{use.ref.argument.id}" in hrefs, term.id


def test_glossary_terms_show_their_tooltip_across_the_site(formats):
    """The tooltips on the built pages are data/glossary.yml's, read here without our loader."""
    expected = {
        key: " ".join(term.get("key_tooltips", {}).get(key, term["tooltip"]).split())
        for term in yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
        for key in term["keys"]
    }
    shown = {}
    for path in html_pages(formats.site):
        for e in find(parse(path.read_text(encoding="utf-8")), "abbr"):
            shown.setdefault(e.text, set()).add(e.attrs.get("title"))
    assert len(expected) >= 20 and set(shown) <= set(expected), sorted(set(shown) - set(expected))
    for key in shown:
        assert shown[key] == {expected[key]}, key
    for term in yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8")):
        assert any(k in shown for k in term["keys"]), f"{term['id']}: none of {term['keys']} shows a tooltip anywhere"


def test_tooltips_leave_titles_nav_attributes_and_anchors_intact(formats):
    for path in html_pages(formats.site):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(formats.site)
        assert not re.search(r'="[^"<>]*<abbr', text), f"{name}: <abbr> inside an attribute"
        assert not re.search(r"<title>[^<]*<abbr", text), f"{name}: <abbr> in <title>"
        nav = re.findall(r'class="md-nav__link[^"]*"[^>]*>(.*?)</a>', text, re.S)
        assert not any("<abbr" in n for n in nav), f"{name}: <abbr> in a navigation or TOC link"
        assert not re.search(r"<a\b[^>]*>(?:(?!</a>).)*<abbr[^>]*tabindex", text, re.S), (
            f"{name}: a focusable <abbr> inside a link"
        )
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", text, re.S):
            if "<abbr" in heading:
                hid = re.match(r'<h[1-6][^>]*\bid="([^"]+)"', heading)
                assert hid and f'href="#{hid.group(1)}"' in heading, f"{name}: heading anchor lost: {heading[:120]}"
        focusable = re.findall(r'<abbr title="([^"]*)" tabindex="0">', text)
        assert len(focusable) == len(set(focusable)), f"{name}: a term is focusable more than once"


def spectrum_bands(page_html):
    figure = re.search(r'<figure class="av-spectrum">.*?</figure>', page_html, re.S)
    assert figure, "no spectrum figure"
    return figure.group(0), re.findall(r'<li class="av-spectrum__band">(.*?)</ul>\s*</li>', figure.group(0), re.S)


@pytest.mark.parametrize(
    "path, after, before",
    [
        ("index.html", 'class="av-verdicts"', '<h2 id="how-to-use"'),
        ("compare.html", '<h2 id="matrix"', '<table class="av-matrix"'),
    ],
)
def test_the_spectrum_reads_the_verdicts_in_named_bands_with_reasons(formats, amap, path, after, before):
    """An ordinal reading: the bands in order from allies to not allies, each voice in its band with
    the reason for its placing, and no number that would suggest a measure."""
    text = html(formats, path)
    assert text.count('<figure class="av-spectrum">') == 1, path
    at = text.index('<figure class="av-spectrum">')
    assert text.index(after) < at < text.index(before), f"{path}: the spectrum is out of place"
    figure, bands = spectrum_bands(text)
    caption = find(parse(figure), "figcaption")[0].text
    assert "editorial reading" in caption and "not a measure" in caption, caption
    assert f"the {in_words(len(amap.viewpoints))} verdicts" in caption, "the count comes from the data"
    assert len(bands) == len(BANDS)
    for band, band_html in zip(BANDS, bands, strict=False):
        els = parse(band_html)
        assert find(els, "p", cls="av-spectrum__band-name")[0].text.strip() == band.capitalize()
        items = find(els, "li", cls="av-spectrum__item")
        voices = [v for v in amap.viewpoints if v.spectrum.band == band]
        assert [find(parse(band_html), "a")[n].attrs["href"] for n in range(len(voices))] == [
            v.page[:-3] + ".html" for v in voices
        ], band
        for item, v in zip(items, voices, strict=False):
            assert v.name in item.text and v.label in item.text, v.id
            assert find(parse(band_html), "span", cls="av-spectrum__why"), f"{v.id}: no reason shown"
    assert not re.search(r"\d", re.sub(r"<[^>]+>", "", figure)), "a number in the spectrum suggests a measure"


# --- In the browser ------------------------------------------------------------------------------

GEOMETRY = """fig => {
  const box = e => { const r = e.getBoundingClientRect(); return {l: r.left, r: r.right, t: r.top, b: r.bottom}; };
  return {
    figure: box(fig),
    bands: [...fig.querySelectorAll('.av-spectrum__band')].map(b => ({
      box: box(b),
      name: box(b.querySelector('.av-spectrum__band-name')),
      nameColor: getComputedStyle(b.querySelector('.av-spectrum__band-name')).color,
      items: [...b.querySelectorAll('.av-spectrum__item')].map(i => ({
        box: box(i), clipped: i.scrollWidth > i.clientWidth + 1,
        linkColor: getComputedStyle(i.querySelector('a')).color,
        whyColor: getComputedStyle(i.querySelector('.av-spectrum__why')).color,
      })),
    })),
    ends: [...fig.querySelectorAll('.av-spectrum__scale span')].map(box),
    background: getComputedStyle(document.body).backgroundColor,
    width: document.documentElement.clientWidth,
  };
}"""


def luminance(css_color):
    r, g, b = (int(x) / 255 for x in re.findall(r"\d+", css_color)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def overlaps(a, b):
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["index.html", "compare.html"])
def test_the_spectrum_is_readable_in_both_schemes_and_widths(server, open_page, amap, scheme, width, path):
    """Bands in reading order (left to right on a laptop, top to bottom on a phone), nothing cut off
    or overlapping, text at AA contrast."""
    page, watch = open_page(color_scheme=scheme, width=width)
    page.goto(server + path, wait_until="networkidle")
    g = page.locator("figure.av-spectrum").evaluate(GEOMETRY)
    where = f"{path} {scheme} {width}px"
    assert g["figure"]["l"] >= 0 and g["figure"]["r"] <= g["width"], f"{where}: the figure overflows"
    bands = g["bands"]
    assert len(bands) == len(BANDS)
    for before, after in itertools.pairwise(bands):
        assert not overlaps(before["box"], after["box"]), f"{where}: bands overlap"
        if width >= 1280:
            assert before["box"]["r"] <= after["box"]["l"], f"{where}: bands not side by side in order"
        else:
            assert before["box"]["b"] <= after["box"]["t"], f"{where}: bands not stacked in order"
    for band in bands:
        assert contrast(band["nameColor"], g["background"]) >= 4.5, f"{where}: band name contrast"
        for item in band["items"]:
            assert not item["clipped"], f"{where}: a voice is cut off"
            assert item["box"]["r"] <= g["width"], f"{where}: a voice is off screen"
            assert contrast(item["linkColor"], g["background"]) >= 4.5, f"{where}: link contrast"
            assert contrast(item["whyColor"], g["background"]) >= 4.5, f"{where}: reason contrast"
    if width >= 1280:
        allies, not_allies = g["ends"]
        assert allies["r"] < not_allies["l"], f"{where}: the scale's ends overlap"
    watch.check(where)


@pytest.mark.browser
def test_the_spectrum_needs_no_javascript(server, open_page, amap):
    page, watch = open_page(width=360, java_script_enabled=False)
    page.goto(server + "index.html")
    items = page.locator("figure.av-spectrum .av-spectrum__item")
    assert items.count() == len(amap.viewpoints)
    names = " ".join(items.all_inner_texts())
    for v in amap.viewpoints:
        assert v.name in names
    assert page.locator("figure.av-spectrum .av-spectrum__why").first.is_visible()
    watch.check("spectrum without JavaScript")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_term_shows_its_definition_on_keyboard_focus(server, open_page, ctx, scheme):
    page, watch = open_page(color_scheme=scheme, width=360)
    page.goto(server + "viewpoints/axis-not-alliance.html", wait_until="networkidle")
    term = page.locator("article h1 abbr[tabindex='0']", has_text="axis")
    term.focus()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(timeout=5_000)
    assert tip.inner_text().strip() == ctx.abbreviations["axis"]
    assert term.get_attribute("aria-describedby") == tip.get_attribute("id")
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, f"tooltip off screen: {box}"
    watch.check(f"tooltip, {scheme}")


@pytest.mark.browser
def test_a_term_shows_its_definition_on_hover_and_gives_its_title_back(server, open_page, ctx):
    """Tooltips are made on first hover or focus (tooltips.js), not for every term on load: while one
    shows, the term's title is held (no second, native tooltip); when the pointer leaves, it goes."""
    page, watch = open_page()
    page.goto(server + "viewpoints/axis-not-alliance.html", wait_until="networkidle")
    assert page.locator(".md-tooltip2").count() == 0, "tooltips made on load"
    term = page.locator("article h1 abbr", has_text="axis")
    term.hover()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for()
    assert tip.inner_text().strip() == ctx.abbreviations["axis"]
    assert term.get_attribute("title") is None and term.get_attribute("aria-describedby") == tip.get_attribute("id")
    page.mouse.move(0, 0)
    page.locator(".md-tooltip2").wait_for(state="detached")
    assert term.get_attribute("title") == ctx.abbreviations["axis"]
    assert term.get_attribute("aria-describedby") is None
    watch.check("tooltip on hover")
