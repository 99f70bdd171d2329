"""Reading our Markdown one way everywhere: which lines are code, the headings, and their explicit
ids in the site's one id grammar (lowercase words of letters and digits joined by single hyphens)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

ID_GRAMMAR = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID = re.compile(rf"^{ID_GRAMMAR}$")
ID_RULE = "use lowercase letters, digits and single hyphens"
ATX = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
ATTR_LIST = re.compile(r"\s*\{([^{}]*)\}\s*$")  # `{ #id .class }` at the end of a heading
ATTR_ID = re.compile(r"(?:^|\s)#(\S+)")
FENCES = ("```", "~~~")


@dataclass(frozen=True)
class Line:
    number: int  # from 1
    text: str
    code: bool  # a ``` or ~~~ fence, its own fence lines included


@dataclass(frozen=True)
class Heading:
    number: int
    level: int
    title: str  # as written, without its attribute list
    id: str | None  # the explicit `{ #id }`, if written (not checked against ID)
    text: str  # the whole line


def lines(markdown: str) -> Iterator[Line]:
    """Every line, with whether it is code: a fence opened by ``` closes only with ```, as ~~~ with ~~~."""
    fence = None
    for number, text in enumerate(markdown.splitlines(), 1):
        marker = text.lstrip()[:3]
        if marker in FENCES:
            fence = None if fence == marker else (fence or marker)
            yield Line(number, text, True)
        else:
            yield Line(number, text, fence is not None)


def heading(line: Line) -> Heading | None:
    """The ATX heading on a line (`## Title { #id }`), or None (code, indented code, or text)."""
    if line.code or line.text.startswith("    "):
        return None
    match = ATX.match(line.text)
    if not match:
        return None
    rest, hid = match.group(2), None
    attrs = ATTR_LIST.search(rest)
    if attrs:
        found = ATTR_ID.search(attrs.group(1))
        if found:
            rest, hid = rest[: attrs.start()].strip(), found.group(1)
    return Heading(line.number, len(match.group(1)), rest, hid, line.text)


def headings(markdown: str) -> list[Heading]:
    return [h for line in lines(markdown) if (h := heading(line))]
