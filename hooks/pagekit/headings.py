"""Heading ids a reader may link to: every h2 and h3 written with an explicit `{ #id }`."""
from __future__ import annotations

import re

EXPLICIT = re.compile(r"\{[^}]*#[a-z0-9][a-z0-9-]*[^}]*\}\s*$")
ATX = re.compile(r"^(#{2,3})\s+(.*\S)\s*$")
ID_ATTR = re.compile(r"""\sid=["']([^"']+)["']""")


def headings_without_id(markdown: str) -> list[tuple[int, str]]:
    """(line number, heading) for every h2/h3 in the Markdown that has no explicit id."""
    missing, fence = [], None
    for number, line in enumerate(markdown.splitlines(), 1):
        stripped = line.lstrip()
        marker = stripped[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else (fence or marker)
            continue
        if fence or line.startswith("    "):
            continue
        match = ATX.match(line)
        if match and not EXPLICIT.search(match.group(2)):
            missing.append((number, line.strip()))
    return missing


def duplicate_ids(html: str) -> list[str]:
    seen, dupes = set(), []
    for hid in ID_ATTR.findall(html):
        if hid in seen and hid not in dupes:
            dupes.append(hid)
        seen.add(hid)
    return dupes
