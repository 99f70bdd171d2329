"""Cuts an edition: builds the committed content (HEAD) as it will be published at
<public_url>editions/DATE/ and writes it to editions/DATE/, with its entry in editions/editions.yml.

Usage: edition.py cut [--date YYYY-MM-DD] [--summary TEXT]     (`make edition`)
       edition.py public-url                                  (prints extra.public_url)

HEAD is exported with `git archive` into a temporary folder and built there with `make build`
(strict): uncommitted changes cannot leak in. Everything is written to a temporary folder first
and moved into place at the end, so a refusal or a failure leaves nothing half-written. A refusal
is one line: what is wrong and what to do.
"""

from __future__ import annotations

import argparse
import io
import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import yaml

from history import record  # src/history, installed in .venv by `make deps`

NAME = "china-russia-allies"  # the Makefile's NAME: the stem of the download files


class Refused(Exception):
    pass


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


class _Tagless(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !relative tags read as plain values."""


_Tagless.add_multi_constructor("!", lambda loader, suffix, node: None)


def public_url(root: Path) -> str:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tagless) or {}
    url = str((config.get("extra") or {}).get("public_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def check_public_url(url: str) -> None:
    fix = (
        "Fix: set extra.public_url in mkdocs.yml to the site's public address "
        "(e.g. https://owner.github.io/repo/), commit it, and run again."
    )
    if not url:
        raise Refused(f"mkdocs.yml has no public address (extra.public_url is empty). {fix}")
    parsed = urlparse(url)
    host = parsed.hostname or ""
    loopback = host == "localhost" or host.endswith(".localhost")
    try:
        address = ipaddress.ip_address(host)
        loopback = loopback or address.is_loopback or address.is_unspecified
    except ValueError:
        pass
    if parsed.scheme not in ("http", "https") or not host or loopback:
        raise Refused(f"the public address {url!r} is not a public http(s) address. {fix}")


def check_date(day: str, root: Path, editions: list) -> None:
    if not record.valid_date(day):
        raise Refused(
            f"{day!r} is not a date YYYY-MM-DD. Fix: pass EDITION_DATE=YYYY-MM-DD, e.g. "
            f"EDITION_DATE={datetime.now(UTC):%Y-%m-%d}."
        )
    if any(e.date == day for e in editions) or (root / record.FOLDER / day).exists():
        raise Refused(
            f"an edition of {day} already exists (editions/{day}/); an edition is never "
            "rebuilt. Fix: pass another EDITION_DATE."
        )
    if editions and day < editions[-1].date:
        raise Refused(f"{day} is before the latest edition ({editions[-1].date}). Fix: pass a later EDITION_DATE.")


def check_clean(root: Path) -> str:
    status = git(root, "status", "--porcelain", "--untracked-files=all")
    if status.strip():
        first = status.splitlines()[0][3:]
        raise Refused(
            f"uncommitted changes ({first}, {len(status.splitlines())} in all): an edition is "
            "built from the last commit only. Fix: commit or stash them, then run again."
        )
    return git(root, "rev-parse", "HEAD").strip()


def first_error(output: str) -> str:
    for line in output.splitlines():
        if re.search(r"\b(ERROR|WARNING|Error|error)\b", line) and "end of life" not in line:
            return re.sub(r"\x1b\[[0-9;]*m", "", line).strip()
    return "see `make build`"


def build(root: Path, commit: str, day: str, url: str, work: Path) -> tuple[Path, dict]:
    """The export of `commit` built as edition `day`: the folder to publish, and its fingerprint."""
    src = work / "src"
    src.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=root, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(src, filter="data")
    for name in (".venv", "node_modules"):  # installed by `make deps` before this runs
        (src / name).symlink_to(root / name)
    # Never newer than the installs, or `make` would reinstall into the shared .venv from this export.
    for lock in ("requirements.lock", "pyproject.toml", "package-lock.json"):
        if (src / lock).exists():
            os.utime(src / lock, (0, 0))
    out, fp = work / "out", work / "fingerprint.json"
    epoch = int(datetime.fromisoformat(f"{day}T00:00:00+00:00").timestamp())
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env.update(
        SITE_URL=f"{url}{record.FOLDER}/{day}/",
        EDITION_DATE=day,
        EDITION_FINGERPRINT=str(fp),
        SOURCE_DATE_EPOCH=str(epoch),
    )
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "build",
            f"SITE_DIR={out}/site",
            f"OFFLINE_DIR={out}/offline",
            f"DIST_DIR={out}/dist",
            f"NAME={NAME}-{day}",
        ],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode or not fp.is_file():
        raise Refused(
            f"the strict build of {commit[:12]} failed: {first_error(result.stdout + result.stderr)}. "
            "Fix: run `make build` to see it in full, fix it, commit, and run again."
        )
    return out / "site", json.loads(fp.read_text())


def cut(root: Path, day: str, summary: str | None) -> str:
    editions = record.load(root)
    check_date(day, root, editions)
    commit = check_clean(root)
    url = public_url(root)
    check_public_url(url)
    if summary is None:
        summary = os.environ.get("EDITION_SUMMARY")
    if summary is None and sys.stdin.isatty():
        summary = input(f"Editor's summary of the edition of {day} (one or two sentences): ")
    if not (summary or "").strip():
        raise Refused("no editor's summary. Fix: pass EDITION_SUMMARY='What this edition changes, in a sentence.'")
    with tempfile.TemporaryDirectory(prefix="edition-") as tmp:
        site, fp = build(root, commit, day, url, Path(tmp))
        entry = record.Edition(
            date=day, commit=commit, summary=summary.strip(), address=f"{url}{record.FOLDER}/{day}/", **fp
        )
        target = root / record.FOLDER / day
        staging = root / record.FOLDER / f".{day}.partial"
        target.parent.mkdir(exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(site, staging, symlinks=False)
        try:
            os.replace(staging, target)
            record.write(root, [*editions, entry])
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return f"Edition {day} written to {record.FOLDER}/{day}/ and {record.RECORD}, from commit {commit[:12]}."


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("cut")
    c.add_argument("--date", default="")
    c.add_argument("--summary", default=None)
    sub.add_parser("public-url")
    args = parser.parse_args(argv)
    if args.command == "public-url":
        print(public_url(Path.cwd()))
        return 0
    root = Path(git(Path.cwd(), "rev-parse", "--show-toplevel").strip())
    day = args.date or f"{datetime.now(UTC):%Y-%m-%d}"
    try:
        print(cut(root, day, args.summary))
    except Refused as refusal:
        print(f"make edition: refused: {refusal}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
