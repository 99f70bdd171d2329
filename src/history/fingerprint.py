"""What an edition published, in a form that can be compared: per page its title, a hash of its
text and its heading ids; per argument and per stance its title and a hash of its text.

Page hashes are taken from the rendered text of the page's content (tags dropped, spaces collapsed,
download sizes and the build's own address blanked): a reworded sentence changes it, a change of markup or of a file size does
not. Argument and stance hashes are taken from the data (the argument's Markdown, the stance), so
the list of changes names exactly what was reworded.
"""

from __future__ import annotations

import hashlib
import re

from pagekit.headings import heading_ids
from pagekit.pages import html_path
from pagekit.text import visible_text

SIZE = re.compile(r"\b\d+(?:\.\d+)? (?:bytes|kB|MB)\b")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def page(title: str, content_html: str, own_address: str = "") -> dict:
    """A page's fingerprint from its content HTML (before the theme wraps it). The build's own
    address (an edition's is its own) is blanked where the text prints it, as file sizes are."""
    text = SIZE.sub("SIZE", visible_text(content_html))
    if own_address:
        text = text.replace(own_address, "SITE/")
    return {"title": title, "text": digest(text), "anchors": heading_ids(content_html)}


def argument_map(m) -> tuple[dict, dict]:
    """Arguments and stances of the argument map (src/argmap): id -> fingerprint.

    Reads only ids, titles and texts, so that it does not depend on how the map is loaded."""
    arguments, stances = {}, {}
    for v in m.viewpoints:
        for a in v.arguments.values():
            arguments[a.id] = {
                "page": html_path(v.page),
                "viewpoint": v.id,
                "title": a.title,
                "text": digest(" ".join(f"{a.title}\n{a.body}".split())),
            }
    names = {v.id: v.name for v in m.viewpoints}
    for (theme_id, viewpoint_id), p in sorted(m.positions.items()):
        stance = p.stance if p.stance is not None else ""
        stances[f"{theme_id}/{viewpoint_id}"] = {
            "theme": theme_id,
            "viewpoint": viewpoint_id,
            "title": f"{names.get(viewpoint_id, viewpoint_id)} on {p.theme.title}",
            "text": digest(" ".join(stance.split())) if p.stance is not None else None,
        }
    return arguments, stances
