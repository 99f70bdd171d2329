"""Renders the argument map as Markdown (links MkDocs validates) and, for the matrix, HTML.

Every function takes the loaded ArgumentMap and the path (relative to docs/) of the page the
output goes on, so that links are relative and work from disk as well as on the web.
"""

from __future__ import annotations

import html

from argmap.model import Argument, ArgumentMap, Point, Theme, Viewpoint
from pagekit.pages import COMPARE as COMPARE_PAGE
from pagekit.pages import SOURCES, href, link

# --- Counts in prose ------------------------------------------------------------------------------
# Prose that counts the voices or the sources says so with a placeholder, so that adding one changes
# it too: "{{ number of viewpoints }}" becomes "four", "{{ Number of viewpoints }}" "Four" (at a
# sentence's start); "{{ number of sources }}" and "{{ Number of sources }}" likewise.

NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(n: int) -> str:
    return NUMBERS[n] if n < len(NUMBERS) else str(n)


def counts(markdown: str, m: ArgumentMap) -> str:
    """The page's Markdown with each count placeholder replaced by the number, from the data."""
    for what, n in (("viewpoints", len(m.viewpoints)), ("sources", len(m.sources))):
        number = in_words(n)
        markdown = markdown.replace(f"{{{{ number of {what} }}}}", number)
        markdown = markdown.replace(f"{{{{ Number of {what} }}}}", number[:1].upper() + number[1:])
    return markdown


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def inline(text: str) -> str:
    """Our text as HTML: escaped, but for the <q> quotation markup that stances and points may use."""
    return esc(text).replace("&lt;q&gt;", "<q>").replace("&lt;/q&gt;", "</q>")


def md_escape(text: str) -> str:
    """Keeps brackets in generated link texts from being read as Markdown."""
    return text.replace("[", r"\[").replace("]", r"\]")


# --- Viewpoint pages -----------------------------------------------------------------------------


def source_line(s) -> str:
    """The source as the header cites it: the text's title linked to its address or, when the
    address is only the publication's (url_note), the publication linked, with the note."""
    if s.url_note:
        return f"*{md_escape(s.title)}*, in [*{s.publication}*][{s.id}] ({s.url_note})"
    return f"[*{md_escape(s.title)}*][{s.id}], in *{s.publication}*"


def viewpoint_header(m: ArgumentMap, v: Viewpoint) -> str:
    s = v.source
    author = v.author or f"Not named in the source. This site calls this expert {v.name}."
    # The box's label names the voice: the one-page version holds all four boxes, and landmarks
    # on one page need distinct labels (axe: landmark-unique).
    # A verdict that quotes the label already says it: the label line then only names the voice.
    label = "" if quotes_label(v) else f": <q>{esc(v.label)}</q>"
    return f"""<div class="av-verdict" markdown>
<p class="av-verdict__label">Verdict of {esc(v.name)}{label}</p>

{v.verdict}
</div>

<aside class="av-source" aria-label="Source of {esc(v.name)}" markdown>
<dl markdown>
<dt>Source</dt>
<dd markdown>{source_line(s)}</dd>
<dt>Author</dt>
<dd markdown>{author}</dd>
<dt>Date</dt>
<dd markdown>{s.date or s.date_note}</dd>
<dt>Our copy</dt>
<dd markdown>{s.scope} More in [Sources]({link(v.page, "sources.md", s.id)}).</dd>
</dl>
</aside>
"""


def searchable_address(html_text: str, anchor: str) -> str:
    """Adds the address " (#anchor)" to the heading with that id, as hidden text, before its
    permalink: the search index reads it, paper prints it (site.css, @media print), no one sees it on screen."""
    start = html_text.find(f' id="{anchor}"')
    if start < 0:
        return html_text
    tag = html_text.rfind("<h", 0, start)
    close = html_text.find(f"</h{html_text[tag + 2]}>", start)
    link = html_text.find('<a class="headerlink"', start, close)
    at = link if link > 0 else close
    return html_text[:at] + f'<span class="av-address" hidden> (#{anchor})</span>' + html_text[at:]


def compare_box(m: ArgumentMap, v: Viewpoint, argument: Argument) -> str:
    """The Compare box under an argument: its themes, and the other voices on each."""
    themes = m.themes_of(v, argument)
    if not themes:
        return ""
    items = []
    for theme in themes:
        others = []
        for other in m.viewpoints:
            if other is v:
                continue
            pos = m.position(theme, other)
            if pos.addressed:
                first = pos.arguments[0]
                others.append(f"{other.name}: [{md_escape(first.title)}]({link(v.page, other.page, first.id)})")
            else:
                others.append(f'{other.name}: <span class="av-na">not addressed</span>')
        items.append(f"- **[{theme.title}]({link(v.page, COMPARE_PAGE, theme.id)})**: " + "; ".join(others) + ".")
    return (
        '<div class="av-compare" data-search-exclude markdown>\n<p class="av-compare__title">Compare</p>\n\n'
        + "\n".join(items)
        + "\n</div>\n"
    )


