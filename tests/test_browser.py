"""Every page, both formats, in Debian's Chromium: no foreign request, no failure, no console error."""

import pytest
from conftest import html_pages

pytestmark = pytest.mark.browser


def page_paths(root):
    return [p.relative_to(root).as_posix() for p in html_pages(root)]


def test_hosted_pages_load_cleanly(formats, server, open_page):
    page, watch = open_page()
    for path in page_paths(formats.site):
        page.goto(server + path, wait_until="networkidle")
        assert page.locator("h1").count() >= 1, path
    watch.check("hosted site")


def test_offline_pages_load_cleanly_from_disk(formats, open_page):
    page, watch = open_page()
    for path in page_paths(formats.offline):
        page.goto((formats.offline / path).as_uri(), wait_until="networkidle")
        assert page.locator("h1").count() >= 1, path
    watch.check("offline copy")


def search(page, word):
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(word)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    return results


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_search_finds_a_word(formats, server, open_page, fmt):
    page, watch = open_page()
    url = server if fmt == "hosted" else (formats.offline / "index.html").as_uri()
    page.goto(url, wait_until="networkidle")
    results = search(page, "allies")
    assert results.count() >= 1
    href = results.first.locator("a").first.get_attribute("href")
    assert href and (".html" in href or href.endswith("/")), href
    watch.check(f"search, {fmt}")


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_the_search_index_loads_when_the_search_opens(formats, server, open_page, fmt):
    """The worker and the index are 30 KiB gzip that a reader who never searches does not need
    (overrides/partials/av-lazy-search.html); a highlighted result (?h=) needs them at once."""
    page, watch = open_page()
    base = server if fmt == "hosted" else formats.offline.as_uri() + "/"
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(base + "index.html", wait_until="networkidle")
    loaded = lambda: [u for u in asked if "/search/search_index." in u or "/workers/search." in u]  # noqa: E731
    assert loaded() == [], f"loaded before the search was opened: {loaded()}"
    assert search(page, "allies").count() >= 1
    assert len(loaded()) == 2, loaded()
    page.goto(base + "glossary.html?h=alliance", wait_until="networkidle")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    watch.check(f"search loaded on opening, {fmt}")


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_the_menu_button_on_a_phone_opens_a_navigation_with_links(formats, server, open_page, fmt):
    """At 360 px the header's menu button opens the drawer; on every page where it shows, the drawer
    must hold the site's navigation (the one-page version's script removes it: no button there)."""
    page, watch = open_page(width=360, height=740)
    root = formats.site if fmt == "hosted" else formats.offline
    empty = []
    for path in page_paths(root):
        page.goto(server + path if fmt == "hosted" else (root / path).as_uri(), wait_until="networkidle")
        button = page.locator(".md-header__button.av-menu")
        if not button.is_visible():
            continue
        button.click()
        # On a page of a section (Context, About) the drawer opens on that section's panel, which
        # covers the main list (out of sight and out of the tab order): any link shown will do.
        page.locator(".md-sidebar--primary").wait_for(state="visible")
        if page.locator(".md-sidebar--primary .md-nav__link:visible").count() == 0:
            empty.append(path)
    assert empty == [], f"the menu opens an empty drawer on: {empty}"
    watch.check(f"menu at 360 px, {fmt}")


@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_the_menu_works_by_keyboard_on_a_narrow_screen(formats, server, open_page, fmt):
    """Below 76.25em the navigation is a drawer: Tab reaches the menu button, Enter opens the drawer
    and moves focus into it, Escape closes it; closed, none of its links is in the tab order."""
    page, watch = open_page(width=390, height=844)
    url = server + "compare.html" if fmt == "hosted" else (formats.offline / "compare.html").as_uri()
    page.goto(url, wait_until="networkidle")
    button = page.locator(".md-header__button.av-menu")
    assert page.locator('label.md-header__button[for="__drawer"]').is_hidden()  # replaced by the button
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.av-menu')"):
            break
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), (
            "Tab went into the closed drawer"
        )
    else:
        raise AssertionError("Tab never reached the menu button")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()
    page.keyboard.press("Escape")
    page.wait_for_function("document.activeElement.matches('button.av-menu')")
    # Hidden once the slide-out has run (a wait for the state, not a fixed delay: CI machines are slow).
    page.wait_for_function("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'hidden'")
    watch.check(f"menu by keyboard, {fmt}")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_offers_search_and_the_main_pages(formats, server, open_page, width, scheme):
    """A wrong address (at any depth) answers with a page that opens the search and leads to every
    page of the navigation (hosted site: the offline one has no server)."""
    page, _ = open_page(color_scheme=scheme, width=width)
    response = page.goto(server + "viewpoints/no-such-page.html", wait_until="networkidle")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    links = page.locator("article nav.av-routes a").evaluate_all("els => els.map(a => a.href)")
    expected = {p.relative_to(formats.site).as_posix() for p in formats.site.rglob("*.html")} - {
        "404.html",
        "one-page.html",
    }
    assert {href.removeprefix(server) for href in links} == expected
    button = page.locator("article .av-search-button")
    button.focus()
    page.keyboard.press("Enter")  # by keyboard: Material clicks a focused label on Enter
    page.wait_for_function("document.getElementById('__search').checked")
    page.locator("input.md-search__input").press_sequentially("axis")
    page.locator(".md-search-result__item").first.wait_for()
    for href in links:
        assert page.request.get(href).status == 200, href


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(
  [e.value, e.sources.map(s => s.node && s.node.nodeName + '.' + (s.node.className || ''))]) })
  .observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_moves_while_it_loads(formats, server, open_page, width):
    """Layout shift 0 (Lighthouse's CLS): what scripts change after the first paint (the one-page
    version's hidden navigation, shown copy-link buttons) must not move what is already drawn."""
    page, watch = open_page(width=width)
    page.add_init_script(LAYOUT_SHIFTS)
    moved = {}
    for path in page_paths(formats.site):
        page.goto(server + path, wait_until="networkidle")
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        shifts = page.evaluate("window.__shifts")
        if shifts:
            moved[path] = shifts
    assert moved == {}, moved
    watch.check(f"layout shift, {width} px")


def test_no_page_moves_while_it_loads_with_scrollbars_that_take_room(formats, server, browser):
    """As above, at 1280 px in a Chromium that draws its scrollbars (Playwright's hides them, as
    phones do; Lighthouse's desktop run and desktop readers do not): the header is drawn before the
    content, and the scrollbar that comes with the content must not narrow the page under it."""
    from conftest import CHROMIUM, CHROMIUM_ARGS

    drawn = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, ignore_default_args=["--hide-scrollbars"]
    )
    try:
        page = drawn.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(LAYOUT_SHIFTS)
        moved, with_bar = {}, []
        for path in page_paths(formats.site):
            page.goto(server + path, wait_until="networkidle")
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            if page.evaluate("innerWidth - document.documentElement.clientWidth") > 0:
                with_bar.append(path)
            if shifts := page.evaluate("window.__shifts"):
                moved[path] = shifts
        assert "compare.html" in with_bar, f"no scrollbar drawn on the longest pages: {with_bar}"
        assert moved == {}, moved
    finally:
        drawn.close()
