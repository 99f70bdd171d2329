"""Checks on the built HTML of both formats: metadata, languages, no remote assets."""

import re

import pytest
from conftest import html_pages
from htmlscan import find, parse


def pages_of(site):
    return [(p.relative_to(site).as_posix(), parse(p.read_text(encoding="utf-8"))) for p in html_pages(site)]


@pytest.fixture(scope="module")
def hosted(formats):
    return pages_of(formats.site)


def test_every_page_has_title_description_lang_and_canonical(hosted, formats):
    assert len(hosted) >= 2
    for path, els in hosted:
        assert find(els, "html")[0].attrs.get("lang") == "en", path
        assert find(els, "title")[0].text.strip(), f"{path}: empty <title>"
        description = find(els, "meta", name="description")
        assert description and len(description[0].attrs["content"]) > 30, f"{path}: no meta description"
        if path == "404.html":
            continue
        canonical = find(els, "link", rel="canonical")
        assert canonical, f"{path}: no canonical link"
        expected = formats.site_url + path  # one URL scheme: page.html, index.html too
        assert canonical[0].attrs["href"] == expected, path


def test_sitemap_lists_every_page(formats):
    sitemap = (formats.site / "sitemap.xml").read_text()
    for path, _ in pages_of(formats.site):
        # one-page.html repeats every page; the print-site plugin writes it after the sitemap.
        if path not in ("404.html", "one-page.html") and "redirect" not in path:
            url = formats.site_url + path
            assert f"<loc>{url}</loc>" in sitemap, f"{path} missing from sitemap.xml"


@pytest.mark.parametrize("fmt", ["site", "offline"])
def test_no_remote_assets_or_fonts(formats, fmt):
    root = getattr(formats, fmt)
    for page in html_pages(root):
        text = page.read_text(encoding="utf-8")
        els = parse(text)
        name = page.relative_to(root)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, name
        for e in find(els, "script") + find(els, "link") + find(els, "img"):
            ref = e.attrs.get("src") or (
                e.attrs.get("href") if e.tag == "link" and e.attrs.get("rel") != "canonical" else ""
            )
            assert not re.match(r"(https?:)?//", ref or ""), f"{name}: remote asset {ref}"
        assert not find(els, cls="mermaid"), f"{name}: Mermaid would load from a CDN"


def test_offline_edition_inlines_search_and_uses_local_shim(formats):
    index = formats.offline / "index.html"
    text = index.read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in text
    assert (formats.offline / "assets/vendor/iframe-worker/shim.js").stat().st_size > 200
    assert (formats.offline / "search/search_index.js").read_text().startswith("var __index =")
    assert "unpkg.com" not in text


def test_hosted_and_offline_share_one_url_scheme(formats):
    hosted = {p.relative_to(formats.site).as_posix() for p in html_pages(formats.site)}
    offline = {p.relative_to(formats.offline).as_posix() for p in html_pages(formats.offline)}
    assert hosted - {"404.html"} == offline
    assert not any(p.endswith("/index.html") and p != "index.html" for p in hosted if "viewpoints" in p)
