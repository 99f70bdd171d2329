"""The argument map: viewpoints, sources, themes, positions and points of (dis)agreement.

Loaded from data/*.yml and the viewpoint pages' Markdown, and checked as a whole. Plain Python with
no MkDocs import: src/mkdocs_adapter/ wraps it, the tests call it directly. Every content mistake raises
ContentError naming the file, the item and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pagekit.markdown import heading, lines

# Section ids every viewpoint page has (argument ids must differ from them), and the comparison
# page's (theme ids must differ): pagekit/pages.py lists every page's.
from pagekit.pages import COMPARE_SECTIONS
from pagekit.pages import VIEWPOINT_SECTIONS as PAGE_SECTIONS

from .errors import ID, ID_RULE, NOT_ADDRESSED, ContentError

STANCE_MAX_WORDS = 25


@dataclass
class Argument:
    id: str
    title: str
    quote: list[str]  # the Markdown lines of its blockquote, attribution included
    body: str  # the section's Markdown, heading excluded


@dataclass
class Page:
    """What the checks need from a viewpoint page's Markdown."""

    path: str  # relative to docs/
    h2: list[tuple[str, str]]  # (id, title)
    arguments: list[Argument]
    ids: list[str]  # every explicit heading id, in order
    title: str = ""  # the h1, without its id


@dataclass
class Source:
    id: str
    title: str
    publication: str
    url: str
    author: str | None
    author_note: str
    date: str | None
    date_note: str
    scope: str
    known: list[str]
    subtitle: str | None = None
    url_note: str | None = None  # set when url is not the text's own address (e.g. a home page)


@dataclass(frozen=True)
class Placement:
    band: str  # one of BANDS
    why: str  # the reason, in our words (Markdown)


@dataclass
class Viewpoint:
    id: str
    page: str
    name: str
    label: str
    verdict: str
    source: Source
    author: str | None
    spectrum: Placement
    arguments: dict[str, Argument] = field(default_factory=dict)


@dataclass
class Theme:
    id: str
    title: str
    question: str


@dataclass
class Position:
    theme: Theme
    viewpoint: Viewpoint
    stance: str | None  # None: not addressed
    arguments: list[Argument] = field(default_factory=list)

    @property
    def addressed(self) -> bool:
        return self.stance is not None


@dataclass
class Point:
    id: str
    text: str
    rests_on: list[tuple[Viewpoint, Argument]]


@dataclass
class ArgumentMap:
    viewpoints: list[Viewpoint]
    sources: list[Source]
    themes: list[Theme]
    positions: dict[tuple[str, str], Position]  # (theme id, viewpoint id)
    agree: list[Point]
    disagree: list[Point]

    def viewpoint(self, vid: str) -> Viewpoint:
        return next(v for v in self.viewpoints if v.id == vid)

    def position(self, theme: Theme, viewpoint: Viewpoint) -> Position:
        return self.positions[(theme.id, viewpoint.id)]

    def themes_of(self, viewpoint: Viewpoint, argument: Argument) -> list[Theme]:
        """The themes whose position for this viewpoint rests on this argument."""
        return [t for t in self.themes if argument in self.position(t, viewpoint).arguments]

    def unmapped_arguments(self) -> list[tuple[Viewpoint, Argument]]:
        return [(v, a) for v in self.viewpoints for a in v.arguments.values() if not self.themes_of(v, a)]


# --- Reading files -------------------------------------------------------------------------------


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML with duplicate mapping keys refused: PyYAML would silently keep the last one.
    On libyaml's parser where PyYAML has it (its wheels do): the pure-Python one is ~10x slower."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(root: Path, name: str):
    return read_yaml_lines(root, name)[0]


def read_yaml_lines(root: Path, name: str) -> tuple[object, dict[tuple, int]]:
    """The file's data, and the line of each key and list item by its path, e.g.
    lines[(3, "title")]: what a message needs to point an editor at the place to fix."""
    path = root / name
    if not path.is_file():
        raise ContentError(name, "file", "is missing", f"create {name} (see CONTRIBUTING.md)")
    loader = _UniqueKeyLoader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(
            name,
            where,
            f"is not valid YAML ({problem})",
            "correct the syntax at that line (indentation, colons, quotes)",
        ) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    _record_lines(node, (), lines)
    return data, lines


