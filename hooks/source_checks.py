"""Fidelity to the sources, checked on every page as it is written: each quotation verbatim from
sources/, and no run of six source words passed off as our own prose. Each finding is a warning
through the plugin logger, which `--strict` makes fatal, so `make serve` shows it at once.
The logic is in hooks/fidelity/ (no MkDocs import); the tests run it on the whole built site."""
from _glue import content_error, load, project_root
from argmap import ContentError
from fidelity import Grams, borrowed_runs, load_texts, misquotes, shown_as_such
from mkdocs.plugins import get_plugin_logger

HOOK = "source_checks"
# The one-page edition repeats the other pages' prose; the 404 page holds none of ours.
NOT_PROSE = {"one-page.html", "print_page.html", "404.html"}
log = get_plugin_logger(HOOK)
state = {}


def on_config(config):
    m = load(config, HOOK)
    try:
        texts = load_texts(project_root(config))
    except ContentError as error:
        raise content_error(HOOK, error) from None
    state.update(texts=texts, grams=Grams(texts), allowed=shown_as_such(m))
    return config


def on_post_page(output, page, config):
    where = f"docs/{page.file.src_uri} ({page.file.dest_uri})"
    findings = [misquote.message() for misquote in misquotes(where, output, state["texts"])[1]]
    if page.file.dest_uri not in NOT_PROSE:
        findings += [f"{where}: “{run}” is source wording outside a quotation. Fix: reword it, or quote it "
                     "with <q>…</q> and keep it attributed"
                     for run in borrowed_runs(output, state["grams"], state["allowed"])]
    for finding in dict.fromkeys(findings):  # a quotation repeated on a page is reported once
        log.warning(finding)
    return output
