"""Sources: the Sources page from data/sources.yml, and a link reference for each source
(`[the-hundred]`, `[tenzer-axis]`) appended to every page, so a URL is written once."""
from _glue import content_error, load
from argmap import ContentError, render
from argmap.markers import fill

HOOK = "sources"
PAGE = "sources.md"
state = {}


def on_files(files, config):
    state["map"] = load(config, HOOK)
    return files


def on_page_markdown(markdown, page, config, files):
    m = state["map"]
    if page.file.src_uri == PAGE:
        try:
            markdown = fill(markdown, PAGE, HOOK, {"sources": render.sources_page(m)})
        except ContentError as error:
            raise content_error(HOOK, error) from None
    return markdown + render.link_references(m)