def _record_lines(node, path: tuple, lines: dict):
    if node is None:
        return
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key_node.tag.endswith(":int") and key.isdigit():
                key = int(key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _record_lines(value, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for n, value in enumerate(node.value):
            _record_lines(value, (*path, n), lines)


def at(file: str, lines: dict, *path) -> str:
    """`file:line` for the key or item at path, or the file alone if the line is not known."""
    line = lines.get(tuple(path))
    return f"{file}:{line}" if line else file


def read_page(docs: Path, rel: str, where: str) -> Page:
    """Reads headings, argument sections and their quotes from a viewpoint page."""
    path = docs / rel
    if not path.is_file():
        raise ContentError(where, rel, "names a page that does not exist", f"create docs/{rel} or correct the path")
    h2, arguments, ids = [], [], []
    title = ""
    current = None
    for line in lines(path.read_text(encoding="utf-8")):
        found = heading(line)
        if found and found.id is None and found.level in (2, 3):
            raise ContentError(
                f"docs/{rel}",
                f"line {line.number}",
                f"heading {line.text.strip()!r} has no explicit id",
                "end it with { #a-permanent-id } (lowercase words joined by hyphens)",
            )
        if found and found.id:
            level, hid = found.level, found.id
            if not ID.match(hid):
                raise ContentError(f"docs/{rel}", f"#{hid}", "is not a valid id", ID_RULE)
            if hid in ids:
                raise ContentError(
                    f"docs/{rel}",
                    f"#{hid}",
                    "is a duplicate id on this page",
                    "give each heading its own id (links to the old one need an alias)",
                )
            ids.append(hid)
            if level <= 3 and current:
                arguments.append(current)
                current = None
            if level == 1 and not title:
                title = found.title
            if level == 2:
                h2.append((hid, found.title))
            elif level == 3 and h2 and h2[-1][0] == "arguments":
                current = {"id": hid, "title": found.title, "lines": []}
            continue
        if current is not None:
            current["lines"].append(line.text)
    if current:
        arguments.append(current)
    return Page(rel, h2, [_argument(rel, a) for a in arguments], ids, title)


def _argument(rel: str, raw: dict) -> Argument:
    quote = [line for line in raw["lines"] if line.startswith(">")]
    if not quote:
        raise ContentError(
            f"docs/{rel}",
            f"argument #{raw['id']}",
            "has no quote",
            "add one short verbatim quote as a blockquote with a <cite> line",
        )
    if not any("<cite>" in line for line in quote):
        raise ContentError(
            f"docs/{rel}",
            f"argument #{raw['id']}",
            "has a quote without attribution",
            "end the blockquote with a line: > <cite>Who, [*Publication*][source-id]</cite>",
        )
    body = "\n".join(raw["lines"]).strip()
    return Argument(raw["id"], raw["title"], quote, body)


# --- Building the map ----------------------------------------------------------------------------


def read_items(root: Path, file: str, model, reserved: tuple[str, ...] = ()) -> list[dict]:
    """A list-of-items data file, checked against its schema; ids unique and not reserved."""
    from .schema import validate  # the schema imports this module

    data, lines = read_yaml_lines(root, file)
    validate(model, data, file, lines)
    seen: set[str] = set()
    for n, item in enumerate(data):
        iid = item["id"]
        if iid in reserved:
            raise ContentError(
                at(file, lines, n, "id"),
                iid,
                "uses an id the page reserves",
                f"choose an id other than {', '.join(reserved)}",
            )
        if iid in seen:
            raise ContentError(
                at(file, lines, n, "id"),
                iid,
                "is a duplicate id",
                "give every item its own id: it is a permanent anchor",
            )
        seen.add(iid)
    return data


def load_sources(root: Path) -> list[Source]:
    from .schema import SourcesFile

    out = []
    for item in read_items(root, "data/sources.yml", SourcesFile):
        out.append(
            Source(
                id=item["id"],
                title=item["title"],
                publication=item["publication"],
                url=item["url"],
                author=item["author"],
                author_note=item.get("author_note", ""),
                date=item["date"],
                date_note=item["date_note"],
                scope=item["scope"],
                known=item.get("known", []),
                subtitle=item.get("subtitle"),
                url_note=item.get("url_note"),
            )
        )
    return out


def load_viewpoints(root: Path, sources: list[Source]) -> list[Viewpoint]:
    file = "data/viewpoints.yml"
    by_id = {s.id: s for s in sources}
    docs = root / "docs"
    out = []
    from .schema import ViewpointsFile

    for item in read_items(root, file, ViewpointsFile):
        vid = item["id"]
        if item["source"] not in by_id:
            raise ContentError(
                file,
                vid,
                f"names unknown source {item['source']!r}",
                f"use one of the ids in data/sources.yml: {', '.join(by_id)}",
                field="source",
            )
        page = read_page(docs, item["page"], f"{file}: {vid}")
        _check_viewpoint_page(page)
        # The title names the voice, in the nav, the browser tab and citations alike: a bare
        # verdict ("Not allies") would read as the site's own conclusion.
        if not page.title.startswith(f"{item['name']}: "):
            raise ContentError(
                f"docs/{item['page']}",
                f"title {page.title!r}",
                "does not name its voice",
                f"start it with the viewpoint's name: `# {item['name']}: …`",
            )
        viewpoint = Viewpoint(
            id=vid,
            page=item["page"],
            name=item["name"],
            label=item["label"],
            verdict=item["verdict"],
            source=by_id[item["source"]],
            author=item["author"],
            spectrum=Placement(item["spectrum"]["band"], item["spectrum"]["why"].strip()),
            arguments={a.id: a for a in page.arguments},
        )
        out.append(viewpoint)
    _check_argument_ids_unique(out)
    _check_every_page_mapped(docs, out, file)
    return out


def _check_viewpoint_page(page: Page):
    file = f"docs/{page.path}"
    have = [hid for hid, _ in page.h2]
    for required in ("summary", "arguments", "not-addressed"):
        if required not in have:
            raise ContentError(
                file,
                f"section #{required}",
                "is missing",
                f"add the section `## ... {{ #{required} }}` (see CONTRIBUTING.md)",
            )
    if len(page.arguments) < 3:
        raise ContentError(
            file,
            "section #arguments",
            f"has {len(page.arguments)} arguments",
            "give each key argument its own `### Title { #id }` section: at least 3",
        )
    for argument in page.arguments:
        if argument.id in PAGE_SECTIONS:
            raise ContentError(
                file,
                f"argument #{argument.id}",
                "uses a reserved section id",
                f"choose an id other than {', '.join(PAGE_SECTIONS)}",
            )


def _check_argument_ids_unique(viewpoints: list[Viewpoint]):
    seen: dict[str, str] = {}
    for v in viewpoints:
        for aid in v.arguments:
            if aid in seen:
                raise ContentError(
                    f"docs/{v.page}",
                    f"argument #{aid}",
                    f"has the same id as an argument on docs/{seen[aid]}",
                    "make argument ids unique across the site, so a link names one argument",
                )
            seen[aid] = v.page


def _check_every_page_mapped(docs: Path, viewpoints: list[Viewpoint], file: str):
    listed = {v.page for v in viewpoints}
    for path in sorted((docs / "viewpoints").glob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel not in listed and path.name != "index.md":
            raise ContentError(
                f"docs/{rel}",
                "page",
                f"is a viewpoint page missing from {file}",
                f"add an entry with `page: {rel}` to {file}, and its positions to data/positions.yml",
            )


def load_themes(root: Path) -> list[Theme]:
    from .schema import ThemesFile

    items = read_items(root, "data/themes.yml", ThemesFile, reserved=COMPARE_SECTIONS)
    return [Theme(item["id"], item["title"], item["question"]) for item in items]


def _arguments_ref(value, viewpoint: Viewpoint, file: str, item: str) -> list[Argument]:
    ids = [value] if isinstance(value, str) else value  # the schema checked the shape
    out = []
    for aid in ids:
        if aid not in viewpoint.arguments:
            raise ContentError(
                file,
                item,
                f"names argument #{aid}, which is not on docs/{viewpoint.page}",
                f"use one of: {', '.join(viewpoint.arguments)}; or add a section `### Title {{ #{aid} }}` to that page",
            )
        out.append(viewpoint.arguments[aid])
    return out


def load_positions(root: Path, themes: list[Theme], viewpoints: list[Viewpoint]) -> dict:
    from .schema import Positions, validate

    file = "data/positions.yml"
    data, lines = read_yaml_lines(root, file)
    validate(Positions, data, file, lines)
    theme_ids = {t.id for t in themes}
    for tid in data:
        if tid not in theme_ids:
            raise ContentError(
                at(file, lines, tid),
                str(tid),
                "is not a theme id",
                f"use one of the ids in data/themes.yml: {', '.join(theme_ids)}",
            )
    vids = [v.id for v in viewpoints]
    out = {}
    for theme in themes:
        entries = data.get(theme.id)
        if entries is None:
            raise ContentError(
                file, theme.id, "has no positions", f"add `{theme.id}:` with one entry for each of: {', '.join(vids)}"
            )
        for vid in entries:
            if vid not in vids:
                raise ContentError(
                    at(file, lines, theme.id, vid),
                    f"{theme.id} → {vid}",
                    "is not a viewpoint id",
                    f"use one of the ids in data/viewpoints.yml: {', '.join(vids)}",
                )
        for viewpoint in viewpoints:
            item = f"{theme.id} → {viewpoint.id}"
            if viewpoint.id not in entries:
                raise ContentError(
                    file,
                    item,
                    "is missing: every viewpoint needs a position on every theme",
                    f"add `{viewpoint.id}: {NOT_ADDRESSED}` or a stance with its argument",
                )
            entry = entries[viewpoint.id]
            if entry == NOT_ADDRESSED:
                out[(theme.id, viewpoint.id)] = Position(theme, viewpoint, None)
                continue
            stance = entry["stance"]
            words = len(stance.split())
            if words > STANCE_MAX_WORDS:
                raise ContentError(
                    at(file, lines, theme.id, viewpoint.id, "stance"),
                    item,
                    f"has a stance of {words} words",
                    f"shorten it to at most {STANCE_MAX_WORDS} words",
                )
            arguments = _arguments_ref(
                entry["argument"], viewpoint, at(file, lines, theme.id, viewpoint.id, "argument"), item
            )
            out[(theme.id, viewpoint.id)] = Position(theme, viewpoint, stance.strip(), arguments)
        if not any(out[(theme.id, v.id)].addressed for v in viewpoints):
            raise ContentError(
                file,
                theme.id,
                "is a theme no viewpoint addresses",
                "remove it from data/themes.yml and here, or give at least one stance",
            )
    return out


def resolve_ref(
    value, viewpoints: list[Viewpoint], file: str, item: str, verb: str = "rests on"
) -> tuple[Viewpoint, Argument]:
    """Resolves `viewpoint-id#argument-id`; `verb` says how the item uses it, for the message."""
    vid, _, aid = str(value).partition("#")
    viewpoint = next((v for v in viewpoints if v.id == vid), None)
    if viewpoint is None:
        raise ContentError(
            file,
            item,
            f"{verb} {value!r}, whose viewpoint {vid!r} is unknown",
            f"write viewpoint-id#argument-id with one of: {', '.join(v.id for v in viewpoints)}",
        )
    if aid not in viewpoint.arguments:
        raise ContentError(
            file,
            item,
            f"{verb} {value!r}, but docs/{viewpoint.page} has no argument #{aid}",
            f"use one of: {', '.join(viewpoint.arguments)}",
        )
    return viewpoint, viewpoint.arguments[aid]


def load_points(root: Path, viewpoints: list[Viewpoint]) -> tuple[list[Point], list[Point]]:
    from .schema import Agreements, validate

    file = "data/agreements.yml"
    data, lines = read_yaml_lines(root, file)
    validate(Agreements, data, file, lines)
    ids: set[str] = set()
    lists = []
    for side in ("agree", "disagree"):
        points = []
        for n, item in enumerate(data[side]):
            where = at(file, lines, side, n, "id")
            if item["id"] in ids:
                raise ContentError(where, item["id"], "is a duplicate id", "give every point its own id")
            ids.add(item["id"])
            refs = [
                resolve_ref(r, viewpoints, at(file, lines, side, n, "rests_on"), item["id"]) for r in item["rests_on"]
            ]
            points.append(Point(item["id"], item["point"], refs))
        lists.append(points)
    return lists[0], lists[1]


def load_map(root: Path) -> ArgumentMap:
    """Loads and checks the whole argument map of the project at `root`."""
    root = Path(root)
    sources = load_sources(root)
    viewpoints = load_viewpoints(root, sources)
    themes = load_themes(root)
    positions = load_positions(root, themes, viewpoints)
    agree, disagree = load_points(root, viewpoints)
    return ArgumentMap(viewpoints, sources, themes, positions, agree, disagree)
