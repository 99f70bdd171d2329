"""`make build`: the offline copy, the downloads, then the hosted site; both builds in one process.

Usage: build_formats.py --site-dir DIR --offline-dir DIR --dist-dir DIR --name NAME [--downloads-made]

In order, as `make build` always ran them:
1. the offline copy, `OFFLINE=true mkdocs build --strict --site-dir OFFLINE_DIR`;
2. its one-page version printed to DIST_DIR/NAME.pdf (tools/print_pdf.py) and the copy zipped to
   DIST_DIR/NAME-offline.zip (tools/zip_offline.py), each as its own process;
3. the hosted site, `CARDS=true DIST_DIR=... mkdocs build --strict --site-dir SITE_DIR`, which
   publishes the downloads with their sizes (src/mkdocs_adapter/download_links.py).

Each build is MkDocs's own `mkdocs build` command, called in this process instead of a second
`mkdocs` process: the hosted build reuses the imports and the citations the offline build formatted
(src/citing/formats.py keeps them), which takes about a third off the pair (`make bench` times it).
Nothing else carries over: each build loads mkdocs.yml, its plugins and the data afresh, and its
output is byte for byte what a separate `mkdocs build` writes (tests/test_reproducible.py).

--downloads-made skips step 2 (the PDF and the zip are already in DIST_DIR): `make bench` times
the two builds this way.
"""

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from click import ClickException
from mkdocs.__main__ import cli

TOOLS = Path(__file__).resolve().parent


def mkdocs_build(site_dir: Path, env: dict[str, str | None]) -> None:
    """`mkdocs build --strict --site-dir SITE_DIR` in this process, with these environment variables
    set (None: unset) for its duration; a failed build ends this program as it ends `mkdocs`."""
    saved = {name: os.environ.get(name) for name in env}
    logger = logging.getLogger("mkdocs")
    handlers = list(logger.handlers)
    _set(env)
    try:
        cli.main(["build", "--strict", "--site-dir", str(site_dir)], prog_name="mkdocs", standalone_mode=False)
    except ClickException as error:  # MkDocs's own "Aborted with N warnings in strict mode!" and the like
        error.show()
        sys.exit(error.exit_code)
    finally:
        for handler in logger.handlers[len(handlers) :]:  # each call adds its own log handler
            logger.removeHandler(handler)
        _set(saved)


def _set(env: dict[str, str | None]) -> None:
    for name, value in env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def run(*args) -> None:
    result = subprocess.run([sys.executable, *map(str, args)])
    if result.returncode:
        sys.exit(result.returncode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--offline-dir", type=Path, required=True)
    parser.add_argument("--dist-dir", type=Path, required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--downloads-made", action="store_true", help="the PDF and the zip are already in DIST_DIR")
    args = parser.parse_args()

    mkdocs_build(args.offline_dir, {"OFFLINE": "true"})
    if not args.downloads_made:
        run(TOOLS / "print_pdf.py", args.offline_dir / "one-page.html", args.dist_dir / f"{args.name}.pdf")
        run(TOOLS / "zip_offline.py", args.offline_dir, args.dist_dir / f"{args.name}-offline.zip", args.name)
    mkdocs_build(args.site_dir, {"OFFLINE": None, "CARDS": "true", "DIST_DIR": str(args.dist_dir)})


if __name__ == "__main__":
    main()
