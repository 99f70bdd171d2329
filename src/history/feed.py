"""feed.xml: an Atom feed (RFC 4287) with one entry per edition, newest first."""

from __future__ import annotations

from xml.sax.saxutils import escape

from .changes import long_date
from .record import Edition

FEED = "feed.xml"


def atom(editions: list[Edition], site_name: str, base: str, fallback_updated: str) -> str:
    """`base`: the living site's public root, ending in /. `fallback_updated`: the feed's updated
    time when no edition exists yet (Atom requires one)."""

    def stamp(day: str) -> str:
        return f"{day}T00:00:00Z"

    updated = stamp(editions[-1].date) if editions else fallback_updated
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(site_name)}: editions</title>",
        "  <subtitle>Each dated, frozen edition of the site and what it changed.</subtitle>",
        f'  <link rel="self" type="application/atom+xml" href="{escape(base)}{FEED}"/>',
        f'  <link rel="alternate" type="text/html" href="{escape(base)}changes.html"/>',
        f"  <id>{escape(base)}{FEED}</id>",
        f"  <updated>{updated}</updated>",
        "  <author><name>The editors</name></author>",
    ]
    for e in reversed(editions):
        lines += [
            "  <entry>",
            f"    <title>Edition of {long_date(e.date)}</title>",
            f"    <id>{escape(e.address)}</id>",
            f'    <link rel="alternate" type="text/html" href="{escape(base)}changes.html#edition-{e.date}"/>',
            f'    <link rel="related" type="text/html" href="{escape(e.address)}index.html"/>',
            f"    <published>{stamp(e.date)}</published>",
            f"    <updated>{stamp(e.date)}</updated>",
            f"    <summary>{escape(e.summary.strip())}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