def not_addressed(m: ArgumentMap, v: Viewpoint) -> str:
    silent = [t for t in m.themes if not m.position(t, v).addressed]
    if not silent:
        return f"{v.name} touches on every theme of the [comparison]({link(v.page, COMPARE_PAGE, 'matrix')})."
    lines = [
        f"Of the themes in the [comparison]({link(v.page, COMPARE_PAGE, 'matrix')}), "
        f"this viewpoint does not take up these:",
        "",
    ]
    lines += [f"- [{t.title}]({link(v.page, COMPARE_PAGE, t.id)}): {t.question}" for t in silent]
    return "\n".join(lines) + "\n"


def quotes_label(v: Viewpoint) -> bool:
    """Whether the verdict (our sentence) already quotes the source's label, in quotation marks
    ("axis" as a word of the verdict is not a quotation of it)."""
    return any(f"{a}{v.label}{b}" in v.verdict for a, b in (("“", "”"), ('"', '"'), ("<q>", "</q>")))


def verdicts(m: ArgumentMap, page: str) -> str:
    """The verdicts at a glance (home page): one line each, linking to the viewpoint; the label
    in quotes unless the verdict quotes it already (the same quotation twice in a line)."""
    lines = ['<div class="av-verdicts" markdown>', ""]
    for v in m.viewpoints:
        label = "" if quotes_label(v) else f"<q>{esc(v.label)}</q>. "
        lines.append(
            f"- **[{v.name}]({link(page, v.page)})** (*{v.source.publication}*): "
            f"{label}{v.verdict} "
            f"[Arguments]({link(page, v.page, 'arguments')})"
        )
    return "\n".join(lines + ["", "</div>", ""])


# --- The comparison page -------------------------------------------------------------------------
# Each sentence once: a stance is said in the matrix only; a theme's section gives the question and,
# for each voice, the arguments it rests on and the source's words, each quote once on the page.


def jump_list(m: ArgumentMap, page: str = COMPARE_PAGE) -> str:
    """Near the top: one tap to every theme, the agreements and the disagreements."""
    items = [f"[{t.title}]({link(page, page, t.id)})" for t in m.themes]
    return (
        '<nav class="av-jump" aria-label="Jump to a theme" markdown>\n'
        '<p class="av-jump__title">Jump to</p>\n\n'
        f"- [At a glance]({link(page, page, 'matrix')})\n"
        + "".join(f"- {item}\n" for item in items)
        + f"- [Where they agree]({link(page, page, 'agree')})\n"
        f"- [Where they disagree]({link(page, page, 'disagree')})\n"
        "</nav>\n"
    )


def matrix(m: ArgumentMap, page: str = COMPARE_PAGE) -> str:
    """Themes as rows, viewpoints as columns. HTML for caption and scope; every link target here
    was checked when the map was loaded, and tests check the built links. A stance is text, and
    the arrow after it links to its argument. Each cell names its voice too (av-matrix__who):
    shown where the table stacks into cards, and what makes the search index read as sentences
    ("Expert B: No mutual defence pact ...") rather than cells run together."""
    head = "".join(
        f'<th scope="col"><a href="{href(page, v.page)}">{esc(v.name)}</a>'
        f'<span class="av-matrix__label">{esc(v.label)}</span></th>'
        for v in m.viewpoints
    )
    rows = []
    for theme in m.themes:
        cells = []
        for v in m.viewpoints:
            pos = m.position(theme, v)
            who = f'<span class="av-matrix__who">{esc(v.name)}: </span>'
            if pos.addressed:
                first = pos.arguments[0]
                cells.append(
                    f"<td>\n<p>{who}{inline(pos.stance)}&nbsp;"  # the arrow never alone on a line
                    f'<a class="av-matrix__arg" href="{href(page, v.page, first.id)}" '
                    f'title="{esc(first.title)}" aria-label="{esc(v.name)}, argument: {esc(first.title)}">'
                    "→</a></p>\n</td>"
                )
            else:
                cells.append(f'<td class="av-na">\n<p>{who}Not addressed</p>\n</td>')
        rows.append(
            f'<tr>\n<th scope="row"><a href="{href(page, page, theme.id)}">{esc(theme.title)}</a></th>\n'
            + "\n".join(cells)
            + "\n</tr>"
        )
    return (
        '<div class="av-matrix-wrap">\n<table class="av-matrix">\n'
        "<caption>Where each viewpoint stands on each theme. The arrow after a stance leads to the "
        "argument it summarises; a theme leads to its section below.</caption>\n"
        # The header row stays out of the search index: its cells would run together there
        # ("ThemeExpert Alimited allies"), and every cell names its voice already.
        f'<thead data-search-exclude><tr><th scope="col">Theme</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</div>\n"
    )


