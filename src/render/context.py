"""Renders the context pages (timeline, glossary) as Markdown, the label spectrum as HTML with
Markdown links (so MkDocs validates them), and makes glossary tooltips reachable by keyboard."""

from __future__ import annotations

import re

from argmap.context import Context, Event, Ref, Term
from argmap.model import ArgumentMap
from argmap.schema import BANDS
from pagekit.pages import GLOSSARY as GLOSSARY_PAGE
from pagekit.pages import TIMELINE as TIMELINE_PAGE

from .argument_map import esc, in_words, link, md_escape

SPECTRUM_ENDS = ("allies", "not allies")  # the ends of the bands of data/viewpoints.yml


def ref_link(ref: Ref, page: str) -> str:
    v, a = ref.viewpoint, ref.argument
    return f"[{md_escape(v.name)}: {md_escape(a.title)}]({link(page, v.page, a.id)})"


def event_heading(event: Event) -> str:
    return f'<time datetime="{event.iso}">{esc(event.date)}</time>: {event.title}'


# --- Timeline ------------------------------------------------------------------------------------


def timeline(ctx: Context, page: str = TIMELINE_PAGE) -> str:
    out = ['<div class="av-timeline" markdown>', ""]
    for e in ctx.timeline:
        out += [f"## {event_heading(e)} {{ #{e.id} }}", "", e.text, "", '<div class="av-event__links" markdown>', ""]
        out.append(f"- **Source:** [{e.publisher}]({e.source})")
        if e.mentioned_in:
            out.append("- **Mentioned in:** " + "; ".join(ref_link(r, page) for r in e.mentioned_in))
        if e.background_to:
            out.append("- **Background to:** " + "; ".join(ref_link(r, page) for r in e.background_to))
        if not e.mentioned_in and not e.background_to:
            out.append('- <span class="av-na">No viewpoint refers to this event.</span>')
        out += ["", "</div>", ""]
    return "\n".join(out + ["</div>", ""])


# --- Glossary ------------------------------------------------------------------------------------


def sort_key(term: Term) -> str:
    return re.sub(r"[^a-z ]", "", term.term.lower())


def glossary(ctx: Context, page: str = GLOSSARY_PAGE) -> str:
    terms = sorted(ctx.glossary, key=sort_key)
    out = ["Terms: " + " · ".join(f"[{md_escape(t.term)}](#{t.id})" for t in terms) + "\n{ .av-glossary-index }", ""]
    for t in terms:
        out += [
            f"## {t.term} {{ #{t.id} }}",
            "",
            t.definition,
            "",
            '<div class="av-term-uses" markdown>',
            "",
            '<p class="av-term-uses__title">In the viewpoints</p>',
            "",
        ]
        out += [f"- {ref_link(u.ref, page)}. {u.how}" for u in t.uses]
        if t.timeline:
            events = " · ".join(
                f"[{esc(e.date)}: {md_escape(e.title)}]({link(page, TIMELINE_PAGE, e.id)})" for e in t.timeline
            )
            out += ["", f"**On the timeline:** {events}"]
        out += ["", "</div>", ""]
    return "\n".join(out)


# --- Label spectrum ------------------------------------------------------------------------------


def spectrum(m: ArgumentMap, page: str) -> str:
    """The verdicts read in order from "allies" to "not allies": a few named bands, not a measured
    scale, each voice with the reason for its placing. Bands in order, voices in the data's order."""
    allies, not_allies = SPECTRUM_ENDS
    bands = []
    for band in BANDS:
        voices = [v for v in m.viewpoints if v.spectrum.band == band]
        items = (
            "\n".join(
                f'<li class="av-spectrum__item" markdown="span">'
                f"[{md_escape(v.name)} <q>{esc(v.label)}</q>]({link(page, v.page)}) "  # a space: search reads it
                f'<span class="av-spectrum__why">{v.spectrum.why}</span></li>'
                for v in voices
            )
            or '<li class="av-spectrum__item av-spectrum__item--none">No voice</li>'
        )
        bands.append(
            f'<li class="av-spectrum__band" markdown="block">\n'
            f'<p class="av-spectrum__band-name">{esc(band.capitalize())}</p>\n'
            f'<ul class="av-spectrum__voices" markdown="block">\n{items}\n</ul>\n</li>'
        )
    return (
        '<figure class="av-spectrum" markdown>\n'
        f'<figcaption markdown="span">Where the {in_words(len(m.viewpoints))} verdicts fall, from “{allies}” '
        f"to “{not_allies}”: bands of our editorial reading, not the authors' own and not a measure, "
        "each placing with its reason.</figcaption>\n"
        f'<div class="av-spectrum__scale" aria-hidden="true" data-search-exclude><span>{allies.capitalize()}</span>'
        f"<span>{not_allies.capitalize()}</span></div>\n"
        '<ol class="av-spectrum__bands" markdown="block">\n' + "\n".join(bands) + "\n</ol>\n</figure>\n"
    )


# --- Tooltips ------------------------------------------------------------------------------------


def tooltips(ctx: Context) -> str:
    """The glossary's tooltips as abbreviation definitions (`*[key]: tooltip`), appended to every
    page's Markdown: the abbr extension turns each key into an <abbr title> wherever it appears."""
    return "\n".join(f"*[{key}]: {tooltip}" for key, tooltip in ctx.abbreviations.items())


TAGS = re.compile(r"<(/?)(a|abbr)\b([^>]*)>", re.I)


def focusable_terms(html: str) -> str:
    """Lets the keyboard reach the first tooltip of each term on a page (Material shows a tooltip
    on focus as on hover). Later repeats stay out of the tab order, and so does a term inside a
    link, where a focusable element is not allowed."""
    seen: set[str] = set()
    depth = 0

    def visit(match: re.Match) -> str:
        nonlocal depth
        closing, tag, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if tag == "a":
            depth = max(0, depth - 1) if closing else depth + 1
            return match.group(0)
        title = re.search(r'\btitle="([^"]*)"', attrs)
        if closing or depth or not title or "tabindex" in attrs or title.group(1) in seen:
            return match.group(0)
        seen.add(title.group(1))
        return f'<abbr{attrs} tabindex="0">'

    return TAGS.sub(visit, html)
