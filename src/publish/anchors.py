"""The registry of published targets (anchors.txt): every page and heading id a reader may link to.

Plain Python: src/mkdocs_adapter/permalinks.py fails every strict build that loses a target, and tools/anchors.py
is the command line (`make anchors`). A target is `page.html` or `page.html#id`, for every h2/h3 id inside a page's content. A target
stays reachable when its page moved behind a redirect (mkdocs-redirects) and when a renamed
section keeps its old id as an alias (data/aliases.yml).
"""

from __future__ import annotations

import re
from pathlib import Path

from pagekit.headings import heading_ids, ids
from pagekit.pages import NOT_CONTENT, md_path

REGISTRY = Path(__file__).resolve().parents[2] / "anchors.txt"
HEADER = (
    "# Published link targets: every page and section a reader may have linked to. Sorted.\n"
    "# Never delete a line: keep the target alive with a redirect or an alias. `make anchors` adds new ones.\n"
)
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
# Pages whose ids are not promised (generated copies of other pages' sections).
NO_SECTION_TARGETS = NOT_CONTENT


def targets(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        text = page.read_text(encoding="utf-8")
        if rel == "404.html" or REDIRECT.search(text):
            continue
        if rel.startswith("editions/"):  # frozen editions keep their targets by never changing
            continue
        found.add(rel)
        if rel not in NO_SECTION_TARGETS:
            found.update(f"{rel}#{hid}" for hid in heading_ids(text, "23"))
    return found


def read(registry: Path = REGISTRY) -> list[str]:
    if not registry.exists():
        return []
    return [
        line.strip()
        for line in registry.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def write(entries, registry: Path = REGISTRY) -> None:
    registry.write_text(HEADER + "".join(f"{e}\n" for e in sorted(set(entries))), encoding="utf-8")


def resolve(site: Path, page: str, hops: int = 5) -> Path | None:
    """The file a page path serves, following mkdocs-redirects' refresh pages."""
    path = site / page
    for _ in range(hops):
        if not path.is_file():
            return None
        match = REDIRECT.search(path.read_text(encoding="utf-8"))
        if not match:
            return path
        path = (path.parent / match.group(1).split("#")[0]).resolve()
    return None


def lost_targets(site: Path, entries: list[str]) -> list[tuple[str, str, str]]:
    """(target, problem, fix) for each registry target a build no longer reaches."""
    site = site.resolve()
    problems = []
    for entry in entries:
        page, _, anchor = entry.partition("#")
        path = resolve(site, page)
        source = md_path(page)
        if path is None:
            problems.append(
                (
                    entry,
                    f"page {page} is gone",
                    f"restore docs/{source}, or add a redirect `{source}: new-page.md` in "
                    "mkdocs.yml (plugins > redirects > redirect_maps)",
                )
            )
        elif anchor and anchor not in ids(path.read_text(encoding="utf-8")):
            where = path.relative_to(site).as_posix() if path.is_relative_to(site) else path.name
            problems.append(
                (
                    entry,
                    f"no element with id {anchor!r} on {where} any more",
                    f"restore the id (in the page or the data file it comes from), or keep it alive "
                    f"as an alias: under `{md_path(where)}:` in data/aliases.yml "
                    f"add `{anchor}: the-new-id`",
                )
            )
    return problems


def lost(site: Path, entries: list[str]) -> list[str]:
    """Registry targets a build no longer reaches, each with the reason."""
    return [f"{entry}: {problem} ({fix})" for entry, problem, fix in lost_targets(site, entries)]
