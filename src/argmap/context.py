"""Context for newcomers: the timeline, and the glossary with its tooltips.

Loaded from data/timeline.yml and data/glossary.yml, and checked against
the argument map: every link to a viewpoint argument must name one that exists. Plain Python with no
MkDocs import; every content mistake raises ContentError naming the file, the item and the fix.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

from pagekit.pages import GLOSSARY_SECTIONS, TIMELINE_SECTIONS

from .model import Argument, ArgumentMap, ContentError, Viewpoint, read_items, resolve_ref

TIMELINE_FILE = "data/timeline.yml"
GLOSSARY_FILE = "data/glossary.yml"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Dates as facts.md gives them: "14 Feb 1950", "20–22 Mar 2023", "Apr 1979", "2023".
DATE = re.compile(
    r"^(?:(?P<day>\d{1,2})(?:[\u2013-](?P<last>\d{1,2}))?\s+)?(?:(?P<month>[A-Z][a-z]{2})\s+)?"
    r"(?P<year>\d{4})$"
)
DATE_FORMS = "14 Feb 1950, 20–22 Mar 2023, Apr 1979 or 2023"


@dataclass
class Ref:
    """A link from context to one argument of one viewpoint."""

    viewpoint: Viewpoint
    argument: Argument


@dataclass
class Event:
    id: str
    date: str  # as facts.md gives it
    iso: str  # for <time datetime>: the first day of a range, or the month or year
    sort: tuple[int, ...]
    title: str
    text: str
    source: str
    publisher: str
    mentioned_in: list[Ref] = field(default_factory=list)
    background_to: list[Ref] = field(default_factory=list)


@dataclass
class Use:
    ref: Ref
    how: str


@dataclass
class Term:
    id: str
    term: str
    keys: list[str]  # the words that get a tooltip (abbreviation keys)
    tooltips: dict[str, str]  # key -> its tooltip
    definition: str
    uses: list[Use]
    timeline: list[Event]


@dataclass
class Context:
    timeline: list[Event]
    glossary: list[Term]
    abbreviations: dict[str, str]  # key -> tooltip


# --- Small readers -------------------------------------------------------------------------------


def parse_date(value, file: str, item: str) -> tuple[str, str, tuple[int, ...]]:
    """(date as given, ISO form, sort key) for a date written as facts.md writes it."""
    if isinstance(value, int):  # YAML reads a bare 2023 as a number
        value = str(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ContentError(file, item, "has no `date`", f"add `date:` as facts.md gives it: {DATE_FORMS}")
    if not isinstance(value, str):  # e.g. 1950-02-14, which YAML reads as a calendar date
        raise ContentError(
            file,
            item,
            f"has a date {str(value)!r} in a form we do not read",
            f"write it as facts.md does: {DATE_FORMS}",
        )
    text = " ".join(value.split())
    match = DATE.match(text)
    month = match and match.group("month")
    if not match or (month and month not in MONTHS) or (match.group("day") and not month):
        raise ContentError(
            file, item, f"has a date {value!r} in a form we do not read", f"write it as facts.md does: {DATE_FORMS}"
        )
    year = int(match.group("year"))
    if not month:
        return text, f"{year:04d}", (year,)
    number = MONTHS.index(month) + 1
    if not match.group("day"):
        return text, f"{year:04d}-{number:02d}", (year, number)
    day = int(match.group("day"))
    days = calendar.monthrange(year, number)[1]  # 29 Feb only in a leap year
    if not 1 <= day <= days or (match.group("last") and not day < int(match.group("last")) <= days):
        raise ContentError(
            file,
            item,
            f"has a date {value!r} with an impossible day",
            f"correct the day: {month} {year} has {days} days, and a range runs from the earlier day to the later one",
        )
    return text, f"{year:04d}-{number:02d}-{day:02d}", (year, number, day)


def _text(data: dict, key: str) -> str:
    """A text field, its spacing normalised (the schema checked that it is non-empty text)."""
    return " ".join(data[key].split())


def resolve(value, m: ArgumentMap, file: str, item: str) -> Ref:
    """Resolves `viewpoint-id#argument-id` against the loaded argument map."""
    return Ref(*resolve_ref(value, m.viewpoints, file, item, verb="links to"))


def _refs(data: dict, key: str, m: ArgumentMap, file: str, item: str) -> list[Ref]:
    refs = [resolve(v, m, file, item) for v in data.get(key, [])]
    if len({(r.viewpoint.id, r.argument.id) for r in refs}) != len(refs):
        raise ContentError(file, item, f"lists the same argument twice in `{key}`", "remove the repeat")
    return refs


# --- Timeline ------------------------------------------------------------------------------------


def load_timeline(root: Path, m: ArgumentMap) -> list[Event]:
    file = TIMELINE_FILE
    events: list[Event] = []
    from .schema import TimelineFile

    for item in read_items(root, file, TimelineFile, TIMELINE_SECTIONS):
        eid = item["id"]
        date, iso, sort = parse_date(item["date"], file, eid)
        event = Event(
            id=eid,
            date=date,
            iso=iso,
            sort=sort,
            title=_text(item, "title"),
            text=_text(item, "text"),
            source=item["source"],
            publisher=_text(item, "publisher"),
            mentioned_in=_refs(item, "mentioned_in", m, file, eid),
            background_to=_refs(item, "background_to", m, file, eid),
        )
        both = {(r.viewpoint.id, r.argument.id) for r in event.mentioned_in} & {
            (r.viewpoint.id, r.argument.id) for r in event.background_to
        }
        if both:
            raise ContentError(
                file,
                eid,
                "lists an argument under both `mentioned_in` and `background_to`",
                "keep it under `mentioned_in` if the argument names the event, else `background_to`",
            )
        if events and _before(event.sort, events[-1].sort):
            raise ContentError(
                file, eid, f"({date}) comes after {events[-1].id} ({events[-1].date})", "keep the entries in date order"
            )
        events.append(event)
    return events


def _before(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True if date a is surely earlier than date b (compared at their common precision)."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


# --- Glossary and tooltips -----------------------------------------------------------------------


def load_glossary(root: Path, m: ArgumentMap, timeline: list[Event]) -> list[Term]:
    file = GLOSSARY_FILE
    events = {e.id: e for e in timeline}
    terms: list[Term] = []
    owner: dict[str, str] = {}
    from .schema import GlossaryFile

    for item in read_items(root, file, GlossaryFile, GLOSSARY_SECTIONS):
        tid = item["id"]
        keys = item["keys"]
        for key in keys:
            if key in owner:
                raise ContentError(file, tid, f"shares the key {key!r} with {owner[key]}", "give each key to one term")
            owner[key] = tid
        for key in item.get("key_tooltips", {}):
            if key not in keys:
                raise ContentError(
                    file,
                    tid,
                    f"gives a tooltip to {key!r}, which is not one of its keys",
                    f"add {key!r} to `keys:`, or use one of: {', '.join(keys)}",
                )
        uses = []
        for n, use in enumerate(item["uses"], 1):
            uses.append(Use(resolve(use["argument"], m, file, f"{tid} → uses item {n}"), _text(use, "how")))
        linked = item.get("timeline", [])
        for eid in linked:
            if eid not in events:
                raise ContentError(
                    file,
                    tid,
                    f"links to timeline entry {eid!r}, which is not in {TIMELINE_FILE}",
                    f"use one of: {', '.join(events)}",
                )
        terms.append(
            Term(
                id=tid,
                term=_text(item, "term"),
                keys=keys,
                tooltips={
                    key: " ".join(item.get("key_tooltips", {}).get(key, item["tooltip"]).split()) for key in keys
                },
                definition=_text(item, "definition"),
                uses=uses,
                timeline=[events[e] for e in linked],
            )
        )
    return terms


def load_context(root: Path, m: ArgumentMap) -> Context:
    """Loads and checks the timeline, the glossary and the tooltips of the project at `root`."""
    root = Path(root)
    timeline = load_timeline(root, m)
    glossary = load_glossary(root, m, timeline)
    return Context(timeline, glossary, {key: tip for term in glossary for key, tip in term.tooltips.items()})
