"""Where generated content goes in a page: a marker comment that names the file filling it
(`<!-- src/mkdocs_adapter/comparison_page.py: matrix -->`), and sections."""

from __future__ import annotations

from argmap.model import ContentError
from pagekit.markdown import heading, lines


def marker(source: str, name: str) -> str:
    return f"<!-- {source}: {name} -->"


def fill(markdown: str, page: str, source: str, parts: dict[str, str]) -> str:
    """Replaces each marker `<!-- SOURCE: NAME -->` with its generated part (SOURCE: the file that
    generates it, such as src/mkdocs_adapter/comparison_page.py).

    The marker stays in front of the part, so a reader of the built page's source can still see
    where the content comes from. A missing marker is a content error.
    """
    for name, content in parts.items():
        tag = marker(source, name)
        if markdown.count(tag) != 1:
            raise ContentError(
                f"docs/{page}",
                f"marker {tag}",
                "must appear exactly once on the page",
                f"put the line {tag} where the generated {name} belongs",
            )
        if _in_fence(markdown, tag):
            raise ContentError(
                f"docs/{page}",
                f"marker {tag}",
                f"is inside a code fence, so the generated {name} would show as code",
                "move the marker out of the ``` fence",
            )
        markdown = markdown.replace(tag, f"{tag}\n\n{content}\n")
    return markdown


def _in_fence(markdown: str, tag: str) -> bool:
    """Is the marker code (fenced, or indented four spaces), so that Markdown would show it as such?"""
    line = next((line for line in lines(markdown) if tag in line.text), None)
    return bool(line and (line.code or line.text.startswith("    ")))


def after_sections(markdown: str, boxes: dict[str, str]) -> str:
    """Appends boxes[id] at the end of the h3 section whose heading id is `id`."""
    out: list[str] = []
    open_id = None
    for line in lines(markdown):
        found = heading(line)
        if found and found.id and found.level <= 3:
            if open_id in boxes:
                out += ["", boxes[open_id]]
            open_id = found.id if found.level == 3 else None
        out.append(line.text)
    if open_id in boxes:
        out += ["", boxes[open_id]]
    return "\n".join(out) + "\n"
