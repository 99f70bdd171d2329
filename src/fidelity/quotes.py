"""Quotations: on this site, every <blockquote> and every <q> is a verbatim quotation of a source
text (sources/), attribution apart.

Attribution inside a blockquote (<cite>, <footer>, <figcaption>) is not checked. An ellipsis ("…"
or "...") or a bracketed insertion ("[…]", "[China]") marks a gap: the pieces between gaps must
appear in one source text, in that order. Straight and curly quotation marks count as the same;
every word and every other punctuation mark must match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .texts import SourceTexts, normalise

QUOTES = {"blockquote", "q"}
NOT_QUOTED = {"cite", "footer", "figcaption", "script", "style"}  # attribution and code, inside a quote
NOT_QUOTED_CLASSES = {"attribution", "headerlink"}
BREAKS = {"p", "br", "li", "div"}
GAP = re.compile(r"\[[^\]]*\]|…|\.\.\.")


class _Quotations(HTMLParser):
    """The text of each outermost <blockquote> or <q>, without its attribution."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.depth = 0
        self.skipping: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if (self.depth and (tag in NOT_QUOTED or classes & NOT_QUOTED_CLASSES)) or (
            self.skipping and tag == self.skipping[-1]
        ):
            self.skipping.append(tag)
        if tag in QUOTES:
            self.depth += 1
        if tag in BREAKS and self.depth:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        if tag in QUOTES and self.depth:
            self.depth -= 1
            if not self.depth:
                self.found.append("".join(self.text))
                self.text = []

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.text.append(data)


def quotations(html: str) -> list[str]:
    parser = _Quotations()
    parser.feed(html)
    return [q for q in (normalise(t) for t in parser.found) if q]


def pieces(quote: str) -> list[str]:
    """The parts of a quotation between its gaps, without the outer quotation marks."""
    parts = GAP.split(quote.strip("\"' "))
    return [p.strip(" \"'") for p in parts if p.strip(" \"'.,;:")]


def _found_in(wanted: list[str], text: str) -> bool:
    at = 0
    for piece in wanted:
        hit = text.find(piece, at)
        if hit < 0:
            return False
        at = hit + len(piece)
    return True


def _agrees_up_to(piece: str, texts: SourceTexts) -> str:
    """The longest start of `piece`, in whole words, that a source text has: where a misquote departs."""
    words = piece.split(" ")
    best = 0
    for n in range(1, len(words) + 1):
        if any(" ".join(words[:n]) in t for t in texts.quotable()):
            best = n
        else:
            break
    return " ".join(words[:best])


@dataclass(frozen=True)
class Misquote:
    page: str
    quote: str
    agrees_up_to: str

    def message(self) -> str:
        where = (
            f"it departs from the source after “{self.agrees_up_to}”"
            if self.agrees_up_to
            else "no source text has its opening words"
        )
        return (
            f"{self.page}: the quotation “{self.quote}” is not verbatim in any source text ({where}). "
            "Fix: copy it word for word from sources/, mark a gap with … or [ ], or, if it is our "
            "own wording, drop the quotation marks"
        )


def misquotes(page: str, html: str, texts: SourceTexts) -> tuple[int, list[Misquote]]:
    """How many quotations the page holds, and those that are not verbatim."""
    found = quotations(html)
    bad = []
    for quote in found:
        wanted = pieces(quote)
        if not wanted or not any(_found_in(wanted, t) for t in texts.quotable()):
            first = next((p for p in wanted if not any(p in t for t in texts.quotable())), quote)
            bad.append(Misquote(page, quote, _agrees_up_to(first, texts)))
    return len(found), bad
