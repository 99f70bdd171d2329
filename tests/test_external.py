"""No external requests: the built HTML, CSS, JS and SVG of both formats name no other host
in anything a browser would load. Only links a reader clicks (<a href>, <area href>) may leave.

The browser tests watch the requests pages make; this scan also covers code paths they do not
take (another browser, another page state), since it reads every file.
"""

import fnmatch
import re
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT
from htmlscan import parse

from history import record

FIXTURES = Path(__file__).parent / "fixtures"
FOREIGN_SITE = FIXTURES / "external-refs-site"

HOST = r"(?:https?:)?//(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
CSS_REF = re.compile(r"""url\(\s*['"]?(?P<url>[^'")\s]+)|@import\s+['"](?P<imp>[^'"]+)""")
JS_URL = re.compile(r"""["'`](?P<url>""" + HOST + r"""[^"'`\s]*)""")  # a string that starts with a URL
# Attributes through which a browser fetches something (a link's href only when followed).
FETCHING_ATTRS = {
    "src",
    "href",
    "xlink:href",
    "poster",
    "data",
    "action",
    "formaction",
    "background",
    "manifest",
    "codebase",
    "ping",
    "srcset",
    "srcdoc",
}
CLICKED = {("a", "href"), ("area", "href")}

# Material's bundle names other hosts in code this site never runs; each is guarded by a test
# below (or, for the polyfill, by the browsers Material supports). Exact strings, in this file only.
DORMANT = {
    "assets/javascripts/bundle.*.min.js": {
        # Loaded only for ```mermaid diagrams: test_dormant_code_stays_dormant fails on any.
        "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
        # Loaded only by browsers without ResizeObserver (before Chrome 64, Firefox 69, Safari 13.1).
        "https://unpkg.com/resize-observer-polyfill",
        # Repository facts, fetched only when mkdocs.yml sets repo_url: guarded below.
        "https://api.github.com/repos/${e}/${t}",
        "https://api.github.com/users/${e}",
    },
}


def is_foreign(url: str, own_host: str) -> bool:
    url = url.strip()
    if not re.match(r"(https?:)?//", url, re.I):
        return False
    return (urlsplit(url if not url.startswith("//") else "http:" + url).hostname or "") != own_host


def css_refs(text: str) -> list[str]:
    return [m.group("url") or m.group("imp") for m in CSS_REF.finditer(text)]


def js_refs(text: str) -> list[str]:
    return [m.group("url") for m in JS_URL.finditer(text)]


def attr_refs(tag: str, attr: str, value: str) -> list[str]:
    if attr == "srcset":
        return [c.split()[0] for c in value.split(",") if c.strip()]
    if attr == "ping":
        return value.split()
    if attr == "srcdoc":
        return [m.group(0) for m in re.finditer(HOST + r"\S*", value)]
    return [value]


def scan(
    root: Path, own_host: str, dormant: dict[str, set[str]] | None = None, skip: str | None = None
) -> tuple[list[str], list[str]]:
    """(foreign references, clicked links to other hosts) in the files below `root`, except those
    whose path starts with `skip`."""
    dormant = dormant or {}
    foreign, clicked = [], []

    def report(name: str, where: str, refs: list[str]):
        allowed = set().union(*[urls for pattern, urls in dormant.items() if fnmatch.fnmatch(name, pattern)])
        foreign.extend(f"{name}: {where}: {r}" for r in refs if is_foreign(r, own_host) and r not in allowed)

    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if skip and name.startswith(skip):
            continue
        if path.suffix in (".html", ".svg"):
            for e in parse(path.read_text(encoding="utf-8")):
                for attr, value in e.attrs.items():
                    if (e.tag, attr) in CLICKED:
                        clicked += [value] if is_foreign(value, own_host) else []
                    elif attr in FETCHING_ATTRS:
                        report(name, f"<{e.tag} {attr}>", attr_refs(e.tag, attr, value))
                    elif attr == "style":
                        report(name, f"<{e.tag} style>", css_refs(value))
                    elif e.tag == "meta" and attr == "content" and e.attrs.get("http-equiv", "").lower() == "refresh":
                        report(name, "<meta refresh>", re.findall(r"url\s*=\s*['\"]?([^'\"\s]+)", value, re.I))
                if e.tag == "script" and e.attrs.get("type") != "application/ld+json":
                    # A JSON-LD block is data for search engines: never run, never fetched from.
                    report(name, "<script>", js_refs(e.text))
                elif e.tag == "style":
                    report(name, "<style>", css_refs(e.text))
        elif path.suffix == ".css":
            report(name, "url()", css_refs(path.read_text(encoding="utf-8")))
        elif path.suffix in (".js", ".mjs") and name != "search/search_index.js":  # the index is page text
            report(name, "string", js_refs(path.read_text(encoding="utf-8")))
    return foreign, sorted(set(clicked))


def test_hosted_site_names_no_other_host(formats):
    foreign, clicked = scan(formats.site, urlsplit(formats.site_url).hostname, DORMANT, skip="editions/")
    assert not foreign, "references to other hosts, hosted site:\n" + "\n".join(foreign)
    assert clicked, "no external link at all: is the scan reading the pages?"
    # Each frozen edition, on its own: its own host is the public address it was cut for.
    for edition in record.load(ROOT):
        foreign, _ = scan(formats.site / edition.folder, urlsplit(edition.address).hostname, DORMANT)
        assert not foreign, f"references to other hosts, edition {edition.date}:\n" + "\n".join(foreign)


def test_offline_edition_names_no_other_host(formats):
    foreign, _ = scan(formats.offline, urlsplit(formats.site_url).hostname, DORMANT)
    assert not foreign, "references to other hosts, offline copy:\n" + "\n".join(foreign)


def test_dormant_code_stays_dormant(formats):
    """The guards of DORMANT: no Mermaid diagram, no repository link, and each string still there."""
    for root in (formats.site, formats.offline):
        for page in root.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert 'class="mermaid"' not in text and "language-mermaid" not in text, page
            assert 'data-md-component="source"' not in text, f"{page}: repo_url set, the bundle calls GitHub"
    bundles = list(formats.site.glob("assets/javascripts/bundle.*.min.js"))
    assert len(bundles) == 1
    found = set(js_refs(bundles[0].read_text(encoding="utf-8")))
    stale = DORMANT["assets/javascripts/bundle.*.min.js"] - found
    assert not stale, f"no longer in Material's bundle, remove from DORMANT: {stale}"


def test_the_scan_flags_each_foreign_reference_in_the_fixture():
    foreign, clicked = scan(FOREIGN_SITE, "example.org")
    assert sorted(foreign) == sorted(
        [
            "app.js: string: https://api.example.com/v1",
            "icon.svg: <image href>: https://images.example.com/d.png",
            "index.html: <meta refresh>: https://elsewhere.example.com/",
            "index.html: <link href>: https://fonts.googleapis.com/css?family=Roboto",
            "index.html: <script src>: //cdn.example.com/lib.js",
            "index.html: <script>: https://api.example.com/data",
            "index.html: <style>: https://images.example.com/bg.png",
            "index.html: <a ping>: https://track.example.com/",
            "index.html: <img src>: https://images.example.com/a.png",
            "index.html: <img srcset>: https://images.example.com/b.png",
            "index.html: <div style>: https://images.example.com/c.png",
            "style.css: url(): https://fonts.example.com/font.css",
            "style.css: url(): //fonts.example.com/x.woff2",
        ]
    )
    assert clicked == ["https://example.com/article", "https://example.com/x"]
