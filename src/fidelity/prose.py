"""Our own words: no run of six or more consecutive source words in our prose, outside a quotation.

Everything in a page's <article> counts as our prose (headings, summaries, stances, captions),
except quotations (<blockquote>, <q>, words between quotation marks), code, <cite> and the citation
block. The sources' titles and the verdict labels are shown as such, not as prose. A tooltip's text
is an attribute and is not read.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

from argmap import ArgumentMap

from .texts import SourceTexts

WORDS = 6
QUOTED = {"blockquote", "q", "code", "pre", "script", "style", "cite"}
QUOTED_CLASSES = {"av-cite"}
# Block elements end a run of prose: a heading and the paragraph after it are not one sentence.
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "div",
    "section",
    "figcaption",
    "dt",
    "dd",
    "caption",
    "summary",
    "details",
    "figure",
    "table",
    "tr",
    "ul",
    "ol",
    "br",
    "span",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


class _Prose(HTMLParser):
    """The article's text outside quotations, as runs (a block or a quotation ends a run)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.stack: list[bool] = []  # per open element: does it quote?
        self.quoting = 0
        self.runs: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.runs.append("")
        if tag in VOID:
            return
        quotes = tag in QUOTED or bool(set((dict(attrs).get("class") or "").split()) & QUOTED_CLASSES)
        self.in_article += tag == "article"
        self.stack.append(quotes)
        if quotes:
            self.quoting += 1
            self.runs.append("")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.runs.append("")
        if tag in VOID or not self.stack:
            return
        self.in_article -= tag == "article"
        if self.stack.pop():
            self.quoting -= 1
            self.runs.append("")

    def handle_data(self, data):
        if self.in_article and not self.quoting:
            self.runs[-1] += data


@cache
def _shown(allowed: tuple[str, ...]) -> list[re.Pattern]:
    """Each phrase shown as such, as a pattern that matches it across any spacing, whole words only."""
    return [
        re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.I) for phrase in allowed
    ]


def prose_runs(html: str, allowed: list[str] = ()) -> list[list[str]]:
    parser = _Prose()
    parser.feed(html)
    shown = _shown(tuple(allowed))
    out = []
    for run in parser.runs:
        if not run.strip():
            continue
        run = re.sub(r"\S+://\S+", "\n", run)  # a web address shown as text is not prose
        for pattern in shown:
            run = pattern.sub("\n", run)
        for part in re.split(r"[“\"][^”\"]*[”\"]|\n", run):  # words between quotation marks are quoted
            if part.strip():
                out.append(words(part))
    return out


def _grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


class Grams:
    """The n-word runs of the summarised sources, computed once per build."""

    def __init__(self, texts: SourceTexts, n: int = WORDS):
        self.n = n
        self.grams: set[tuple[str, ...]] = set()
        for text in texts.summarised():
            self.grams |= _grams(words(text), n)


def borrowed_runs(html: str, grams: Grams, allowed: list[str] = ()) -> list[str]:
    """Each stretch of the page's prose that repeats n or more consecutive source words."""
    n, found = grams.n, []
    for tokens in prose_runs(html, allowed):
        i = 0
        while i <= len(tokens) - n:
            if tuple(tokens[i : i + n]) in grams.grams:
                j = i + n
                while j < len(tokens) and tuple(tokens[j - n + 1 : j + 1]) in grams.grams:
                    j += 1
                found.append(" ".join(tokens[i:j]))
                i = j
            else:
                i += 1
    return list(dict.fromkeys(found))


def shown_as_such(m: ArgumentMap) -> list[str]:
    """Phrases shown as titles or labels, not as our prose: the sources' titles and subtitles
    (data/sources.yml) and the verdict labels (data/viewpoints.yml)."""
    return [t for s in m.sources for t in (s.title, s.subtitle) if t] + [v.label for v in m.viewpoints]


def written_at(run: str, files: list, root) -> list[str]:
    """Where an editor wrote a run of words: `file:line` for each of these files that holds it (its
    words in order, across line breaks), so that a finding on a generated page names the data file."""
    target = words(run)
    found = []
    for path in files:
        located = [
            (word, number)
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for word in words(line)
        ]
        sequence = [word for word, _ in located]
        for i in range(len(sequence) - len(target) + 1):
            if sequence[i : i + len(target)] == target:
                found.append(f"{path.relative_to(root).as_posix()}:{located[i][1]}")
                break
    return found
