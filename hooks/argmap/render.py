"""Renders the argument map as Markdown (links MkDocs validates) and, for the matrix, HTML.

Every function takes the loaded ArgumentMap and the path (relative to docs/) of the page the
output goes on, so that links are relative and work from disk as well as on the web.
"""
from __future__ import annotations

import html
import posixpath

from .model import Argument, ArgumentMap, Point, Theme, Viewpoint

COMPARE_PAGE = "compare.md"


def link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from one docs page to another (or to itself)."""
    target = "" if to_page == from_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """The same target as a built-site URL, for raw HTML (use_directory_urls is off)."""
    target = link(from_page, to_page, anchor)
    path, _, frag = target.partition("#")
    path = path[:-3] + ".html" if path.endswith(".md") else path
    return f"{path}#{frag}" if frag else path


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
    # The box's label names the voice: the one-page edition holds all four boxes, and landmarks
    # on one page need distinct labels (axe: landmark-unique).
    return f"""<div class="av-verdict" markdown>
<p class="av-verdict__label">Verdict of {esc(v.name)}: <q>{esc(v.label)}</q></p>

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
<dd markdown>{s.scope} More in [Sources]({link(v.page, 'sources.md', s.id)}).</dd>
</dl>
</aside>
"""


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
        + "\n".join(items) + "\n</div>\n"
    )


def not_addressed(m: ArgumentMap, v: Viewpoint) -> str:
    silent = [t for t in m.themes if not m.position(t, v).addressed]
    if not silent:
        return f"{v.name} touches on every theme of the [comparison]({link(v.page, COMPARE_PAGE, 'matrix')})."
    lines = [f"Of the themes in the [comparison]({link(v.page, COMPARE_PAGE, 'matrix')}), "
             f"this viewpoint does not take up these:", ""]
    lines += [f"- [{t.title}]({link(v.page, COMPARE_PAGE, t.id)}): {t.question}" for t in silent]
    return "\n".join(lines) + "\n"


def verdicts(m: ArgumentMap, page: str) -> str:
    """The verdicts at a glance (home page): one line each, linking to the viewpoint."""
    lines = ['<div class="av-verdicts" markdown>', ""]
    for v in m.viewpoints:
        lines.append(f"- **[{v.name}]({link(page, v.page)})** (*{v.source.publication}*): "
                     f"<q>{esc(v.label)}</q>. {v.verdict} "
                     f"[Arguments]({link(page, v.page, 'arguments')})")
    return "\n".join(lines + ["", "</div>", ""])


# --- The comparison page -------------------------------------------------------------------------

def matrix(m: ArgumentMap, page: str = COMPARE_PAGE) -> str:
    """Themes as rows, viewpoints as columns. HTML for caption and scope; every link target here
    was checked when the map was loaded, and tests check the built links."""
    head = "".join(
        f'<th scope="col"><a href="{href(page, v.page)}">{esc(v.name)}</a>'
        f'<span class="av-matrix__label">{esc(v.label)}</span></th>' for v in m.viewpoints)
    rows = []
    for theme in m.themes:
        cells = []
        for v in m.viewpoints:
            pos = m.position(theme, v)
            if pos.addressed:
                first = pos.arguments[0]
                cells.append(f'<td data-label="{esc(v.name)}"><a href="{href(page, v.page, first.id)}">'
                             f"{inline(pos.stance)}</a></td>")
            else:
                cells.append(f'<td data-label="{esc(v.name)}" class="av-na">Not addressed</td>')
        rows.append(f'<tr><th scope="row"><a href="{href(page, page, theme.id)}">{esc(theme.title)}</a></th>'
                    + "".join(cells) + "</tr>")
    return (
        '<div class="av-matrix-wrap">\n<table class="av-matrix">\n'
        "<caption>Where each viewpoint stands on each theme. A stance links to the argument it "
        "summarises; a theme links to its section below.</caption>\n"
        f'<thead><tr><th scope="col">Theme</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n"
    )


def theme_sections(m: ArgumentMap, page: str = COMPARE_PAGE) -> str:
    out = []
    for theme in m.themes:
        out.append(f"### {theme.title} {{ #{theme.id} }}\n\n{theme.question}\n")
        out.append('<div class="av-positions" markdown>\n')
        for v in m.viewpoints:
            out.append(position_card(m, theme, v, page))
        out.append("</div>\n")
    return "\n".join(out)


def position_card(m: ArgumentMap, theme: Theme, v: Viewpoint, page: str) -> str:
    pos = m.position(theme, v)
    name = f"**[{v.name}]({link(page, v.page)})** <q>{esc(v.label)}</q>"
    if not pos.addressed:
        return (f'<div class="av-position av-position--na" markdown>\n{name}\n\n'
                f'<span class="av-na">Not addressed.</span>\n</div>\n')
    args = " · ".join(f"[{md_escape(a.title)}]({link(page, v.page, a.id)})" for a in pos.arguments)
    quote = "\n".join(pos.arguments[0].quote)
    return (f'<div class="av-position" markdown>\n{name}\n\n{pos.stance}\n\n'
            f'<span class="av-position__args">Argument: {args}</span>\n\n{quote}\n</div>\n')


def points(m: ArgumentMap, items: list[Point], page: str = COMPARE_PAGE) -> str:
    lines = []
    for p in items:
        refs = ", ".join(f"[{v.name}: {md_escape(a.title)}]({link(page, v.page, a.id)})" for v, a in p.rests_on)
        lines.append(f"- {p.text} <span class=\"av-rests\">Rests on {refs}.</span>")
    return "\n".join(lines) + "\n"


# --- Sources -------------------------------------------------------------------------------------

def link_title(s) -> str:
    """The tooltip of a link to the source: what the address really leads to."""
    return f"{s.publication}: {s.url_note or s.title}".replace(chr(34), chr(39))


def link_references(m: ArgumentMap) -> str:
    """Markdown link references for every source (`[the-hundred]`), appended to every page."""
    lines = [f'[{s.id}]: {s.url} "{link_title(s)}"' for s in m.sources]
    return "\n" + "\n".join(lines) + "\n"


def sources_page(m: ArgumentMap, page: str = "sources.md") -> str:
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
