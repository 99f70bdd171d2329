"""In Chromium, both formats: every matrix cell and Compare box lands on its passage; no JS needed."""

import pytest
from conftest import ROOT

from argmap import load_map

pytestmark = pytest.mark.browser

IN_VIEW = """id => {
  const el = document.getElementById(id);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return {tag: el.tagName, text: el.textContent.trim(), top: r.top, inView: r.top >= 0 && r.top < innerHeight};
}"""


def base_url(fmt, formats, server):
    return server if fmt == "hosted" else formats.offline.as_uri() + "/"


def follow_all(page, start_url, selector):
    page.goto(start_url)
    hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.href)")
    assert hrefs, f"no links match {selector} on {start_url}"
    landed = {}
    # sorted by page, so links into one page are followed as same-document navigations (fast)
    for href in sorted(set(hrefs)):
        page.goto(href)
        anchor = href.split("#", 1)[1]
        page.wait_for_function("id => document.getElementById(id) !== null", arg=anchor)
        info = page.evaluate(IN_VIEW, anchor)
        assert info and info["inView"], f"{href}: target #{anchor} not scrolled into view: {info}"
        landed[href] = info
    return [(href, landed[href]) for href in hrefs]


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_matrix_cells_land_on_their_arguments(formats, server, open_page, fmt):
    m = load_map(ROOT)
    page, watch = open_page()
    base = base_url(fmt, formats, server)
    landed = follow_all(page, base + "compare.html", "table.av-matrix td a")
    addressed = [(t, v) for t in m.themes for v in m.viewpoints if m.position(t, v).addressed]
    assert len(landed) == len(addressed)
    for (href, info), (theme, v) in zip(landed, addressed, strict=False):
        argument = m.position(theme, v).arguments[0]
        assert href.endswith(f"{v.page[:-3]}.html#{argument.id}"), href
        assert info["tag"] == "H3" and info["text"].startswith(argument.title), (href, info)
    watch.check(f"matrix links, {fmt}")


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_compare_boxes_land_on_theme_and_arguments(formats, server, open_page, fmt):
    m = load_map(ROOT)
    page, watch = open_page()
    base = base_url(fmt, formats, server)
    for v in m.viewpoints:
        landed = follow_all(page, base + v.page[:-3] + ".html", ".av-compare a")
        for href, info in landed:
            assert info["tag"] == "H3", (href, info)
    watch.check(f"Compare boxes, {fmt}")


def test_comparison_reads_without_javascript(server, open_page):
    page, _watch = open_page(java_script_enabled=False, width=360, height=800)
    page.goto(server + "compare.html")
    table = page.locator("table.av-matrix")
    assert table.is_visible()
    first = page.locator("table.av-matrix td a").first
    assert first.is_visible()
    # nothing is cut off on a narrow screen: the matrix fits the viewport width
    width = page.evaluate("document.querySelector('table.av-matrix').getBoundingClientRect().width")
    assert width <= 360
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 360, f"page scrolls sideways: {overflow}px"
    first.click()
    assert "#" in page.url and page.locator("h3").first.is_visible()


# --- The comparison page for reading, on a phone and a laptop ------------------------------------

