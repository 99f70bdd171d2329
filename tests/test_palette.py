"""The palette (light or dark), in Chromium, in both formats. It is set once the header is parsed,
before the page's content (overrides/partials/av-palette.html), not by Material's bundle after the
page is drawn: a dark system gets the dark page from the start, and loading a page never restyles
it for the palette. The toggle switches by mouse and by keyboard, and the choice holds."""

import json

import pytest
from conftest import url_of

pytestmark = pytest.mark.browser

FORMATS = ["hosted", "offline"]
ATTRIBUTES = ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent", "data-md-color-switching"]

# Records each change to <body>'s palette attributes and each <meta> or <style> added to <head>,
# with the document's state and whether the main content had been parsed yet.
RECORD = """
window.avChanges = [];
new MutationObserver(list => {
  for (const m of list) {
    const what = m.type === "attributes" ? (m.target === document.body ? "body[" + m.attributeName + "]" : "")
      : [...m.addedNodes].filter(n => n.parentNode === document.head && /^(META|STYLE)$/.test(n.tagName))
          .map(n => n.tagName + " " + (n.name || "")).join(", ");
    if (what) avChanges.push({what, state: document.readyState, main: !!document.querySelector(".md-main")});
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ATTRIBUTES});
document.addEventListener("readystatechange", () => {
  if (document.readyState === "interactive")  // parsed; deferred scripts (Material's bundle) not run yet
    window.avParsed = {scheme: document.body.dataset.mdColorScheme,
      colorScheme: document.querySelector('meta[name="color-scheme"]').content};
});
""".replace("ATTRIBUTES", json.dumps(ATTRIBUTES))

SHOWN_TOGGLE = (
    "() => [...document.querySelectorAll('[data-av-palette] label')].filter(l => !l.hidden).map(l => l.title)"
)


def state(page):
    return page.evaluate(
        """() => ({
      scheme: document.body.dataset.mdColorScheme,
      colorScheme: document.querySelector('meta[name="color-scheme"]').content,
      themeColor: document.querySelector('meta[name="theme-color"]').content,
      header: getComputedStyle(document.querySelector("header")).backgroundColor,
      shown: (SHOWN_TOGGLE)(),
    })""".replace("SHOWN_TOGGLE", SHOWN_TOGGLE)
    )


def hex_of(rgb: str) -> str:
    return "#" + "".join(f"{int(c):02x}" for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_the_system_preference_is_drawn_from_the_first_paint(formats, server, open_page, fmt, scheme, expected):
    page, watch = open_page(color_scheme=scheme)
    page.add_init_script(RECORD)
    page.goto(url_of(formats, server, fmt, "one-page.html"), wait_until="networkidle")
    parsed = page.evaluate("window.avParsed")
    assert parsed == {"scheme": expected, "colorScheme": "dark" if scheme == "dark" else "light"}, parsed
    changes = page.evaluate("window.avChanges")
    late = [c for c in changes if c["main"] or c["state"] != "loading"]
    assert not late, f"the palette changed the page after its content was parsed (each restyles all of it): {late}"
    now = state(page)
    assert now["scheme"] == expected and now["themeColor"] == hex_of(now["header"]), now
    assert now["shown"] == ["Switch to light mode" if scheme == "dark" else "Switch to dark mode"], now
    watch.check(f"palette on load, {fmt}, {scheme}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_toggle_switches_by_mouse_and_the_choice_holds(formats, server, open_page, fmt):
    page, watch = open_page(color_scheme="light", width=390)
    page.goto(url_of(formats, server, fmt, "compare.html"), wait_until="networkidle")
    light = state(page)
    page.locator("[data-av-palette] label:not([hidden])").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    dark = state(page)
    assert dark["colorScheme"] == "dark" and dark["shown"] == ["Switch to light mode"], dark
    assert dark["themeColor"] == hex_of(dark["header"]) != light["themeColor"], (light, dark)
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")  # transitions back on
    # Another page of the same format, on a system that prefers light: the reader's choice holds.
    page.goto(url_of(formats, server, fmt, "viewpoints/limited-allies.html"), wait_until="networkidle")
    assert state(page)["scheme"] == "slate"
    page.locator("[data-av-palette] label:not([hidden])").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    page.reload(wait_until="networkidle")
    assert state(page) == light | {"shown": light["shown"]}, state(page)
    watch.check(f"palette toggle, {fmt}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_toggle_switches_by_keyboard(formats, server, open_page, fmt):
    page, watch = open_page(color_scheme="dark")
    page.goto(url_of(formats, server, fmt, "index.html"), wait_until="networkidle")
    for _ in range(30):  # Tab from the top of the page to the toggle
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-av-palette] input')"):
            break
    else:
        pytest.fail("Tab never reached the palette toggle")
    for expected in ("default", "slate"):
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.body.dataset.mdColorScheme === '{expected}'")
        focused = page.evaluate(
            "() => [document.activeElement.checked, document.activeElement.nextElementSibling.hidden]"
        )
        assert focused == [True, False], f"the focus is on the checked toggle, whose label shows: {focused}"
    watch.check(f"palette by keyboard, {fmt}")
