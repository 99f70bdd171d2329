"""The registry of published targets (anchors.txt): every page and heading id a reader may link to.

Usage: anchors.py update SITE_DIR [REGISTRY]   add the built site's new targets (never removes one)
       anchors.py check SITE_DIR [REGISTRY]    list registry targets a build no longer reaches

A target is `page.html` or `page.html#id`, for every h2/h3 id inside a page's content. A target
stays reachable when its page moved behind a redirect (mkdocs-redirects) and when a renamed
section keeps its old id as an alias (data/aliases.yml).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

REGISTRY = Path(__file__).resolve().parent.parent / "anchors.txt"
HEADER = ("# Published link targets: every page and section a reader may have linked to. Sorted.\n"
          "# Never delete a line: keep the target alive with a redirect or an alias. `make anchors` adds new ones.\n")
HEADING_ID = re.compile(r"<h[23][^>]*\sid=\"([^\"]+)\"")
ANY_ID = re.compile(r"\sid=\"([^\"]+)\"")
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')
# Pages whose ids are not promised (generated copies of other pages' sections).
NO_SECTION_TARGETS = {"one-page.html", "print_page.html", "404.html"}


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
            found.update(f"{rel}#{hid}" for hid in HEADING_ID.findall(text))
    return found


def read(registry: Path = REGISTRY) -> list[str]:
    if not registry.exists():
        return []
    return [line.strip() for line in registry.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


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


def lost(site: Path, entries: list[str]) -> list[str]:
    """Registry targets a build no longer reaches, each with the reason."""
    problems = []
    for entry in entries:
        page, _, anchor = entry.partition("#")
        path = resolve(site, page)
        if path is None:
            problems.append(f"{entry}: page {page} is gone (add a redirect in mkdocs.yml redirect_maps)")
        elif anchor and anchor not in ANY_ID.findall(path.read_text(encoding="utf-8")):
            problems.append(f"{entry}: no element with id {anchor!r} on {path.relative_to(site.resolve()) if path.is_relative_to(site.resolve()) else path.name} "
                            f"(keep the old id as an alias in data/aliases.yml)")
    return problems


def main(argv):
    if len(argv) < 2 or argv[0] not in ("update", "check"):
        sys.exit(__doc__)
    site = Path(argv[1]).resolve()
    registry = Path(argv[2]) if len(argv) > 2 else REGISTRY
    entries = read(registry)
    if argv[0] == "update":
        new = sorted(targets(site) - set(entries))
        write(entries + new, registry)
        print(f"{len(new)} new targets added to {registry.name}" + "".join(f"\n  {n}" for n in new))
    problems = lost(site, read(registry))
    if problems:
        sys.exit("Lost targets:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    main(sys.argv[1:])
