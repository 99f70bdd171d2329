"""Finds source wording that the built site uses as its own: runs of N or more consecutive words
shared with a source text but outside any quotation.

Usage: own_words.py SITE_DIR SOURCE_FILE [SOURCE_FILE ...] [--words N] [--allow PHRASE ...]

Our summaries must be in our own words; short quotations are marked (<q>, a blockquote, or
curly quotation marks) and attributed. Everything else in a page's article (headings, summaries,
stances, tooltips' text is in an attribute and not read) counts as our prose. A run of N words
(default 6) that is also in a source, in prose, is reported with its page: reword it or quote it.
The one-page edition repeats the other pages and is skipped; so is the 404 page. The sources'
titles and the verdict labels (data/) are shown as such, not as prose; --allow adds a phrase.
Exit status 1 when a run is found.
"""
import argparse
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

WORDS = 6
SKIPPED_PAGES = {"one-page.html", "404.html"}
# Elements whose text is not our prose: quotations, code, and the citation block (it names titles).
QUOTED = {"blockquote", "q", "code", "pre", "script", "style", "cite"}
QUOTED_CLASSES = {"av-cite"}
# Block elements end a run of prose: a heading and the paragraph after it are not one sentence.
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "section", "figcaption",
          "dt", "dd", "caption", "summary", "details", "figure", "table", "tr", "ul", "ol", "br", "span"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return WORD.findall(text)


class Prose(HTMLParser):
    """The article's text outside quotations, as a list of prose runs (a quotation ends a run)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_article = 0
        self.stack: list[bool] = []  # per open element: does it quote?
        self.quoting = 0
        self.runs: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.runs.append("")
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        quotes = tag in QUOTED or bool(classes & QUOTED_CLASSES)
        if tag == "article":
            self.depth_article += 1
        self.stack.append(quotes)
        if quotes:
            self.quoting += 1
            self.runs.append("")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.runs.append("")
        if tag in VOID or not self.stack:
            return
        if tag == "article":
            self.depth_article -= 1
        if self.stack.pop():
            self.quoting -= 1
            self.runs.append("")

    def handle_data(self, data):
        if self.depth_article and not self.quoting:
            self.runs[-1] += data


def prose_runs(html: str, allowed: list[str] = ()) -> list[list[str]]:
    parser = Prose()
    parser.feed(html)
    out = []
    for run in parser.runs:
        run = re.sub(r"\S+://\S+", "\n", run)  # a web address shown as text is not prose
        for phrase in allowed:  # titles and labels shown as such, e.g. in italics
            pattern = r"\s+".join(map(re.escape, phrase.split()))
            run = re.sub(rf"(?<!\w){pattern}(?!\w)", "\n", run, flags=re.I)
        # Words between curly or straight double quotation marks are quoted, not ours.
        for part in re.split(r"[“\"][^”\"]*[”\"]|\n", run):
            if part.strip():
                out.append(words(part))
    return out


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def borrowed(site: Path, sources: list[Path], n: int = WORDS, allowed: list[str] = ()) -> list[tuple[str, str]]:
    """(page, run of words) for each stretch of prose that repeats n or more source words."""
    source_grams = set()
    for source in sources:
        source_grams |= ngrams(words(source.read_text(encoding="utf-8")), n)
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel in SKIPPED_PAGES:
            continue
        for tokens in prose_runs(page.read_text(encoding="utf-8"), allowed):
            i = 0
            while i <= len(tokens) - n:
                if tuple(tokens[i:i + n]) in source_grams:
                    j = i + n
                    while j < len(tokens) and tuple(tokens[j - n + 1:j + 1]) in source_grams:
                        j += 1
                    found.append((rel, " ".join(tokens[i:j])))
                    i = j
                else:
                    i += 1
    return list(dict.fromkeys(found))


def shown_as_such(root: Path = ROOT) -> list[str]:
    """The phrases the site shows as titles or labels: the sources' titles and subtitles
    (data/sources.yml) and the verdict labels (data/viewpoints.yml)."""
    sources = yaml.safe_load((root / "data" / "sources.yml").read_text(encoding="utf-8"))
    viewpoints = yaml.safe_load((root / "data" / "viewpoints.yml").read_text(encoding="utf-8"))
    return ([s[k] for s in sources for k in ("title", "subtitle") if s.get(k)]
            + [str(v["label"]) for v in viewpoints])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("sources", type=Path, nargs="+")
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--allow", action="append", default=[], metavar="PHRASE")
    args = parser.parse_args(argv)
    n = args.words
    found = borrowed(args.site, args.sources, n, shown_as_such() + args.allow)
    for page, run in found:
        print(f"{page}: “{run}” is source wording outside a quotation. Fix: reword it, or quote it "
              "with <q>…</q> and keep it attributed.")
    print(f"{len(found)} run(s) of {n}+ source words in our prose")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
