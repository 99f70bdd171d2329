"""Sources: the Sources page from data/sources.yml, and a link reference for each source
(`[the-hundred]`, `[tenzer-axis]`) appended to every page, so a URL is written once."""

from pagekit.pages import SOURCES as PAGE
from render import argument_map
from render.markers import fill

MARKER = "src/mkdocs_adapter/sources_page.py"  # names this file in the markers in docs/


def page_markdown(build, markdown, page):
    m = build.map
    if page.file.src_uri == PAGE:
        markdown = fill(markdown, PAGE, MARKER, {"sources": argument_map.sources_page(m)})
    return markdown + argument_map.link_references(m)
