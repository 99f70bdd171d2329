"""Ready-made citations of a page (APA, Chicago, BibTeX) from the site's metadata and its URL.

The access date is left for the reader: the citation says where to put it.
"""
from __future__ import annotations

import re
from datetime import date

ACCESS = "[date you accessed it]"


def bibtex_key(site_slug: str, page_url: str) -> str:
    stem = re.sub(r"\.html$", "", page_url.split("#")[0]).replace("/", "-") or "index"
    return f"{site_slug}-{stem}"


def bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def formats(title: str, url: str, site_name: str, updated: date | None, key: str) -> dict[str, str]:
    """The three citations of one page; `title` is the page's, `site_name` the container's.

    `updated`: the date of the edition that holds this text (hooks/editions.py), None when the text
    is in no edition yet: then the citations say "n.d." (no date), as APA and Chicago do."""
    same = title.strip().rstrip("?") == site_name.strip().rstrip("?")
    apa_title = "" if same else f"{title}. "
    apa_date = f"{updated.year}, {updated:%B} {updated.day}" if updated else "n.d."
    chicago_date = f"Last modified {updated:%B} {updated.day}, {updated.year}" if updated else "n.d."
    return {
        "APA": f"{apa_title}({apa_date}). {site_name} "
               f"Retrieved {ACCESS}, from {url}",
        "Chicago": (f"“{title}.” " if not same else "") + f"{site_name} {chicago_date}. "
                   f"Accessed {ACCESS}. {url}.",
        "BibTeX": "\n".join([
            f"@misc{{{key},",
            f"  title        = {{{bibtex_escape(title)}}},",
            f"  howpublished = {{{bibtex_escape(site_name)}}},",
            *([f"  year         = {{{updated.year}}},",
               f"  month        = {{{updated:%b}}},".lower()] if updated else []),
            f"  url          = {{{url}}},",
            "  urldate      = {YYYY-MM-DD},  % the date you accessed it",
            "}",
        ]),
    }
