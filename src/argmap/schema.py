"""The content schema: every data file, page front matter and the build's environment as typed
models (pydantic v2, unknown keys forbidden, strict types), and the translation of a validation
error into the editor-facing message: file, line, item, field, problem and fix.

The models check shape and types only; what needs the other files (an id that must exist, an
argument on a page) stays in model.py and context.py. Plain Python with no MkDocs import.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    StrictStr,
    Tag,
    ValidationError,
)
from pydantic_core import PydanticCustomError

from .errors import ID, NOT_ADDRESSED, ContentError

ID_PATTERN = ID.pattern
REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://[^\s/]+\S*$"
PAGE_PATTERN = r"^[a-z0-9][a-z0-9_/-]*\.md$"
# Values pydantic puts in an error's location for a union branch: not part of the file's path.
_BRANCHES = ("a stance", "not addressed")


def fail(problem: str, fix: str):
    """For validators: a problem with its own fix (the message template is the problem)."""
    return PydanticCustomError("content", problem.replace("{", "{{").replace("}", "}}"), {"fix": fix})


def _not_blank(value: str) -> str:
    if not value.strip():
        raise fail("is empty", "write the text, or remove the key if it is optional")
    return value


Text = Annotated[StrictStr, AfterValidator(_not_blank)]
Id = Annotated[StrictStr, Field(pattern=ID_PATTERN)]
Ref = Annotated[StrictStr, Field(pattern=REF_PATTERN)]
Url = Annotated[StrictStr, Field(pattern=URL_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --- Data files ----------------------------------------------------------------------------------


class Source(Strict):
    id: Id
    title: Text = Field(description="the text's title, as the source prints it")
    subtitle: Text | None = None
    publication: Text = Field(description="where the text appeared")
    url: Url = Field(description="the http(s) address of the text")
    url_note: Text | None = Field(None, description="say when url is not the text's own address")
    author: Text | None = Field(description="the author's name, or null if the source names nobody")
    author_note: Text | None = None
    date: Text | None = Field(description="the date the source gives, or null if it gives none")
    date_note: Text = Field(description="how the date is known, or why it is not")
    scope: Text = Field(description="what our copy of the source holds")
    known: list[Text] = Field([], description="what is known about the source, one sentence per item")


# The label spectrum's bands, in order from "allies" to "not allies" (an ordinal reading, not a measure).
BANDS = ("allies, with limits", "in between", "not allies")


class Placement(Strict):
    band: Literal[BANDS] = Field(description="one of: " + ", ".join(BANDS))
    why: Text = Field(description="one sentence, in our words, saying why the voice is placed there")


class Viewpoint(Strict):
    id: Id
    page: Annotated[StrictStr, Field(pattern=PAGE_PATTERN)] = Field(
        description="the page's path under docs/, e.g. viewpoints/limited-allies.md"
    )
    name: Text = Field(description="a neutral label if the source names nobody, never an invented name")
    label: Text = Field(description='the source\'s own verdict words, verbatim; quote a bare No: label: "No"')
    verdict: Text = Field(description="one sentence, in our words")
    source: Id = Field(description="an id from data/sources.yml")
    author: Text | None = Field(description="the author's name, or null if not named")
    spectrum: Placement = Field(description="our editorial reading of the verdict: a band and why")


class Theme(Strict):
    id: Id
    title: Text = Field(description="a short title")
    question: Text = Field(description="the theme's question, in our words")


def _id_list(value):
    return [value] if isinstance(value, str) else value


class Stance(Strict):
    stance: Text = Field(description=f"at most 25 words, in our words; or write `{NOT_ADDRESSED}` instead")
    argument: Annotated[list[Id], BeforeValidator(_id_list), Field(min_length=1)] = Field(
        description="an argument id on the viewpoint's page, or a list: [first-id, second-id]"
    )


def _entry_kind(value):
    return "not addressed" if isinstance(value, str) else "a stance"


Entry = Annotated[
    Annotated[Literal["not addressed"], Tag("not addressed")] | Annotated[Stance, Tag("a stance")],
    Discriminator(_entry_kind),
]


class Positions(RootModel[dict[Id, Annotated[dict[Id, Entry], Field(min_length=1)]]]):
    """write `theme-id:` lines, each with one entry per viewpoint id under it"""


class Point(Strict):
    id: Id
    point: Text = Field(description="the point, in our words")
    rests_on: Annotated[list[Ref], Field(min_length=1)] = Field(
        description="the arguments it rests on: [viewpoint-id#argument-id, ...]"
    )


class Agreements(Strict):
    """write two lists, `agree:` and `disagree:`, with the points under them"""

    agree: Annotated[list[Point], Field(min_length=1)] = Field(description="the points of agreement")
    disagree: Annotated[list[Point], Field(min_length=1)] = Field(description="the points of disagreement")


def _date(value):
    from .context import DATE_FORMS, parse_date  # context imports this module

    if isinstance(value, int) and not isinstance(value, bool):  # YAML reads a bare 2023 as a number
        value = str(value)
    if value is None:
        return value  # reported as empty
    if not isinstance(value, str):  # e.g. 1950-02-14, which YAML reads as a calendar date
        raise fail(f"is {str(value)!r}, in a form we do not read", f"write it as facts.md does: {DATE_FORMS}")
    try:
        parse_date(value, "", "")
    except ContentError as error:
        raise fail(
            error.problem.replace("has a date ", "is ").replace("has no `date`", "is empty"), error.fix
        ) from None
    return value


class Event(Strict):
    id: Id
    date: Annotated[Text, BeforeValidator(_date)] = Field(
        description="as facts.md gives it: 14 Feb 1950, 20–22 Mar 2023, Apr 1979 or 2023"
    )
    title: Text = Field(description="a short heading in our words")
    text: Text = Field(description="one or two sentences in our words")
    source: Url = Field(description="the http(s) address facts.md gives for this fact")
    publisher: Text = Field(description="the site the source link goes to")
    mentioned_in: list[Ref] = Field([], description="[viewpoint-id#argument-id, ...] of arguments that name the event")
    background_to: list[Ref] = Field([], description="[viewpoint-id#argument-id, ...] the event helps to understand")


class Use(Strict):
    argument: Ref = Field(description="viewpoint-id#argument-id")
    how: Text = Field(description="how this viewpoint uses the term, in our words")


def _no_straight_quote(value: str) -> str:
    if '"' in value:
        raise fail("has a straight double quote", "use curly quotes (“ ”) or single quotes")
    return value


Tooltip = Annotated[Text, AfterValidator(_no_straight_quote)]  # an attribute value in every page


class Term(Strict):
    id: Id
    term: Text = Field(description="the term as the glossary shows it")
    keys: Annotated[list[Text], Field(min_length=1)] = Field(
        description="the words that get a tooltip: [alliance, alliances]"
    )
    tooltip: Tooltip = Field(description="the short definition the keys show on hover and focus")
    key_tooltips: dict[Text, Tooltip] = Field(
        {}, description="`key: tooltip` for a key whose tooltip is not the term's"
    )
    definition: Text = Field(description="in our words and neutral")
    uses: Annotated[list[Use], Field(min_length=1)] = Field(
        description="one `- argument: viewpoint-id#argument-id` with `how:` per viewpoint that uses it"
    )
    timeline: list[Id] = Field([], description="ids of timeline entries: [event-id, ...]")


ITEMS_FIX = "write a list of items, each starting with `- id: a-permanent-id`"


class SourcesFile(RootModel[Annotated[list[Source], Field(min_length=1)]]):
    __doc__ = ITEMS_FIX


class ViewpointsFile(RootModel[Annotated[list[Viewpoint], Field(min_length=1)]]):
    __doc__ = ITEMS_FIX


class ThemesFile(RootModel[Annotated[list[Theme], Field(min_length=1)]]):
    __doc__ = ITEMS_FIX


class TimelineFile(RootModel[Annotated[list[Event], Field(min_length=1)]]):
    __doc__ = ITEMS_FIX


class GlossaryFile(RootModel[Annotated[list[Term], Field(min_length=1)]]):
    __doc__ = ITEMS_FIX


PageKey = Annotated[StrictStr, Field(pattern=PAGE_PATTERN)]


class Aliases(RootModel[dict[PageKey, dict[Id, Id]]]):
    """write `page.md:` lines (the path under docs/) with `old-id: current-id` entries under them"""


# --- Page front matter ---------------------------------------------------------------------------


def _no_straight_quote(value: str) -> str:
    if '"' in value:
        raise fail(
            "has a straight double quote, which ends the page's meta tag early",
            "use curly quotes (“ ”) or single quotes",
        )
    return value


class FrontMatter(Strict):
    description: Annotated[Text, AfterValidator(_no_straight_quote)] = Field(
        description="one sentence for search engines and link previews"
    )
    title: Text | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(
        [], description="parts of Material's layout to hide: [navigation, toc]"
    )


# --- Environment ---------------------------------------------------------------------------------


def _site_url(value: str) -> str:
    if not value.strip():
        raise fail(
            "is set but empty",
            "set it to the hosted site's address, e.g. "
            "SITE_URL=https://example.org/china-russia/, or unset it for http://127.0.0.1:8000/",
        )
    if not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", value):
        raise fail(
            f"is {value!r}, not an http(s) address without query or fragment",
            "set it to the hosted site's address, e.g. SITE_URL=https://example.org/china-russia/",
        )
    return value


class Environment(Strict):
    SITE_URL: Annotated[StrictStr, AfterValidator(_site_url)] | None = None
    OFFLINE: Literal["true", "false"] | None = Field(
        None, description="OFFLINE=true for the offline copy, OFFLINE=false or unset for the hosted one"
    )


def check_environment(environ) -> Environment:
    values = {k: environ[k] for k in Environment.model_fields if k in environ}
    try:
        return Environment.model_validate(values)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        name = first["loc"][0]
        problem, fix = _explain(first, Environment, values)
        if first["type"] == "literal_error":
            problem = "is set but empty" if not values[name] else f"is {values[name]!r}"
            fix = "accepted values: " + Environment.model_fields[name].description
        raise ContentError("environment", name, problem, fix) from None


# --- Validation errors as editor messages --------------------------------------------------------


def validate(model, data, file: str, lines: dict[tuple, int] | None = None, item: str = "file"):
    """The data as `model`, or ContentError for its first mistake in file order."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        errors = error.errors(include_url=False)
    lines = lines or {}
    found = []
    for e in errors:
        loc = tuple(p for p in e["loc"] if p not in _BRANCHES)
        found.append((loc not in lines, _line(lines, loc) or 0, loc, e))
    # Mistakes at a known line first, in file order: a misspelt key (which has a line) before the
    # missing field it leaves behind (which has only its item's line).
    _, line, loc, first = min(found, key=lambda f: f[:2])
    where, field = _where(model, data, loc)
    item = item if where == "file" else where
    problem, fix = _explain(first, model, data, loc)
    raise ContentError(f"{file}:{line}" if line else file, item, problem, fix, field=field)


