"""Refuses a built site that points at this machine: a published citation, canonical link, feed or
preview card must never name localhost or a loopback address. The deploy workflow runs it.

Usage: no_loopback.py SITE_DIR    (exit 1, naming each file, when one is found)
"""

import re
import sys
from pathlib import Path

LOOPBACK = re.compile(r"https?://(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(?=[:/\"'\s<]|$)", re.I)
TEXT = {".html", ".xml", ".json", ".txt", ".js", ".css", ".webmanifest"}


def offenders(site: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in TEXT:
            hit = LOOPBACK.search(path.read_text(encoding="utf-8", errors="replace"))
            if hit:
                found.append((path.relative_to(site).as_posix(), hit.group(0)))
    return found


def main(site: Path) -> int:
    found = offenders(site)
    for page, address in found:
        print(f"{page}: points at {address}. Fix: build with SITE_URL set to the public address.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