def theme_sections(m: ArgumentMap, page: str = COMPARE_PAGE) -> str:
    out, quoted = [], set()
    for theme in m.themes:
        out.append(f"### {theme.title} {{ #{theme.id} }}\n\n{theme.question}\n")
        out.append('<div class="av-positions" markdown>\n')
        for v in m.viewpoints:
            if m.position(theme, v).addressed:
                out.append(position_card(m, theme, v, page, quoted))
        out.append("</div>\n")
        silent = [v.name for v in m.viewpoints if not m.position(theme, v).addressed]
        if silent:
            names = silent[0] if len(silent) == 1 else ", ".join(silent[:-1]) + " and " + silent[-1]
            out.append(f'<p class="av-na av-positions__silent">Not addressed by {esc(names)}.</p>\n')
    return "\n".join(out)


def position_card(m: ArgumentMap, theme: Theme, v: Viewpoint, page: str, quoted: set | None = None) -> str:
    """A voice on a theme: its arguments and, the first time an argument comes up on the page,
    the source's words for it (its stance is in the matrix above)."""
    pos = m.position(theme, v)
    quoted = set() if quoted is None else quoted
    args = " · ".join(f"[{md_escape(a.title)}]({link(page, v.page, a.id)})" for a in pos.arguments)
    first = pos.arguments[0]
    quote = ""
    if (v.id, first.id) not in quoted:
        quoted.add((v.id, first.id))
        # Folded on a phone, where the page would otherwise run to twenty screens; open on wider
        # screens and on paper (site.css).
        quote = (
            '<details class="av-quote" markdown>\n<summary data-search-exclude>The source\'s words</summary>\n\n'
            + "\n".join(first.quote)
            + "\n</details>"
        )
    return (
        f'<div class="av-position" markdown>\n<p class="av-position__who" markdown>**[{v.name}]({link(page, v.page)})**: '
        f"{args}</p>\n\n{quote}\n</div>\n"
    )


def points(m: ArgumentMap, items: list[Point], page: str = COMPARE_PAGE) -> str:
    lines = []
    for p in items:
        # The voice names the link (with the argument's title when the voice comes twice); the
        # title is its tooltip (the theme sections give the titles already).
        names = [v.name for v, _ in p.rests_on]
        refs = ", ".join(
            f"[{v.name if names.count(v.name) == 1 else v.name + ': ' + md_escape(a.title)}]"
            f'({link(page, v.page, a.id)} "{md_escape(a.title).replace(chr(34), chr(39))}")'
            for v, a in p.rests_on
        )
        lines.append(f'- {p.text} <span class="av-rests">Rests on {refs}.</span>')
    return "\n".join(lines) + "\n"


# --- Sources -------------------------------------------------------------------------------------


def link_title(s) -> str:
    """The tooltip of a link to the source: what the address really leads to."""
    return f"{s.publication}: {s.url_note or s.title}".replace(chr(34), chr(39))


def link_references(m: ArgumentMap) -> str:
    """Markdown link references for every source (`[the-hundred]`), appended to every page."""
    lines = [f'[{s.id}]: {s.url} "{link_title(s)}"' for s in m.sources]
    return "\n" + "\n".join(lines) + "\n"


def sources_page(m: ArgumentMap, page: str = SOURCES) -> str:
    out = []
    for s in m.sources:
        voices = [v for v in m.viewpoints if v.source is s]
        out.append(f"## *{md_escape(s.title)}* {{ #{s.id} }}\n")
        if s.subtitle:
            out.append(f"*{s.subtitle}*\n")
        out.append('<dl class="av-facts" markdown>')
        rows = [
            ("Publication", f"*{s.publication}*"),
            ("Address", f"<{s.url}>" + (f" ({s.url_note})" if s.url_note else "")),
            ("Author", s.author or "Not named in the source."),
            ("Date", s.date or s.date_note),
            ("Our copy", s.scope),
            ("Viewpoints", ", ".join(f"[{v.name}: {v.label}]({link(page, v.page)})" for v in voices)),
        ]
        if s.author_note:
            rows.insert(3, ("About the author" if s.author else "On the authors", s.author_note))
        for term, value in rows:
            out.append(f"<dt>{term}</dt>\n<dd markdown>{value}</dd>")
        out.append("</dl>\n")
        if s.known:
            out.append("What is known about it:\n")
            out += [f"- {fact}" for fact in s.known]
            out.append("")
    return "\n".join(out)
