"""Viewpoint pages, home and sources as built: structure, quotes, and the reader's path."""

import re

import pytest
from conftest import ROOT
from htmlscan import find, parse


def page(formats, path):
    return parse((formats.site / path).read_text(encoding="utf-8"))


def html_path(md):
    return md[:-3] + ".html"


def test_every_viewpoint_page_has_the_same_structure(formats, amap):
    for v in amap.viewpoints:
        els = page(formats, html_path(v.page))
        where = v.page
        assert len(find(els, "h1")) == 1, where
        assert find(els, cls="av-verdict") and v.label in find(els, cls="av-verdict")[0].text, where
        box = find(els, "aside", cls="av-source")
        assert box and v.source.url in [a.attrs.get("href") for a in find(els, "a")], where
        h2 = [e.attrs.get("id") for e in find(els, "h2")]
        assert h2[:3] == ["summary", "arguments", "not-addressed"], (where, h2)
        h3 = find(els, "h3")
        assert len(h3) >= 3 and all(e.attrs.get("id") for e in h3), where
        assert [e.attrs["id"] for e in h3] == list(v.arguments), where
        assert len(find(els, "blockquote")) >= len(h3), f"{where}: one quote per argument"


def test_summaries_are_150_to_300_words(amap):
    for v in amap.viewpoints:
        text = (ROOT / "docs" / v.page).read_text(encoding="utf-8")
        summary = text.split("{ #summary }", 1)[1].split("\n## ", 1)[0]
        words = len(re.sub(r"<[^>]+>", "", summary).split())
        assert 150 <= words <= 300, f"{v.page}: summary of {words} words"


def test_every_quote_on_the_site_is_attributed(formats):
    """Quote markup means a source quote: every <blockquote> carries a <cite>; every <q> is short."""
    for path in sorted(formats.site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"<blockquote>(.*?)</blockquote>", text, re.S):
            assert "<cite>" in block, f"{path.name}: blockquote without <cite>: {block[:80]}"
        for q in re.findall(r"<q>(.*?)</q>", text, re.S):
            words = re.sub(r"<[^>]+>", "", q).split()  # the quotation's words, not a tooltip's
            assert len(words) <= 40, f"{path.name}: <q> too long: {q[:80]}"


def test_a_source_address_that_is_not_the_text_says_so(formats, amap):
    """The Hundred's address is its home page, not the post: no link to it may pass for the post."""
    noted = [s for s in amap.sources if s.url_note]
    assert noted, "data/sources.yml: the-hundred should say its url is the home page"
    for path in sorted(formats.site.rglob("*.html")):
        for a in find(parse(path.read_text(encoding="utf-8")), "a"):
            for s in noted:
                if a.attrs.get("href") == s.url:
                    assert a.text.strip() != s.title, f"{path.name}: the home page linked as the post"
                    assert s.url_note in (a.attrs.get("title") or "") + " " + a.text + " " + path.read_text(
                        encoding="utf-8"
                    ), f"{path.name}: a link to {s.url} without its note"


def test_home_leads_to_every_verdict_and_page(formats, amap):
    els = page(formats, "index.html")
    verdicts = find(els, cls="av-verdicts")
    assert verdicts, "home page lists the verdicts"
    hrefs = [a.attrs.get("href") for a in find(els, "a")]
    for v in amap.viewpoints:
        assert html_path(v.page) in hrefs, f"home does not link to {v.page}"
        assert v.label in verdicts[0].text


def test_sources_page_lists_both_sources_with_links(formats, amap):
    els = page(formats, "sources.html")
    ids = {e.attrs.get("id") for e in find(els, "h2")}
    hrefs = [a.attrs.get("href") for a in find(els, "a")]
    for s in amap.sources:
        assert s.id in ids and s.url in hrefs, s.id
    text = " ".join(e.text for e in find(els, "article"))
    assert "Not named in the source" in text and "our inference" in text


@pytest.mark.parametrize("fmt", ["site", "offline"])
def test_a_verdict_quotes_its_label_once(formats, amap, fmt):
    """Expert C's verdict quotes the label itself ("not always together but never against each
    other"): home and the C page printed the quotation twice. Each voice's label is quoted once,
    on the home page's line and in the page's verdict box."""
    m = amap
    root = getattr(formats, fmt)

    def quoted(fragment: str) -> str:
        text = fragment.replace("<q>", "“").replace("</q>", "”")
        return re.sub(r"<[^>]+>", "", text)

    home = re.findall(
        r'<div class="av-verdicts">(.*?)</div>', (root / "index.html").read_text(encoding="utf-8"), flags=re.S
    )[0]
    for v in m.viewpoints:
        line = next(li for li in re.findall(r"<li>(.*?)</li>", home, flags=re.S) if f">{v.name}<" in li)
        page = (root / (v.page[:-3] + ".html")).read_text(encoding="utf-8")
        box = re.findall(r'<div class="av-verdict">(.*?)</div>', page, flags=re.S)[0]
        for where, fragment in (("home", line), (v.page, box)):
            assert quoted(fragment).count(f"“{v.label}”") == 1, (where, v.name, quoted(fragment))
