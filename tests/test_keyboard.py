"""Keyboard and focus (WCAG 2.2 AA), by keyboard only, in Chromium, in both formats: only what a
person can see takes focus (2.4.7), a focused element never sits under the sticky header (2.4.11),
glossary tooltips close with Escape (1.4.13), and copy buttons keep their names."""

import pytest
from conftest import url_of

pytestmark = pytest.mark.browser

FORMATS = ["hosted", "offline"]

# Why the focused element cannot be seen, or "" when it can: it has a size, is inside the viewport,
# is not transparent, and what is drawn at one of its points is itself (not the sticky header, not
# a panel over it). Material's palette toggle is a visually hidden radio button whose label shows its focus.
SEEN = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  const shown = el.matches("input.md-option") ? el.nextElementSibling : el;
  const r = shown.getBoundingClientRect();
  const what = el.tagName + "." + el.className + " '" + (el.textContent || "").trim().slice(0, 30) + "'";
  if (r.width < 1 || r.height < 1) return what + ": no size";
  if (getComputedStyle(shown).visibility !== "visible") return what + ": invisible";
  for (let e = shown; e; e = e.parentElement)
    if (parseFloat(getComputedStyle(e).opacity) < 0.5) return what + ": transparent";
  const points = [[0.5, 0.5], [0.1, 0.2], [0.9, 0.8], [0.1, 0.8], [0.9, 0.2]]
    .map(([fx, fy]) => [r.left + fx * r.width, r.top + fy * r.height])
    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  if (!points.length) return what + ": off screen " + JSON.stringify([r.left, r.top]);
  const hit = points.some(([x, y]) => {
    const top = document.elementFromPoint(x, y);
    return top && (shown.contains(top) || top.contains(shown) || top === shown.labels?.[0]);
  });
  return hit ? "" : what + ": covered by " + document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.className;
}"""


def wait_seen(page, where):
    """Waits for the focused element to be seen (scrolling and slide-ins take a moment), or fails
    with the reason it is not."""
    try:
        page.wait_for_function(f"({SEEN})() === ''", timeout=3000)
    except Exception:
        raise AssertionError(f"{where}: focus not visible: {page.evaluate(SEEN)}") from None


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("width", [390, 1280])
def test_tab_reaches_only_what_can_be_seen(formats, server, open_page, fmt, width):
    """From the top of the page, every Tab stop is visible: the closed search's scroll box
    (the 5th stop at 1280 px) and the closed drawer take no focus."""
    page, watch = open_page(width=width, height=844)
    page.goto(url_of(formats, server, fmt, "viewpoints/limited-allies.html"), wait_until="networkidle")
    for press in range(1, 31):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-search__input')"):
            page.keyboard.press("Tab")  # leaving the box closes the search it opened
        wait_seen(page, f"{width} px, Tab {press}")
        assert not page.evaluate("!!document.activeElement.closest('.md-search__scrollwrap')"), (
            f"{width} px, Tab {press}: the closed search's scroll box took focus"
        )
    watch.check(f"tab walk, {fmt}, {width} px")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", ["compare.html", "viewpoints/limited-allies.html"])
def test_the_open_drawer_tabs_only_through_what_it_shows(formats, server, open_page, fmt, path):
    """At 390 px, the drawer opened by keyboard: Tab never enters a collapsed sub-panel (Viewpoints,
    Context, About, the page's contents) nor the list an open sub-panel covers. Enter opens a
    sub-panel, and its title leads back."""
    page, watch = open_page(width=390, height=844)
    page.goto(url_of(formats, server, fmt, path), wait_until="networkidle")
    page.locator("button.av-menu").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    stops, opened = [], False
    for press in range(1, 40):
        if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break  # past the drawer's last link
        wait_seen(page, f"{path}, drawer, Tab {press}")
        stop = page.evaluate("document.activeElement.textContent.trim().replace(/\\s+/g, ' ')")
        stops.append(stop)
        if stop == "Context" and not opened:  # the section's label: Enter opens its panel
            page.keyboard.press("Enter")
            page.wait_for_function("document.getElementById('__nav_4').checked")
            opened = True  # the label is now covered; Tab goes on into the panel, its title first
        elif press == 1 and page.evaluate("document.activeElement.matches('label.md-nav__title')"):
            # The current page's section opened with the drawer: its title leads back to the main
            # list, where the focus lands on the section's entry.
            page.keyboard.press("Enter")
            page.wait_for_function("document.activeElement.matches('.md-nav__list > .md-nav__item > label')")
            continue
        page.keyboard.press("Tab")
    assert opened, f"{path}: Tab never reached the Context section: {stops}"
    assert stops.index("Timeline") > stops.index("Context"), stops
    assert len(stops) < 20, f"{path}: {len(stops)} Tab stops in the drawer: {stops}"
    watch.check(f"drawer by keyboard, {fmt}, {path}")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("width", [390, 1280])
def test_focus_going_up_never_hides_under_the_header(formats, server, open_page, fmt, width):
    """Shift+Tab from the foot of the long comparison page: the browser scrolls each focused element
    just into view, at the top, where the sticky header is (WCAG 2.4.11)."""
    page, watch = open_page(width=width, height=700)
    page.goto(url_of(formats, server, fmt, "compare.html"), wait_until="networkidle")
    page.locator(".md-footer a, .md-copyright a").last.focus()
    for press in range(1, 41):
        page.keyboard.press("Shift+Tab")
        wait_seen(page, f"{width} px, Shift+Tab {press}")
    watch.check(f"focus and the header, {fmt}, {width} px")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_glossary_tooltip_closes_with_escape_and_reads_as_body_text(formats, server, open_page, fmt, scheme):
    page, watch = open_page(color_scheme=scheme)
    page.goto(url_of(formats, server, fmt, "viewpoints/limited-allies.html"), wait_until="networkidle")
    term = page.locator("article abbr[tabindex='0']").first
    term.focus()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for()
    inner = tip.locator(".md-tooltip2__inner")
    size, weight = inner.evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).fontWeight]")
    assert size >= 13 and int(weight) < 600, f"tooltip text {size}px, weight {weight}"
    page.wait_for_function("getComputedStyle(document.querySelector('.md-tooltip2--active')).opacity === '1'")
    page.keyboard.press("Escape")
    page.wait_for_function("""() => { const t = document.querySelector('.md-tooltip2--active');
        return !t || getComputedStyle(t).visibility === 'hidden' }""")
    assert page.evaluate("document.activeElement.tagName") == "ABBR", "Escape keeps the focus where it was"
    # Tab on: the next term's tooltip shows again.
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    page.wait_for_function("""() => { const t = document.querySelector('.md-tooltip2--active');
        return t && getComputedStyle(t).visibility === 'visible' }""")
    watch.check(f"tooltip, {fmt}, {scheme}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_citation_copy_buttons_keep_their_names_after_focus(formats, server, open_page, fmt):
    page, watch = open_page()
    page.goto(url_of(formats, server, fmt, "viewpoints/partners-not-allies.html"), wait_until="networkidle")
    page.locator("#cite-this-page > summary").click()
    buttons = page.locator("#cite-this-page > .av-cite__item button[data-md-type=copy]")
    assert buttons.count() == 5
    names = []
    for i in range(5):
        buttons.nth(i).focus()
        page.locator(".md-tooltip2--active").wait_for()  # Material's tooltip has taken the title
        names.append(buttons.nth(i).evaluate("e => e.getAttribute('aria-label') || e.title"))
    assert names == [f"Copy the {f} citation of this page" for f in ("APA", "Chicago", "BibTeX", "RIS", "CSL-JSON")], (
        names
    )
    watch.check(f"citation buttons, {fmt}")
