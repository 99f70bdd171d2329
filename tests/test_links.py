"""Links: every internal link and anchor resolves, in both formats.

MkDocs validates Markdown links (the strict build fails on a broken one); this reads the built
output, so it also covers what MkDocs never sees: links in templates, raw HTML, generated pages,
style sheets and the search index. External links are `make linkcheck-external`'s job (not CI).
"""

import json
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import mkdocs_build
from htmlscan import parse

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN_SITE = FIXTURES / "broken-links-site"

# Attributes that point at another file or a place in one, by element.
URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]+)\3""")


class LinkChecker:
    """Resolves references inside one built format. `web_root` serves absolute site URLs."""

    def __init__(self, root: Path, site_url: str, web_root: Path | None = None):
        self.root = root.resolve()
        self.site_url = site_url
        self.prefix = urlsplit(site_url).path  # where the site lives on its host, e.g. /docs/
        self.web_root = (web_root or root).resolve()
        self.problems: list[str] = []

    @cache
    def ids(self, path: Path) -> frozenset:
        elements = parse(path.read_text(encoding="utf-8"))
        return frozenset(
            [e.attrs["id"] for e in elements if "id" in e.attrs]
            + [e.attrs["name"] for e in elements if e.tag == "a" and "name" in e.attrs]
        )

    def check(self, where: str, source: Path, url: str) -> None:
        """Records a problem unless `url`, found in file `source`, resolves."""
        url = original = url.strip()
        if not url or url.startswith(("data:", "mailto:", "tel:", "javascript:", "blob:")):
            return
        if url.startswith(self.site_url):
            base, url = self.web_root, url[len(self.site_url) :]
            target_dir = self.web_root
        else:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                return  # another site: make linkcheck-external
            base, target_dir = self.root, source.parent
            if url.startswith("/"):
                if not url.startswith(self.prefix):
                    self.problems.append(f"{where}: {original} (outside the site's path {self.prefix})")
                    return
                url, target_dir = url[len(self.prefix) :], self.root
        parts = urlsplit(url)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        target = source if not path else Path(posixpath.normpath(target_dir / path))
        if not target.resolve().is_relative_to(base):
            self.problems.append(f"{where}: {original} (outside the site)")
            return
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            self.problems.append(f"{where}: {original} (no such file)")
        elif fragment and target.suffix == ".html" and fragment.lower() != "top" and fragment not in self.ids(target):
            self.problems.append(f"{where}: {original} (no id {fragment!r} in {target.relative_to(base)})")

    def check_html(self, page: Path) -> None:
        name = page.relative_to(self.root).as_posix()
        for e in parse(page.read_text(encoding="utf-8")):
            for attr in URL_ATTRS.get(e.tag, ()):
                value = e.attrs.get(attr)
                if value is None:
                    continue
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if attr == "srcset" else [value]
                for url in urls:
                    self.check(f"{name} <{e.tag} {attr}>", page, url)

    def check_css(self, sheet: Path) -> None:
        name = sheet.relative_to(self.root).as_posix()
        for m in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            url = m.group("url") or m.group("imp") or ""
            if not url.startswith("#"):  # a reference into an SVG, not a file
                self.check(f"{name} url()", sheet, url)

    def check_search_index(self) -> None:
        for name, prefix in (("search/search_index.json", ""), ("search/search_index.js", "var __index =")):
            path = self.root / name
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8").strip()
            index = json.loads(text[len(prefix) :].rstrip(";") if prefix and text.startswith(prefix) else text)
            for doc in index["docs"]:
                self.check(f"{name} location", self.root / "index.html", doc["location"])

    def run(self) -> list[str]:
        for page in sorted(self.root.rglob("*.html")):
            self.check_html(page)
        for sheet in sorted(self.root.rglob("*.css")):
            self.check_css(sheet)
        self.check_search_index()
        return self.problems


def test_hosted_edition_has_no_broken_links(formats):
    problems = LinkChecker(formats.site, formats.site_url).run()
    assert not problems, "broken internal links, hosted site:\n" + "\n".join(problems)


def test_offline_edition_has_no_broken_links(formats):
    # Absolute links to site_url (canonical, "copy link") point at the hosted site.
    problems = LinkChecker(formats.offline, formats.site_url, web_root=formats.site).run()
    assert not problems, "broken internal links, offline copy:\n" + "\n".join(problems)


def test_the_checker_reports_each_broken_reference_in_the_fixture():
    problems = LinkChecker(BROKEN_SITE, "https://example.org/docs/").run()
    expected = [
        "index.html <link href>: missing.css (no such file)",
        "index.html <link href>: https://example.org/docs/gone.html (no such file)",
        "index.html <a href>: sub/page.html#nowhere (no id 'nowhere' in sub/page.html)",
        "index.html <a href>: no-such-page.html (no such file)",
        "index.html <a href>: #no-such-id (no id 'no-such-id' in index.html)",
        "index.html <img src>: img/missing.png (no such file)",
        "index.html <script src>: /docs/js/missing.js (no such file)",
        "sub/page.html <a href>: ../../outside.html (outside the site)",
        "style.css url(): fonts/missing.woff2 (no such file)",
        "search/search_index.json location: sub/page.html#gone (no id 'gone' in sub/page.html)",
    ]
    assert sorted(problems) == sorted(expected)


def test_strict_build_fails_on_a_broken_markdown_link_and_anchor(project_copy, tmp_path):
    """MkDocs' own validation, the first half of this gate: a warning that --strict makes fatal."""
    page = project_copy / "docs" / "method.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[Gone](no-such-page.md) and [nowhere](sources.md#no-such-anchor).\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project_copy, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no-such-page.md" in output and "not found" in output, output
    assert "#no-such-anchor" in output, output
