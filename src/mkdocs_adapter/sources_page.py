"""Sources: the Sources page from data/sources.yml, and a link reference for each source
(`[the-hundred]`, `[tenzer-axis]`) appended to every page, so a URL is written once."""
from argmap import render
from argmap.markers import fill
from pagekit.pages import SOURCES as PAGE

MARKER = "sources"  # <!-- hooks/sources.py: … --> in docs/


def page_markdown(build, markdown, page):
    m = build.map
    if page.file.src_uri == PAGE:
        markdown = fill(markdown, PAGE, MARKER, {"sources": render.sources_page(m)})
    return markdown + render.link_references(m)
