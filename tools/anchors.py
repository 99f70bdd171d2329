"""The registry of published targets (anchors.txt), from the command line. The logic lives in
src/publish/anchors.py, which the strict build also runs (src/mkdocs_adapter/permalinks.py); `make deps`
installs src/ in .venv, so run this with .venv/bin/python, as `make anchors` does.

Usage: anchors.py update SITE_DIR [REGISTRY]   add the built site's new targets (never removes one)
       anchors.py check SITE_DIR [REGISTRY]    list registry targets a build no longer reaches
"""

from __future__ import annotations

import sys
from pathlib import Path

from publish.anchors import REGISTRY, lost, lost_targets, read, resolve, targets, write

__all__ = ["REGISTRY", "lost", "lost_targets", "read", "resolve", "targets", "write"]


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
