"""Permanent links: explicit unique ids, the registry of published targets, aliases and redirects,
copy-link and cite-this, the same anchors in both formats, and deep links from an outside article."""

import html
import re

import anchors
import pytest
import yaml
from conftest import html_pages, mkdocs_build
from htmlscan import find, parse

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An outside article</title></head>
<body><h1>An article that cites the site</h1><ul>{links}</ul></body></html>"""


def content_pages(root):
    return [p for p in html_pages(root) if p.name != "404.html"]


def test_every_h2_and_h3_has_an_id_and_ids_are_unique(formats):
    for page in content_pages(formats.site):
        text = page.read_text(encoding="utf-8")
        els = parse(text)
        for heading in find(els, "h2") + find(els, "h3"):
            assert heading.attrs.get("id"), f"{page.name}: heading {heading.text.strip()!r} has no id"
        ids = [e.attrs["id"] for e in els if "id" in e.attrs]
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, f"{page.relative_to(formats.site)}: duplicate ids {sorted(dupes)}"


def test_a_heading_without_an_explicit_id_fails_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "method.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## A new section\n\nText.\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/method.md" in output and "'## A new section' has no explicit id" in output and "Fix:" in output


def test_every_registered_target_is_reachable(formats):
    entries = anchors.read()
    assert len(entries) > 50, "anchors.txt lists the published targets"
    assert entries == sorted(entries), "anchors.txt stays sorted (make anchors)"
    for root in (formats.site, formats.offline):
        problems = anchors.lost(root, entries)
        assert not problems, "Published link targets lost:\n  " + "\n  ".join(problems)


def test_every_new_target_is_registered(formats):
    new = sorted(anchors.targets(formats.site) - set(anchors.read()))
    assert not new, "New link targets are not in anchors.txt; run `make anchors` and commit it:\n  " + "\n  ".join(new)


def test_both_formats_have_the_same_targets(formats):
    assert anchors.targets(formats.site) == anchors.targets(formats.offline)


def test_a_removed_id_fails_the_strict_build_as_a_lost_target(project_copy, tmp_path):
    """The build itself (so `make serve` too) refuses to lose a published target, naming the alias."""
    page = project_copy / "docs" / "method.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{ #neutrality }", "{ #neutral-editing }"), encoding="utf-8"
    )
    out = tmp_path / "out"
    result = mkdocs_build(project_copy, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert "anchors.txt: method.html#neutrality: no element with id 'neutrality'" in output, output
    assert "under `method.md:` in data/aliases.yml add `neutrality: the-new-id`" in output, output
    problems = anchors.lost(out, anchors.read())  # the pages were written before the check ran
    assert any(p.startswith("method.html#neutrality: no element with id 'neutrality'") for p in problems), problems


def test_alias_and_redirect_keep_old_targets_alive(project_copy, tmp_path):
    page = project_copy / "docs" / "method.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{ #neutrality }", "{ #neutral-editing }"), encoding="utf-8"
    )
    aliases = project_copy / "data" / "aliases.yml"
    kept = yaml.safe_load(aliases.read_text(encoding="utf-8")) or {}
    kept.setdefault("method.md", {})["neutrality"] = "neutral-editing"
    aliases.write_text(yaml.safe_dump(kept), encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "redirect_maps: {}", "redirect_maps: {about-the-method.md: method.md}"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = mkdocs_build(project_copy, out)
    assert result.returncode == 0, result.stderr
    entries = anchors.read() + ["about-the-method.html#neutrality", "about-the-method.html#quotes"]
    assert anchors.lost(out, entries) == []
    assert anchors.lost(out, ["about-the-method.html#no-such-section"])  # the check still has teeth


def test_every_linkable_heading_has_a_copy_button_with_the_hosted_url(formats):
    for root in (formats.site, formats.offline):
        for page in content_pages(root):
            rel = page.relative_to(root).as_posix()
            text = page.read_text(encoding="utf-8")
            if "one-page" in rel or "print" in rel:
                continue
            for hid in re.findall(r'<h[23] id="([^"]+)"', text):
                url = f"{formats.site_url}{rel}#{hid}"
                assert f'data-clipboard-text="{html.escape(url)}"' in text, f"{rel}#{hid}: no copy button"


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_deep_links_from_an_outside_article_land(formats, server, open_page, fmt, tmp_path):
    base = server if fmt == "hosted" else formats.offline.as_uri() + "/"
    entries = anchors.read()
    article = tmp_path / "article.html"
    article.write_text(
        ARTICLE.format(links="".join(f'<li><a href="{base}{e}">{e}</a></li>' for e in entries)), encoding="utf-8"
    )
    page, watch = open_page()
    page.goto(article.as_uri())
    hrefs = page.eval_on_selector_all("li a", "els => els.map(a => a.href)")
    assert len(hrefs) == len(entries)
    clicked = set()
    for entry, href in sorted(zip(entries, hrefs, strict=False)):
        target_page, _, anchor = entry.partition("#")
        if target_page not in clicked:  # a real click from the article, once per page
            page.goto(article.as_uri())
            page.locator(f'a[href="{href}"]').click()
            clicked.add(target_page)
        else:
            page.goto(href)
        page.wait_for_load_state()
        if not anchor:
            assert page.locator("h1").first.is_visible(), entry
            continue
        info = page.evaluate(
            """id => { const e = document.getElementById(id); if (!e) return null;
            const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }""",
            anchor,
        )
        assert info, f"{entry}: no element #{anchor}"
        assert 0 <= info["top"] < page.viewport_size["height"], f"{entry}: #{anchor} not in view ({info})"
    watch.check(f"deep links, {fmt}")


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_copy_link_by_keyboard_copies_the_hosted_url_and_announces_it(formats, clipboard_page, fmt):
    page = clipboard_page(fmt, "viewpoints/limited-allies.html")
    button = page.locator("#asymmetry button.av-copy")
    assert button.is_visible()
    page.locator("#asymmetry a.headerlink").focus()
    page.keyboard.press("Tab")  # the button is next in the tab order
    assert page.evaluate("document.activeElement.classList.contains('av-copy')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus is visible"
    page.keyboard.press("Enter")
    expected = formats.site_url + "viewpoints/limited-allies.html#asymmetry"
    page.wait_for_function("() => document.querySelector('.md-dialog').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    dialog = page.locator(".md-dialog")
    assert dialog.get_attribute("role") == "status" and dialog.get_attribute("aria-live") == "polite"
    assert "Copied" in dialog.inner_text()


@pytest.mark.browser
def test_without_javascript_the_permalink_works_and_no_dead_button_shows(server, open_page):
    page, _watch = open_page(java_script_enabled=False)
    page.goto(server + "compare.html")
    assert not page.locator("#formal-alliance button.av-copy").is_visible()
    link = page.locator("#formal-alliance a.headerlink")
    assert link.get_attribute("href") == "#formal-alliance"
    link.click()
    assert page.url.endswith("compare.html#formal-alliance")


PAGES_WITH_HEADINGS = [
    "index.html",
    "compare.html",
    "method.html",
    "glossary.html",
    "timeline.html",
    "sources.html",
    "viewpoints/limited-allies.html",
    "viewpoints/partners-not-allies.html",
    "viewpoints/never-against-each-other.html",
    "viewpoints/axis-not-alliance.html",
]
# Every h2/h3 self-link that cannot be seen, or that a line break leaves alone below its heading's
# last word (its own line holding only "#" and the copy button).
UNSEEN_SELF_LINKS = """() => [...document.querySelectorAll('.md-content :is(h2, h3) .av-anchors')].flatMap(a => {
  const h = a.parentElement, link = a.querySelector('.headerlink');
  if (parseFloat(getComputedStyle(link).opacity) < 1 || getComputedStyle(link).visibility !== 'visible')
    return [h.id + ': hidden'];
  const text = document.createRange();
  text.setStartBefore(h.firstChild);
  text.setEndBefore(a);
  const lines = [...text.getClientRects()].filter(r => r.width > 0);
  const last = lines[lines.length - 1];
  return last && link.getBoundingClientRect().top >= last.bottom - 2 ? [h.id + ': alone on a line'] : [];
})"""


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
@pytest.mark.parametrize("width", [390, 1280])
def test_every_heading_shows_its_self_link_beside_its_last_word(formats, server, open_page, fmt, width):
    """The Method page tells readers to use the # beside a heading: it is shown without hover
    (touch screens have none), and never wraps onto a line of its own."""
    page, watch = open_page(width=width)
    base = server if fmt == "hosted" else formats.offline.as_uri() + "/"
    problems, count = [], 0
    for path in PAGES_WITH_HEADINGS:
        page.goto(base + path, wait_until="networkidle")
        count += page.locator(".md-content :is(h2, h3) .av-anchors").count()
        problems += [f"{path}#{p}" for p in page.evaluate(UNSEEN_SELF_LINKS)]
    assert count > 90, count
    assert not problems, f"{width} px, {len(problems)} of {count}: " + "; ".join(problems[:12])
    watch.check(f"self-links, {fmt}, {width} px")


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
@pytest.mark.parametrize("scheme, width", [("light", 390), ("dark", 1280), ("dark", 390), ("light", 1280)])
def test_a_deep_link_marks_the_heading_it_meant(formats, server, open_page, fmt, scheme, width):
    page, watch = open_page(color_scheme=scheme, width=width)
    base = server if fmt == "hosted" else formats.offline.as_uri() + "/"
    page.goto(base + "viewpoints/limited-allies.html#asymmetry", wait_until="networkidle")
    style = """id => { const s = getComputedStyle(document.getElementById(id));
        return [s.borderLeftStyle, s.borderLeftWidth, s.backgroundColor].join(' '); }"""
    target, other = page.evaluate(style, "asymmetry"), page.evaluate(style, "summary")
    assert target != other, f"the target heading looks like any other: {target}"
    top = page.evaluate("document.getElementById('asymmetry').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert top >= header, f"the target is under the header ({top} < {header})"
    watch.check(f"deep-link target, {fmt}, {scheme}, {width} px")
