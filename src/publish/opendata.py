"""The argument map as open data: a JSON document that data/argument-map.schema.json describes."""

from __future__ import annotations

from argmap.model import ArgumentMap
from pagekit.pages import COMPARE, html_path

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "note": "Our summaries, stances and data. Quotations remain their authors' and are cited.",
}


def document(m: ArgumentMap, site_url: str) -> dict:
    """The whole map, with absolute links into the hosted site."""
    base = site_url.rstrip("/") + "/"

    def url(page: str, anchor: str | None = None) -> str:
        return base + html_path(page) + (f"#{anchor}" if anchor else "")

    return {
        "$schema": "argument-map.schema.json",
        "title": "Are China and Russia allies? The argument map",
        "url": url(COMPARE),
        "licence": LICENCE,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publication": s.publication,
                "url": s.url,
                "url_note": s.url_note,
                "author": s.author,
                "date": s.date,
                "date_note": s.date_note,
                "scope": s.scope,
            }
            for s in m.sources
        ],
        "viewpoints": [
            {
                "id": v.id,
                "name": v.name,
                "label": v.label,
                "verdict": v.verdict,
                "author": v.author,
                "source": v.source.id,
                "url": url(v.page),
                "arguments": [{"id": a.id, "title": a.title, "url": url(v.page, a.id)} for a in v.arguments.values()],
            }
            for v in m.viewpoints
        ],
        "themes": [
            {
                "id": t.id,
                "title": t.title,
                "question": t.question,
                "url": url(COMPARE, t.id),
                "positions": [
                    {
                        "viewpoint": v.id,
                        "addressed": p.addressed,
                        "stance": p.stance,
                        "arguments": [a.id for a in p.arguments],
                    }
                    for v in m.viewpoints
                    for p in [m.position(t, v)]
                ],
            }
            for t in m.themes
        ],
        "agreement": {
            side: [
                {
                    "id": p.id,
                    "point": p.text,
                    "rests_on": [{"viewpoint": v.id, "argument": a.id} for v, a in p.rests_on],
                }
                for p in points
            ]
            for side, points in (("agree", m.agree), ("disagree", m.disagree))
        },
    }
