"""The editions record, editions/editions.yml: one entry per edition, oldest first, written only by
`make edition` (tools/edition.py). Every date and change the living site shows is derived from it.

An entry: date, commit, summary, address (the edition's public root), and the fingerprint of what
it published (see fingerprint.py): pages, arguments, stances.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

import yaml

FOLDER = "editions"  # editions/YYYY-MM-DD/ in the repository and on the site
RECORD = f"{FOLDER}/editions.yml"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADER = (
    "# The editions record: written by `make edition` (tools/edition.py), never by hand.\n"
    "# Dates on pages, changes.html, feed.xml and editions.json are derived from it.\n"
)


class RecordError(Exception):
    """The record cannot be read: the message names the file and the fix."""


@dataclass
class Edition:
    date: str
    commit: str
    summary: str
    address: str  # public root of the edition, ending in /
    pages: dict = field(default_factory=dict)  # path.html -> {title, text, anchors}
    arguments: dict = field(default_factory=dict)  # id -> {page, viewpoint, title, text}
    stances: dict = field(default_factory=dict)  # theme/viewpoint -> {theme, viewpoint, title, text}

    @property
    def folder(self) -> str:
        return f"{FOLDER}/{self.date}/"

    def as_dict(self) -> dict:
        return {
            "date": self.date,
            "commit": self.commit,
            "summary": self.summary,
            "address": self.address,
            "pages": self.pages,
            "arguments": self.arguments,
            "stances": self.stances,
        }


def valid_date(text: str) -> bool:
    if not DATE.match(text or ""):
        return False
    try:
        Date.fromisoformat(text)
    except ValueError:
        return False
    return True


def load(root: Path) -> list[Edition]:
    """The editions, oldest first; none when the record does not exist yet."""
    path = root / RECORD
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise RecordError(
            f"{RECORD}: not valid YAML ({error}). Fix: restore it from git "
            "(`git checkout -- editions/editions.yml`); only `make edition` writes it."
        ) from None
    editions = []
    for raw in data.get("editions") or []:
        try:
            edition = Edition(**raw)
        except TypeError as error:
            raise RecordError(
                f"{RECORD}: entry {raw.get('date', '?')!r}: {error}. Fix: restore the file "
                "from git; only `make edition` writes it."
            ) from None
        edition.date = str(edition.date)
        if not valid_date(edition.date):
            raise RecordError(f"{RECORD}: {edition.date!r} is not a date YYYY-MM-DD. Fix: restore the file from git.")
        editions.append(edition)
    dates = [e.date for e in editions]
    if dates != sorted(set(dates)):
        raise RecordError(f"{RECORD}: editions must be unique and oldest first ({dates}). Fix: restore it from git.")
    return editions


def dump(editions: list[Edition]) -> str:
    body = yaml.safe_dump({"editions": [e.as_dict() for e in editions]}, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def write(root: Path, editions: list[Edition]) -> None:
    """Replaces the record in one step (a temporary file moved into place)."""
    path = root / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, delete=False, prefix=".editions-", suffix=".yml"
    ) as handle:
        handle.write(dump(editions))
    os.replace(handle.name, path)
