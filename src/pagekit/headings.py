"""Heading ids a reader may link to: every h2 and h3 written with an explicit `{ #id }`; and the
built page's ids (unique) and links (none left as literal text). Markdown is read by markdown.py;
built HTML's ids and headings are read here, by every package that needs them."""

from __future__ import annotations

import re

from .markdown import ID, ID_RULE, heading, lines

SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
RAW = re.compile(r"<h[23](\s[^>]*)?>", re.I)
ID_ATTR = re.compile(r"""\sid=["']([^"']+)["']""")
# An unresolved reference link stays in the HTML as text: [<em>The Hundred</em>][the-hunderd]
LITERAL_REFERENCE = re.compile(r"\[[^\[\]<]*(?:<[^>]+>[^\[\]<]*)*\]\[[^\[\]<>\s]*\]")
CODE = re.compile(r"<(pre|code|script)\b.*?</\1>", re.S)
ATX_FIX = "end it with { #a-permanent-id }"


def headings_without_id(markdown: str) -> list[tuple[int, str, str]]:
    """(line number, heading, fix) for every h2/h3 in the Markdown without an explicit, valid id:
    `## Title`, an underlined (setext) heading, a raw <h2> or <h3> without id="..."."""
    missing = []
    previous = ""
    for line in lines(markdown):
        number, text = line.number, line.text
        if line.code or text.startswith("    "):
            previous = ""
            continue
        found = heading(line)
        if found and found.level in (2, 3) and found.id is None:
            missing.append((number, text.strip(), ATX_FIX))
        elif found and found.level in (2, 3) and not ID.match(found.id):
            missing.append((number, text.strip(), f"{ID_RULE} in its id, e.g. {{ #a-permanent-id }}"))
        elif (
            SETEXT.match(text)
            and previous.strip()
            and not previous.lstrip().startswith(("#", "|", "<", "-", "*"))
            and not (text.strip().startswith("-") and "|" in previous)
        ):
            missing.append(
                (
                    number - 1,
                    f"{previous.strip()} / {text.strip()}",
                    "write it as `## Title { #a-permanent-id }` instead of underlining it",
                )
            )
        for raw in RAW.finditer(text):
            if not ID_ATTR.search(raw.group(0)):
                missing.append(
                    (
                        number,
                        raw.group(0),
                        'give it an id: <h2 id="a-permanent-id">, or write `## Title { #a-permanent-id }`',
                    )
                )
        previous = text
    return missing


def literal_references(html: str) -> list[str]:
    """Reference links that Markdown left as text because their reference is defined nowhere."""
    return [re.sub(r"<[^>]+>", "", m) for m in LITERAL_REFERENCE.findall(CODE.sub("", html))]


def ids(html: str) -> list[str]:
    """Every id in a built page (or a fragment of one), in order."""
    return ID_ATTR.findall(html)


def heading_ids(html: str, levels: str = "1-6") -> list[str]:
    """The ids of the headings of the given levels ("23": h2 and h3) in built HTML, in order."""
    return re.findall(rf"""<h[{levels}][^>]*?\sid=["']([^"']+)["']""", html)


def heading_tag(html: str, hid: str, levels: str = "23") -> re.Match | None:
    """The opening tag of the heading with this id (group 1: its level), or None."""
    return re.search(rf"""<h([{levels}])[^>]*?\sid=["']{re.escape(hid)}["'][^>]*>""", html)


def duplicate_ids(html: str) -> list[str]:
    seen, dupes = set(), []
    for hid in ids(html):
        if hid in seen and hid not in dupes:
            dupes.append(hid)
        seen.add(hid)
    return dupes
