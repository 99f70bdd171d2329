"""The citation record of a page, an argument or a theme, as CSL-JSON (the format of Zotero,
Pandoc and citeproc): https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


class CitationError(Exception):
    """Something a citation needs is missing: which page, which item, which field, and the fix."""

    def __init__(self, page: str, item: str, field: str, fix: str):
        super().__init__(f"{page}: {item}: a citation needs its {field}, and it has none. Fix: {fix}")


@dataclass(frozen=True)
class Site:
    name: str  # the container: "Are China and Russia allies?"
    publisher: str  # the editorial body, named once in mkdocs.yml (extra.publisher)
    language: str  # "en"


@dataclass(frozen=True)
class Work:
    """One citable thing. Its title is complete: a viewpoint page's title names its voice, and an
    argument's title names its page, so a summary never reads as written by the voice it sums up."""

    key: str  # stable and unique: china-russia-allies-viewpoints-limited-allies-asymmetry
    title: str
    url: str  # the living address
    issued: date | None  # when it was last revised
    page: str  # where it comes from, for error messages: docs/viewpoints/limited-allies.md
    item: str  # "page" or "argument #asymmetry"
    permanent_url: str | None = None  # the same thing in the latest edition, if it is in one


def key_for(slug: str, page_url: str, anchor: str | None = None) -> str:
    stem = re.sub(r"\.html$", "", page_url.split("#")[0]).replace("/", "-") or "index"
    return f"{slug}-{stem}" + (f"-{anchor}" if anchor else "")


def _check(work: Work) -> None:
    if not work.title or not work.title.strip():
        raise CitationError(
            work.page,
            work.item,
            "title",
            "give the page an `# H1 { #top }` title, or the argument a `### Title { #id }` heading",
        )
    if work.issued is None:
        raise CitationError(
            work.page,
            work.item,
            "date",
            "build from a git checkout (SOURCE_DATE_EPOCH comes from the last commit) or set SOURCE_DATE_EPOCH",
        )
    if not work.url.startswith(("http://", "https://")):
        raise CitationError(work.page, work.item, "address", "set SITE_URL to the site's public address")


def _date(day: date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def record(work: Work, site: Site) -> dict:
    """The CSL-JSON record. Its author is the editorial body, an organisation (a `literal` name, so
    no tool splits it into a person's first and last name); the container is the site. When the
    work is in an edition, the record cites that permanent address and notes the living one."""
    _check(work)
    is_site = work.title.rstrip("?") == site.name.rstrip("?")
    rec = {
        "id": work.key,
        "type": "webpage",
        "title": work.title,
        "author": [{"literal": site.publisher}],
        "issued": _date(work.issued),
        "URL": work.permanent_url or work.url,
        "language": site.language,
    }
    if not is_site:
        rec["container-title"] = site.name
    if work.permanent_url:
        rec["note"] = f"Latest version: {work.url}"
    return rec
