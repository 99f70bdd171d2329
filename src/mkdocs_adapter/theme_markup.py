"""Valid markup where Material's base.html has no block to extend: its two toggle checkboxes; and
each page's front matter checked against its schema (argmap/schema.py), since the theme writes it
into the head (a straight double quote in `description:` would end the meta tag's attribute).

The drawer and search toggles carry autocomplete="off", which HTML allows on text-like inputs
only (the Nu checker rejects it on checkboxes, squidfunk/mkdocs-material#1513). Material added it
so Firefox forgets the toggles' state on reload; without it, a drawer left open stays open after
a reload in Firefox, nothing more. The inputs sit outside every block, so the build edits them.
"""

from pathlib import Path

import yaml

from argmap import ContentError
from argmap.schema import FrontMatter, field_lines, validate

TOGGLES = ("drawer", "search")


def check_front_matter(page):
    path = f"docs/{page.file.src_uri}"
    if page.file.abs_src_path is None:
        return  # generated, no front matter
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    head = text.split("\n---", 1)[0] if text.startswith("---") else ""
    try:
        # MkDocs drops front matter it cannot read without a word; read it again to say why.
        meta = yaml.safe_load(head.removeprefix("---")) if head else {}
        validate(FrontMatter, meta or {}, path, field_lines(head), item="front matter")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(error, "problem", None) or "cannot be read"
        raise ContentError(
            where,
            "front matter",
            f"is not valid YAML ({problem})",
            "put a value that holds `: ` or starts with a quote in single quotes, e.g. description: 'Text: more text'",
        ) from None


def without_toggle_autocomplete(html: str) -> str:
    for name in TOGGLES:
        html = html.replace(f'type="checkbox" id="__{name}" autocomplete="off">', f'type="checkbox" id="__{name}">', 1)
    return html
