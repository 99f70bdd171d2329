"""The one-page version: fixes to what mkdocs-print-site-plugin 2.9 writes, and the checks on it.

The plugin renders the page with the template context of 404.html, whose base URL is the absolute
path of site_url (right for an error page at any depth, wrong for a page read from disk); it marks
sections with a made-up `heading-number` attribute and appends a <style> element for heading
numbers we switch off; its script copies the sidebar's table of contents, nested landmarks and all,
into the page, where a static list serves better (no script needed, one landmark), and hides the
navigation once the page is parsed, which the page's style does from the first paint; and Material's
table-of-contents title points at a toggle that only pages in the navigation have. Each fix names the text it expects, so a plugin upgrade that changes the output
fails the build instead of shipping a broken page.
"""

from __future__ import annotations

import html
import html.parser
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pagekit.text import visible_text


class UnexpectedOutput(Exception):
    """The plugin's output no longer looks as these fixes expect."""


@dataclass(frozen=True)
class Fix:
    why: str
    pattern: re.Pattern
    replacement: str
    always: bool = True  # the plugin always writes this text; False: only for some navigations


@dataclass(frozen=True)
class Entry:
    """A line of the table of contents: a page or a navigation section, and what it holds."""

    title: str
    id: str
    children: list[Entry] = field(default_factory=list)


def contents(entries: list[Entry]) -> str:
    """The table of contents as nested lists of links within the page."""
    items = "".join(
        f'<li><a href="#{html.escape(e.id)}">{html.escape(e.title)}</a>'
        f"{contents(e.children) if e.children else ''}</li>"
        for e in entries
    )
    return f"<ul>{items}</ul>"


def fixes(base_url: str, toc: list[Entry]) -> list[Fix]:
    base = json.dumps(base_url)
    listing = contents(toc).replace("\\", "\\\\")  # a replacement string: keep backslashes
    return [
        Fix(
            "Material's base URL (search, stored settings) relative, as on every other root page",
            re.compile(re.escape(f'"base": {base}')),
            '"base": "."',
        ),
        Fix(
            "the stored-settings scope relative too",
            re.compile(re.escape(f"__md_scope=new URL({base},location)")),
            '__md_scope=new URL(".",location)',
        ),
        Fix(
            "no made-up attribute on sections (invalid HTML)",
            re.compile(r"""\s+heading-number=(?:"[^"]*"|'[^']*')"""),
            "",
        ),
        Fix(
            "no <style> in the body: its rules number headings, which the site switches off",
            re.compile(r"<style>\s*\.print-site-enumerate-headings[^<]*</style>"),
            "",
        ),
        Fix(
            "the table of contents as a static list, in one landmark named by its heading",
            re.compile(
                r"<nav role='navigation' class='print-page-toc-nav'>\s*"
                r"<h1 class='print-page-toc-title'>([^<]*)</h1>\s*</nav>"
            ),
            '<nav class="print-page-toc-nav" aria-labelledby="print-page-toc-title">'
            rf'<h1 class="print-page-toc-title" id="print-page-toc-title">\1</h1>{listing}</nav>',
        ),
        Fix("no script to copy the sidebar's table of contents", re.compile(re.escape("generate_toc();")), ""),
        Fix(
            "no script to hide the navigation, tabs and search once the page is parsed: the page's own "
            "style hides them from the first paint (overrides/main.html), and nothing else needs the "
            "plugin's js/print-site.js, which the page no longer loads",
            re.compile(
                r"""<script type="text/javascript">\s*document\.addEventListener\('DOMContentLoaded', """
                r"""function \(\) \{\s*remove_material_navigation\(\);remove_mkdocs_theme_navigation\(\);\s*"""
                r"""\}\)\s*</script>\s*"""
            ),
            "",
        ),
        Fix(
            "the table-of-contents title names no missing toggle",
            re.compile(r'(<label class="md-nav__title")(?: tabindex="0")? for="__toc">'),
            r"\1>",
            always=False,
        ),
        Fix(
            "section permalinks look like every other heading's",
            re.compile(r"title='Permanent link'></a>"),
            "title='Link to this section'>#</a>",
            always=False,
        ),
    ]


def tidy(page: str, base_url: str, toc: list[Entry]) -> str:
    """Applies every fix; raises UnexpectedOutput naming a fix whose text is not in the page."""
    for fix in fixes(base_url, toc):
        page, count = fix.pattern.subn(fix.replacement, page)
        if fix.always and not count:
            raise UnexpectedOutput(f"expected text for the fix '{fix.why}' not found (pattern {fix.pattern.pattern!r})")
    return with_lengths(page)


_SECTION_TAG = re.compile(r"<(/?)section\b([^>]*)>")


def with_lengths(page: str) -> str:
    """Gives each site page's section (a print-page section with an id, holding no other section)
    its length in characters of text, as `style="--av-length: N"`: on screen such a section is laid
    out only when it nears the view, and site.css turns the length into the height it holds until
    then. (The table of contents, a print-page section without an id, is laid out at once.)"""
    tags = list(_SECTION_TAG.finditer(page))
    out, done, found = [], 0, 0
    for tag, after in itertools.pairwise([*tags, None]):
        opening, attrs = not tag.group(1), tag.group(2)
        classes = re.search(r"""\bclass=(["'])([^"']*)\1""", attrs)
        classes = classes.group(2).split() if classes else []
        leaf = after is not None and after.group(1)  # holds no section (not a navigation section)
        if not (opening and leaf and "print-page" in classes and re.search(r"\bid=", attrs)):
            continue
        if "style=" in attrs:
            raise UnexpectedOutput(f"a page's section has a style attribute already: <section{attrs}>")
        length = len(visible_text(page[tag.end() : after.start()]))
        out += [page[done : tag.end() - 1], f' style="--av-length: {length}">']
        done, found = tag.end(), found + 1
    if not found:
        raise UnexpectedOutput("no page's section (a print-page section with an id) found")
    return "".join(out) + page[done:]


class _Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: Counter = Counter()
        self.fragments: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] += 1
        href = attrs.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.fragments.append(href[1:])


def problems(page: str) -> list[str]:
    """What breaks the promise "internal links jump within the page": duplicate ids, and links
    to an id the page does not have."""
    anchors = _Anchors()
    anchors.feed(page)
    out = [f'id "{i}" appears {n} times' for i, n in sorted(anchors.ids.items()) if n > 1]
    out += [
        f'link to "#{f}", which no element has as its id'
        for f in sorted(set(anchors.fragments))
        if f not in anchors.ids
    ]
    return out


def sources_date(epoch: int | str | None) -> str | None:
    """ "30 November 2026" for a SOURCE_DATE_EPOCH, or None when it is not set (no date is better
    than the clock's, which would make two builds of the same sources differ)."""
    if epoch is None or not str(epoch).strip().isdigit():
        return None
    day = datetime.fromtimestamp(int(epoch), tz=UTC)
    return f"{day.day} {day:%B %Y}"