def _line(lines: dict, loc: tuple) -> int | None:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return None


def _unwrap(tp):
    """The type inside Annotated[...] and X | None."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin is Union:
            args = [a for a in get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(_unwrap(a), type) and issubclass(_unwrap(a), BaseModel)]
            tp = models[0] if models else args[0]
        else:
            return tp


def _walk(model, loc: tuple):
    """[(part, kind)] along loc, kind being 'field', 'key' (a mapping key) or 'index'; and the
    model type where loc ends (None if it ends below a model)."""
    tp, out = model, []
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, RootModel):
            tp = _unwrap(tp.model_fields["root"].annotation)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(part)
            out.append((part, "field"))
            tp = field.annotation if field else None
        elif get_origin(tp) is list:
            out.append((part, "index"))
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            out.append((part, "key"))
            tp = get_args(tp)[1]
        else:
            out.append((part, "field"))
            tp = None
    return out, tp


def _value(data, loc):
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _where(model, data, loc) -> tuple[str, str | None]:
    """(item, field) for an error location: list items named by their id where they have one."""
    parts, _ = _walk(model, loc)
    items: list[str] = []
    field = None
    for n, (part, kind) in enumerate(parts):
        if part == "[key]":  # the key itself is wrong (aliases: a page path or an old id)
            field = None
        elif kind == "field":
            if field:
                items.append(field)
            field = str(part)
        elif kind == "key":
            if field:
                items.append(field)
                field = None
            items.append(str(part))
        else:
            element = _value(data, loc[: n + 1])
            if field and not isinstance(element, dict):  # a list of ids or words
                field = f"{field} item {part + 1}"
                continue
            iid = element.get("id") if isinstance(element, dict) else None
            name = iid if isinstance(iid, str) and ID.match(iid) else f"item {part + 1}"
            if field:
                items.append(f"{field} {name}" if name.startswith("item ") else field)
                if not name.startswith("item "):
                    items.append(name)
                field = None
            else:
                items.append(name)
    return (" → ".join(items) or "file"), field


def _kind(value) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return f"{type(value).__name__} ({value})"


def _hint(model, loc) -> str:
    """The description of the field a location ends in (list positions after it skipped)."""
    while loc and isinstance(loc[-1], int):
        loc = loc[:-1]
    if not loc:
        return ""
    _, parent = _walk(model, loc[:-1])
    parent = _unwrap(parent) if parent is not None else None
    if isinstance(parent, type) and issubclass(parent, BaseModel) and loc[-1] in parent.model_fields:
        return parent.model_fields[loc[-1]].description or ""
    return ""


def _explain(e: dict, model, data, loc: tuple | None = None) -> tuple[str, str]:
    loc = e["loc"] if loc is None else loc
    kind, value, ctx = e["type"], e.get("input"), e.get("ctx") or {}
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "it")
    hint = _hint(model, loc)
    if kind == "content":
        return e["msg"], ctx["fix"]
    if not loc and model.__doc__ and kind.endswith("_type"):  # the whole file has the wrong shape
        return (
            f"is {_kind(value)}, not what this file holds" if value is not None else "is empty",
            model.__doc__.strip(),
        )
    if kind == "missing":
        return "is missing", f"add `{field}:`" + (f", {hint}" if hint else "")
    if kind == "extra_forbidden":
        _, parent = _walk(model, loc[:-1])
        parent = _unwrap(parent)
        known = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        close = difflib.get_close_matches(str(loc[-1]).replace("-", "_").lower(), known, n=1, cutoff=0.6)
        if close:
            return "is not a field we read", f"did you mean `{close[0]}`? Rename the key to `{close[0]}:`"
        return "is not a field we read", f"remove it, or use one of: {', '.join(known)}"
    if value is None and kind in ("model_type", "dict_type"):
        return "is empty", "write its entries under it, as `key: value` lines"
    if value is None and kind.endswith("_type"):
        return "is empty", f"write a value after `{field}:`" + (f" ({hint})" if hint else "")
    if kind == "string_type" and isinstance(value, bool):
        return (
            f"is {_kind(value)}, where text belongs",
            f'put the word in quotes: YAML reads a bare No, Yes, On or Off as true/false, e.g. {field}: "No"',
        )
    if kind == "string_type" and isinstance(value, (list, dict)):
        return f"is {_kind(value)}, where text belongs", "write a single value here" + (f" ({hint})" if hint else "")
    if kind == "string_type":
        return (
            f"is {_kind(value)}, where text belongs",
            f'write text; put it in quotes if YAML reads it otherwise, e.g. {field}: "{value}"',
        )
    if kind in ("int_type", "int_from_float"):
        return f"is {_kind(value)}, where a whole number belongs", hint or "write a whole number"
    if kind == "list_type":
        return f"is {_kind(value)}, where a list belongs", f"write a list: `{field}: [first, second]`" + (
            f" ({hint})" if hint else ""
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"is {_kind(value)}, where a mapping of fields belongs", "write it as `field: value` lines under it"
    if kind == "too_short":
        return "is an empty list", f"give it at least one item ({hint})" if hint else "give it at least one item"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == ID_PATTERN:
            return f"{value!r} is not a valid id", "use lowercase letters, digits and single hyphens"
        if pattern == REF_PATTERN:
            return (
                f"{value!r} is not viewpoint-id#argument-id",
                "write viewpoint-id#argument-id, e.g. limited-allies#asymmetry",
            )
        if pattern == URL_PATTERN:
            return f"{value!r} is not an http(s) address", "write the full address, starting https://" + (
                f" ({hint})" if hint else ""
            )
        if pattern == PAGE_PATTERN:
            return f"{value!r} is not a page path", "write the path under docs/, e.g. viewpoints/limited-allies.md"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"is {value}, outside the range it allows", hint or e["msg"]
    if kind == "literal_error" and NOT_ADDRESSED in str(ctx.get("expected")):
        return (
            f"is {_kind(value)}, neither a stance nor `{NOT_ADDRESSED}`",
            f"write `{NOT_ADDRESSED}` exactly, or `stance:` and `argument:` under it",
        )
    if kind == "literal_error":
        return f"is {_kind(value)}, not one of {ctx.get('expected')}", hint or f"write one of {ctx.get('expected')}"
    return e["msg"], hint or "correct the value"


def field_lines(text: str) -> dict[tuple, int]:
    """Line numbers of the top-level keys of a YAML block such as front matter."""
    out = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match and (match.group(1),) not in out:
            out[(match.group(1),)] = number
    return out


__all__ = [
    "Agreements",
    "Aliases",
    "Environment",
    "FrontMatter",
    "GlossaryFile",
    "Positions",
    "SourcesFile",
    "ThemesFile",
    "TimelineFile",
    "ViewpointsFile",
    "check_environment",
    "validate",
]
