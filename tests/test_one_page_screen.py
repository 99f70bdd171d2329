"""The one-page version on screen: each site page's section is laid out when it nears the view
(content-visibility in site.css), holding until then a height from its length (src/publish/onepage.py)
that is never short of the height it takes. The reader still reaches every part of it."""

import pytest
from conftest import url_of

pytestmark = pytest.mark.browser

SECTIONS = '#print-site-page section[style*="--av-length"]'

# For each page's section: its id, whether its content is laid out now, and its height now.
STATE = f"""() => [...document.querySelectorAll('{SECTIONS}')].map(s => ({{
    id: s.id,
    drawn: s.firstElementChild.checkVisibility({{contentVisibilityAuto: true}}),
    height: s.getBoundingClientRect().height,
}}))"""

# Every section drawn, as on paper: the height each takes.
DRAW_ALL = f"""() => {{
    const style = document.createElement('style');
    style.textContent = '{SECTIONS} {{ content-visibility: visible !important; }}';
    document.head.append(style);
    return [...document.querySelectorAll('{SECTIONS}')].map(s => s.getBoundingClientRect().height);
}}"""


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_only_the_pages_near_the_view_are_laid_out_on_load(formats, server, open_page, fmt):
    page, watch = open_page(width=390, height=800)
    page.goto(url_of(formats, server, fmt, "one-page.html"), wait_until="networkidle")
    state = page.evaluate(STATE)
    assert len(state) >= 8, state
    assert state[0]["drawn"] and state[0]["id"] == "index", state[0]
    waiting = [s["id"] for s in state if not s["drawn"]]
    assert len(waiting) >= len(state) - 2, f"laid out on load: {[s['id'] for s in state if s['drawn']]}"
    watch.check(f"one-page version, {fmt}")


@pytest.mark.parametrize("width", [320, 390, 768, 1280, 1920])
def test_a_page_not_yet_laid_out_holds_room_enough(formats, server, open_page, width):
    """Too short a placeholder would overlap the next page's section for whatever measures the page
    before the reader scrolls (axe, in Lighthouse, found targets overlapping); too tall a one makes the
    scroll bar lie. Between one and three times the height the section takes."""
    page, _ = open_page(width=width, height=800)
    page.goto(server + "one-page.html", wait_until="networkidle")
    state = page.evaluate(STATE)
    heights = page.evaluate(DRAW_ALL)
    checked = [(s["id"], s["height"], real) for s, real in zip(state, heights, strict=True) if not s["drawn"]]
    assert checked, "no section waited to be laid out"
    short = [f"{i}: holds {held:.0f} px, takes {real:.0f} px" for i, held, real in checked if held < real]
    assert not short, f"at {width} px, placeholders shorter than their sections:\n" + "\n".join(short)
    tall = [f"{i}: holds {held:.0f} px, takes {real:.0f} px" for i, held, real in checked if held > 3 * real]
    assert not tall, f"at {width} px, placeholders over three times their sections:\n" + "\n".join(tall)


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_a_link_into_a_page_not_yet_laid_out_shows_its_heading(formats, server, open_page, fmt):
    page, watch = open_page(width=390, height=800)
    page.goto(url_of(formats, server, fmt, "one-page.html") + "#glossary", wait_until="networkidle")
    page.wait_for_timeout(300)  # a frame or two for the sections drawn near the view
    heading = page.locator("#glossary h1").first
    box = heading.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert heading.is_visible() and box, "the linked page's heading is not shown"
    assert header["height"] - 1 <= box["y"] <= 800 / 2, f"heading at {box['y']} px, header {header['height']} px"
    # The keyboard reaches a link in a page not yet laid out: it is drawn and scrolled to.
    last = page.locator("#changes a[href]").last
    last.focus()
    assert page.evaluate("document.activeElement.closest('#changes') !== null")
    assert last.is_visible() and 0 <= last.bounding_box()["y"] <= 800
    watch.check(f"one-page version, {fmt}")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_one_page_version_has_no_search_and_no_button_for_it(formats, server, open_page, width):
    """Its search dialog is hidden (a reader finds words in it with the browser's own search): no
    button that opens nothing on a phone, and no search for Material's script to set up on load.
    Every other page keeps its search."""
    page, watch = open_page(width=width)
    page.goto(server + "one-page.html", wait_until="networkidle")
    assert page.locator('label.md-header__button[for="__search"]:visible').count() == 0
    assert page.locator('[data-md-component="search"]').count() == 0
    page.keyboard.press("s")  # Material's shortcut to the search
    assert not page.locator("#__search").is_checked()
    page.goto(server + "index.html", wait_until="networkidle")
    assert page.locator('[data-md-component="search"]').count() == 1
    opener = 'label.md-header__button[for="__search"]' if width < 960 else ".md-search__form"
    assert page.locator(opener).is_visible()
    watch.check("one-page version and home page")
