"""Context for newcomers: the timeline and glossary pages, the label spectrum on the home and
comparison pages, and keyboard access to the glossary tooltips on every page. All from data/."""

from pagekit.pages import COMPARE, HOME
from render.context import GLOSSARY_PAGE, TIMELINE_PAGE, glossary, spectrum, timeline
from render.markers import fill

MARKER = "src/mkdocs_adapter/context_pages.py"  # names this file in the markers in docs/
SPECTRUM_PAGES = (HOME, COMPARE)


def page_markdown(build, markdown, page):
    path = page.file.src_uri
    parts = {}
    if path == TIMELINE_PAGE:
        parts = {"timeline": timeline(build.context, path)}
    elif path == GLOSSARY_PAGE:
        parts = {"glossary": glossary(build.context, path)}
    elif path in SPECTRUM_PAGES:
        parts = {"spectrum": spectrum(build.map, path)}
    return fill(markdown, path, MARKER, parts) if parts else markdown
