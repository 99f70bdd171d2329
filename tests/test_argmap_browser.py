"""In Chromium, both editions: every matrix cell and Compare box lands on its passage; no JS needed."""
import pytest
from argmap import load_map
from conftest import ROOT

pytestmark = pytest.mark.browser

IN_VIEW = """id => {
  const el = document.getElementById(id);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return {tag: el.tagName, text: el.textContent.trim(), top: r.top, inView: r.top >= 0 && r.top < innerHeight};
}"""


def base_url(edition, editions, server):
    return server if edition == "hosted" else editions.offline.as_uri() + "/"




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


@pytest.mark.parametrize("edition", ["hosted", "offline"])
def test_matrix_cells_land_on_their_arguments(editions, server, open_page, edition):
    m = load_map(ROOT)
    page, watch = open_page()
    base = base_url(edition, editions, server)
    landed = follow_all(page, base + "compare.html", "table.av-matrix td a")
    addressed = [(t, v) for t in m.themes for v in m.viewpoints if m.position(t, v).addressed]
    assert len(landed) == len(addressed)
    for (href, info), (theme, v) in zip(landed, addressed):
        argument = m.position(theme, v).arguments[0]
        assert href.endswith(f"{v.page[:-3]}.html#{argument.id}"), href
        assert info["tag"] == "H3" and info["text"].startswith(argument.title), (href, info)
    watch.check(f"matrix links, {edition}")


@pytest.mark.parametrize("edition", ["hosted", "offline"])
def test_compare_boxes_land_on_theme_and_arguments(editions, server, open_page, edition):
    m = load_map(ROOT)
    page, watch = open_page()
    base = base_url(edition, editions, server)
    for v in m.viewpoints:
        landed = follow_all(page, base + v.page[:-3] + ".html", ".av-compare a")
        for href, info in landed:
            assert info["tag"] == "H3", (href, info)
    watch.check(f"Compare boxes, {edition}")


def test_comparison_reads_without_javascript(server, open_page):
    page, watch = open_page(java_script_enabled=False, width=360, height=800)
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
