"""Where generated content goes in a page: a marker comment that names the hook, and sections."""
from __future__ import annotations

from .model import HEADING, ContentError


def marker(hook: str, name: str) -> str:
    return f"<!-- hooks/{hook}.py: {name} -->"


def fill(markdown: str, page: str, hook: str, parts: dict[str, str]) -> str:
    """Replaces each marker `<!-- hooks/HOOK.py: NAME -->` with its generated part.

    The marker stays in front of the part, so a reader of the built page's source can still see
    where the content comes from. A missing marker is a content error.
    """
    for name, content in parts.items():
        tag = marker(hook, name)
        if markdown.count(tag) != 1:
            raise ContentError(f"docs/{page}", f"marker {tag}", "must appear exactly once on the page",
                               f"put the line {tag} where the generated {name} belongs")
        if _in_fence(markdown, tag):
            raise ContentError(f"docs/{page}", f"marker {tag}", "is inside a code fence, so the generated "
                               f"{name} would show as code", "move the marker out of the ``` fence")
        markdown = markdown.replace(tag, f"{tag}\n\n{content}\n")
    return markdown


def _in_fence(markdown: str, tag: str) -> bool:
    fence = None
    for line in markdown.splitlines():
        marker = line.lstrip()[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else (fence or marker)
        elif tag in line:
            return fence is not None or line.startswith("    ")
    return False


def after_sections(markdown: str, boxes: dict[str, str]) -> str:
    """Appends boxes[id] at the end of the h3 section whose heading id is `id`."""
    out: list[str] = []
    open_id = None
    in_fence = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match and len(match.group(1)) <= 3:
            if open_id in boxes:
                out += ["", boxes[open_id]]
            open_id = match.group(3) if len(match.group(1)) == 3 else None
        out.append(line)
    if open_id in boxes:
        out += ["", boxes[open_id]]
    return "\n".join(out) + "\n"
