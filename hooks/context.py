"""Context for newcomers: the timeline and glossary pages, the label spectrum on the home and
comparison pages, and keyboard access to the glossary tooltips on every page. All from data/."""
from _glue import content_error, load, project_root
from argmap import ContentError
from argmap.context import load_context
from argmap.context_render import GLOSSARY_PAGE, TIMELINE_PAGE, focusable_terms, glossary, spectrum, timeline
from argmap.markers import fill

HOOK = "context"
SPECTRUM_PAGES = ("index.md", "compare.md")
state = {}


def on_files(files, config):
    m = state["map"] = load(config, HOOK)  # read per build, so `make serve` picks up edits
    try:
        state["context"] = load_context(project_root(config), m)
    except ContentError as error:
        raise content_error(HOOK, error) from None
    return files


def on_page_markdown(markdown, page, config, files):
    path = page.file.src_uri
    m, ctx = state["map"], state["context"]
    parts = {}
    if path == TIMELINE_PAGE:
        parts = {"timeline": timeline(ctx, path)}
    elif path == GLOSSARY_PAGE:
        parts = {"glossary": glossary(ctx, path)}
    elif path in SPECTRUM_PAGES:
        parts = {"spectrum": spectrum(m, path)}
    if not parts:
        return markdown
    try:
        return fill(markdown, path, HOOK, parts)
    except ContentError as error:
        raise content_error(HOOK, error) from None


def on_page_content(html, page, config, files):
    return focusable_terms(html)
