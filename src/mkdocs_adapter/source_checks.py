"""Fidelity to the sources, checked on every page as it is written: each quotation verbatim from
sources/, and no run of six source words passed off as our own prose. Each finding is a warning
through the plugin logger, which `--strict` makes fatal, so `make serve` shows it at once.
The logic is in src/fidelity/ (no MkDocs import); the tests run it on the whole built site."""

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from fidelity import Grams, borrowed_runs, load_texts, misquotes, shown_as_such
from fidelity.prose import written_at
from pagekit.pages import NOT_CONTENT

# The one-page version repeats the other pages' prose; the 404 page holds none of ours.
NOT_PROSE = NOT_CONTENT
log = get_plugin_logger("source_checks")


def load(build):
    build.texts = load_texts(build.root)
    build.grams = Grams(build.texts)
    build.allowed = shown_as_such(build.map)


def check_page(build, output, page):
    where = f"docs/{page.file.src_uri} ({page.file.dest_uri})"
    findings = [misquote.message() for misquote in misquotes(where, output, build.texts)[1]]
    if page.file.dest_uri not in NOT_PROSE:
        findings += [
            f"{where}: “{run}” is source wording outside a quotation{_written(build, page, run)}. Fix: reword "
            "it, or quote it with <q>…</q> and keep it attributed"
            for run in borrowed_runs(output, build.grams, build.allowed)
        ]
    for finding in dict.fromkeys(findings):  # a quotation repeated on a page is reported once
        log.warning(finding)


def _written(build, page, run) -> str:
    """Where the words were typed: the page's Markdown or a data file (for generated parts)."""
    files = [p for p in (page.file.abs_src_path,) if p] + sorted((build.root / "data").glob("*.yml"))
    found = written_at(run, [Path(p) for p in files], build.root)
    return f" (written at {', '.join(found)})" if found else ""
