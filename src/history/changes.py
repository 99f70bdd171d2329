"""What the living site derives from the editions record: each page's dates, the changes between
one edition and the one before (argument by argument), and changes.html's Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from pagekit.pages import CHANGES, COMPARE, html_path, md_path

from .record import Edition


def long_date(iso: str) -> str:
    d = Date.fromisoformat(iso)
    return f"{d.day} {d:%B} {d.year}"


def time_tag(iso: str) -> str:
    return f'<time datetime="{iso}">{long_date(iso)}</time>'


@dataclass(frozen=True)
class Dates:
    first: str | None  # the first edition that published the page
    revised: str | None  # the last edition in which its text changed (first, if never)
    pending: bool  # the living text differs from the latest edition's


def page_dates(editions: list[Edition], path: str, current_text: str | None = None) -> Dates:
    first = revised = None
    previous = None
    for e in editions:
        fp = e.pages.get(path)
        if fp is None:
            previous = None
            continue
        if first is None:
            first = e.date
        if previous is None or fp["text"] != previous:
            revised = e.date
        previous = fp["text"]
    latest = editions[-1].pages.get(path) if editions else None
    pending = current_text is not None and (latest is None or latest["text"] != current_text)
    return Dates(first, revised, pending)


HISTORY_PAGE = html_path(CHANGES)  # grows with every edition by design: not listed as a change


@dataclass(frozen=True)
class Change:
    kind: str  # "argument", "stance", "anchor", "page"
    what: str  # added, reworded, removed, retired
    key: str  # id, theme/viewpoint, page#anchor or page
    title: str
    page: str  # page path (.html) the item lives on
    anchor: str | None
    alias: str | None = None  # for a retired anchor: the id it now leads to


def diff(before: Edition | None, after: Edition, aliases: dict) -> list[Change]:
    """The changes from `before` (None: nothing published yet) to `after`.

    `aliases` is data/aliases.yml: page.md -> {old id: current id}."""
    old_args = before.arguments if before else {}
    old_stances = before.stances if before else {}
    old_pages = before.pages if before else {}
    out: list[Change] = []
    for key in sorted(set(old_args) | set(after.arguments)):
        a, b = old_args.get(key), after.arguments.get(key)
        if a and b and a["text"] == b["text"]:
            continue
        what = "added" if not a else "removed" if not b else "reworded"
        item = b or a
        out.append(Change("argument", what, key, item["title"], item["page"], key))
    for key in sorted(set(old_stances) | set(after.stances)):
        a, b = old_stances.get(key), after.stances.get(key)
        ta, tb = (a or {}).get("text"), (b or {}).get("text")
        if ta == tb:
            continue
        what = "added" if ta is None else "removed" if tb is None else "reworded"
        item = b or a
        out.append(Change("stance", what, key, item["title"], html_path(COMPARE), item["theme"]))
    for path in sorted((set(old_pages) | set(after.pages)) - {HISTORY_PAGE}):
        a, b = old_pages.get(path), after.pages.get(path)
        if not a or not b:
            out.append(Change("page", "added" if b else "removed", path, (b or a)["title"], path, None))
            continue
        if a["text"] != b["text"]:
            out.append(Change("page", "revised", path, b["title"], path, None))
        page_aliases = aliases.get(md_path(path)) or {}
        known = set(after.arguments)
        for anchor in b["anchors"]:
            if anchor not in a["anchors"] and anchor not in known:
                out.append(Change("anchor", "added", f"{path}#{anchor}", anchor, path, anchor))
        for anchor in a["anchors"]:
            if anchor not in b["anchors"]:
                alias = page_aliases.get(anchor)
                out.append(
                    Change("anchor", "retired" if alias else "removed", f"{path}#{anchor}", anchor, path, anchor, alias)
                )
    return out


KIND_ORDER = ("argument", "stance", "page", "anchor")
LABELS = {
    "argument": "Arguments",
    "stance": "Stances on the comparison page",
    "page": "Pages",
    "anchor": "Link targets (anchors)",
}


def render(editions: list[Edition], aliases: dict, frozen_base: str, living_targets: dict[str, set[str]]) -> str:
    """changes.html's list, newest edition first, as Markdown.

    frozen_base: the public address below which the frozen editions live. living_targets: page.md -> its ids today; a
    living link is written only to what exists now, so that MkDocs can check every one."""
    if not editions:
        return (
            "No edition has been cut yet. The first edition will be listed here with its date, "
            "a summary and what it published."
        )
    blocks = []
    for index in range(len(editions) - 1, -1, -1):
        e = editions[index]
        before = editions[index - 1] if index else None
        root = frozen_base + e.folder
        lines = [
            f"## Edition of {long_date(e.date)} {{ #edition-{e.date} }}",
            "",
            f"{e.summary.strip()}",
            "",
            f"Frozen copy: [{e.address}]({root}index.html). Published from commit `{e.commit[:12]}`.",
            "",
        ]
        changes = diff(before, e, aliases)
        if before is None:
            lines += [
                f"The first edition: {len(e.pages)} pages, {len(e.arguments)} arguments and "
                f"{sum(1 for s in e.stances.values() if s['text'] is not None)} stances.",
                "",
            ]
            changes = []
        elif not changes:
            lines += ["No change to the text since the edition before.", ""]
        for kind in KIND_ORDER:
            items = [c for c in changes if c.kind == kind]
            if not items:
                continue
            lines += [f"{LABELS[kind]}:", ""]
            for c in items:
                # What is gone is linked where it was last published: the edition before.
                gone = c.what in ("removed", "retired")
                lines.append("- " + _item(c, frozen_base + before.folder if gone else root, living_targets))
            lines.append("")
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _item(c: Change, frozen_root: str, living_targets: dict[str, set[str]]) -> str:
    fragment = f"#{c.anchor}" if c.anchor else ""
    frozen = f"[frozen]({frozen_root}{c.page}{fragment})"
    md = md_path(c.page)
    living_anchor = c.alias if c.what == "retired" else c.anchor
    living = ""
    if md in living_targets and (living_anchor is None or living_anchor in living_targets[md]):
        living = f"[living]({md}{'#' + living_anchor if living_anchor else ''})"
    links = ", ".join(x for x in (living, frozen) if x)
    name = f"{c.what} `#{c.anchor}`" if c.kind == "anchor" else f"{c.what}: {c.title}"
    if c.kind == "anchor" and c.what == "retired":
        name += f", now an alias of `#{c.alias}`"
    if c.kind == "argument":
        name += f" (`#{c.key}`)"
    return f"{name[0].upper()}{name[1:]}" + (f" ({links})" if links else "")
