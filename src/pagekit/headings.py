"""Heading ids a reader may link to: every h2 and h3 written with an explicit `{ #id }`."""
from __future__ import annotations

import re

EXPLICIT = re.compile(r"\{[^}]*#[a-z0-9][a-z0-9-]*[^}]*\}\s*$")
ATX = re.compile(r"^(#{2,3})\s+(.*\S)\s*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
RAW = re.compile(r"<h[23](\s[^>]*)?>", re.I)
ID_ATTR = re.compile(r"""\sid=["']([^"']+)["']""")
# An unresolved reference link stays in the HTML as text: [<em>The Hundred</em>][the-hunderd]
LITERAL_REFERENCE = re.compile(r"\[[^\[\]<]*(?:<[^>]+>[^\[\]<]*)*\]\[[^\[\]<>\s]*\]")
CODE = re.compile(r"<(pre|code|script)\b.*?</\1>", re.S)
ATX_FIX = "end it with { #a-permanent-id }"


def headings_without_id(markdown: str) -> list[tuple[int, str, str]]:
    """(line number, heading, fix) for every h2/h3 in the Markdown without an explicit id:
    `## Title`, an underlined (setext) heading, a raw <h2> or <h3> without id="..."."""
    missing, fence = [], None
    previous = ""
    for number, line in enumerate(markdown.splitlines(), 1):
        stripped = line.lstrip()
        marker = stripped[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else (fence or marker)
            previous = ""
            continue
        if fence or line.startswith("    "):
            previous = ""
            continue
        match = ATX.match(line)
        if match and not EXPLICIT.search(match.group(2)):
            missing.append((number, line.strip(), ATX_FIX))
        elif (SETEXT.match(line) and previous.strip() and not previous.lstrip().startswith(("#", "|", "<", "-", "*"))
              and not (line.strip().startswith("-") and "|" in previous)):
            missing.append((number - 1, f"{previous.strip()} / {line.strip()}",
                            "write it as `## Title { #a-permanent-id }` instead of underlining it"))
        for raw in RAW.finditer(line):
            if not ID_ATTR.search(raw.group(0)):
                missing.append((number, raw.group(0), 'give it an id: <h2 id="a-permanent-id">, or write '
                                "`## Title { #a-permanent-id }`"))
        previous = line
    return missing


def literal_references(html: str) -> list[str]:
    """Reference links that Markdown left as text because their reference is defined nowhere."""
    return [re.sub(r"<[^>]+>", "", m) for m in LITERAL_REFERENCE.findall(CODE.sub("", html))]


def duplicate_ids(html: str) -> list[str]:
    seen, dupes = set(), []
    for hid in ID_ATTR.findall(html):
        if hid in seen and hid not in dupes:
            dupes.append(hid)
        seen.add(hid)
    return dupes
