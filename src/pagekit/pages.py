"""The site's pages in one registry: the pages the build writes into, the ids their fixed sections
reserve (ids from data must differ), the path of a page's HTML, and the one link builder for
relative links between pages (Markdown for MkDocs to check, or the built file's URL)."""

from __future__ import annotations

import posixpath

# Pages under docs/ that the build writes into (the viewpoint pages are listed in data/viewpoints.yml).
HOME = "index.md"
COMPARE = "compare.md"
SOURCES = "sources.md"
METHOD = "method.md"
TIMELINE = "timeline.md"
GLOSSARY = "glossary.md"
CHANGES = "changes.md"
# Written by plugins, not from docs/: the one-page version (print_page_basename of print-site in
# mkdocs.yml; print_page.html is its default name) and the 404 page. None holds sections of its own.
ONE_PAGE = "one-page.html"
NOT_CONTENT = frozenset({ONE_PAGE, "print_page.html", "404.html"})

# Section ids that pages reserve: a data id must differ from them (it becomes an anchor on the page).
VIEWPOINT_SECTIONS = ("top", "summary", "arguments", "not-addressed")
COMPARE_SECTIONS = ("top", "matrix", "themes", "agreement", "agree", "disagree", "open-data")
TIMELINE_SECTIONS = ("top", "about")
GLOSSARY_SECTIONS = ("top", "about")


def html_path(md_path: str) -> str:
    """viewpoints/limited-allies.md -> viewpoints/limited-allies.html (use_directory_urls is off)."""
    return md_path[:-3] + ".html" if md_path.endswith(".md") else md_path


def md_path(html_path: str) -> str:
    """viewpoints/limited-allies.html -> viewpoints/limited-allies.md"""
    return html_path[:-5] + ".md" if html_path.endswith(".html") else html_path


def relative(from_path: str, to_path: str) -> str:
    """The relative path from one file of the site to another (both from its root)."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def to_root(from_path: str) -> str:
    """The relative path from a file of the site to the site's root: "../../" ("" at the root)."""
    return "../" * from_path.count("/")


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from one docs page to another (or to itself)."""
    target = "" if to_page == from_page else relative(from_page, to_page)
    return f"{target}#{anchor}" if anchor else target


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """The same target as a built-site URL, for raw HTML."""
    path, _, frag = link(from_page, to_page, anchor).partition("#")
    path = html_path(path)
    return f"{path}#{frag}" if frag else path