# The sentences of the article: the text of each innermost block, cut after . ! or ?; titles and
# names (no full stop) are not sentences, and "Not addressed" is shorter than one. Lines made of
# names only ("Rests on Expert A, Expert C.", "Not addressed by Expert A.") repeat by nature.
SENTENCES = r"""() => [...document.querySelectorAll(
    'article :is(p, li, td, th, dd, figcaption, h1, h2, h3, summary)')]
  .filter(e => !e.querySelector('p, li, td, dd') && !e.matches('.av-positions__silent'))
  .map(e => { const c = e.cloneNode(true); c.querySelectorAll('.av-rests').forEach(r => r.remove()); return c; })
  .flatMap(e => e.textContent.trim().replace(/\s+/g, ' ').split(/(?<=[.!?][”"’)]?)\s+/))
  .filter(s => s.length >= 25 && /[.!?][”"’)]?$/.test(s))"""


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_comparison_page_reads_on_a_phone(formats, server, open_page, fmt, scheme):
    """At 390 px: at most 300 px per stance (12,000 px for four voices and ten themes; it was
    23,200), a jump list near the top with every theme and the agreements, each one tap from the top
    and landing in view below the header."""
    m = load_map(ROOT)
    page, watch = open_page(color_scheme=scheme, width=390, height=844)
    url = base_url(fmt, formats, server) + "compare.html"
    page.goto(url, wait_until="networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    budget = 300 * len(m.themes) * len(m.viewpoints)
    assert height <= budget, f"the comparison page is {height} px tall at 390 px (at most {budget})"
    jump = page.locator("nav.av-jump")
    assert jump.evaluate("e => e.getBoundingClientRect().top + scrollY") < 2 * 844, "the jump list is near the top"
    targets = [a.split("#")[1] for a in jump.locator("a").evaluate_all("els => els.map(a => a.href)")]
    assert targets == ["matrix"] + [t.id for t in m.themes] + ["agree", "disagree"], targets
    for target in targets:
        page.goto(url, wait_until="networkidle")
        page.locator(f"nav.av-jump a[href='#{target}']").click()  # one tap
        page.wait_for_function("id => location.hash === '#' + id", arg=target)
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", target)
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        assert header <= top < 844, f"#{target} lands at {top} px (header ends at {header})"
    watch.check(f"comparison on a phone, {fmt}, {scheme}")


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_sentence_is_said_twice_on_the_comparison_page(formats, server, open_page, fmt, width):
    page, watch = open_page(width=width)
    page.goto(base_url(fmt, formats, server) + "compare.html", wait_until="networkidle")
    sentences = page.evaluate(SENTENCES)
    assert len(sentences) > 60, len(sentences)
    twice = sorted({s for s in sentences if sentences.count(s) > 1})
    assert twice == [], f"{len(twice)} sentences said twice at {width} px: {twice[:5]}"
    watch.check(f"sentences, {fmt}, {width} px")


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
@pytest.mark.parametrize("scheme, width", [("light", 1280), ("dark", 1280), ("light", 800)])
def test_the_matrix_keeps_its_header_row_and_theme_column_in_view(formats, server, open_page, fmt, scheme, width):
    """On wide screens, reading the last row of the matrix, its header row (who says it) is still
    in view; scrolled sideways, so is the theme column. Theme names are not dressed as the cells
    are, and a cell's text is not link text (its arrow is the link)."""
    page, watch = open_page(color_scheme=scheme, width=width, height=700)
    page.goto(base_url(fmt, formats, server) + "compare.html", wait_until="networkidle")
    page.locator("table.av-matrix tbody tr").last.evaluate("e => e.scrollIntoView({block: 'end'})")
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    seen = """el => { const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!top && el.contains(top); }"""
    heads = page.locator("table.av-matrix thead th")
    assert all(heads.nth(i).evaluate(seen) for i in range(heads.count())), "the header row scrolled away"
    page.locator(".av-matrix-wrap").evaluate("w => { w.scrollLeft = w.scrollWidth; }")
    assert page.locator("table.av-matrix tbody th").last.evaluate(seen), "the theme column scrolled away"
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).backgroundColor].join(' ')"
    theme = page.locator("table.av-matrix tbody th").first.evaluate(style)
    cell = page.locator("table.av-matrix td:not(.av-na)").first.evaluate(style)
    assert theme != cell and int(theme.split()[0]) >= 600, (theme, cell)
    linked = page.locator("table.av-matrix td a").evaluate_all("els => els.map(a => a.textContent.trim())")
    assert linked and all(len(t) <= 2 for t in linked), linked[:3]
    watch.check(f"matrix in view, {fmt}, {scheme}, {width} px")
