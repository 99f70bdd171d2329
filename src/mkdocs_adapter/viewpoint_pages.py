"""Viewpoint pages: the nav section listing them, header (verdict, source box), a Compare box under
every argument, the list of themes not addressed; the verdicts at a glance on the home page.
All from data/viewpoints.yml, so a new viewpoint needs only its page and its data entries."""

from mkdocs.exceptions import PluginError

from pagekit.pages import HOME
from render import argument_map
from render.markers import after_sections, fill

MARKER = "src/mkdocs_adapter/viewpoint_pages.py"  # names this file in the markers in docs/
NAV_SECTION = "Viewpoints"


def fill_nav(build, config):
    for item in config.nav or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            item[NAV_SECTION] = [v.page for v in build.map.viewpoints]
            return
    raise PluginError(
        f"mkdocs.yml: nav has no `{NAV_SECTION}` section. Fix: add `- {NAV_SECTION}: []` "
        "to nav; the build fills it from data/viewpoints.yml."
    )


def viewpoint_of(build, page):
    return next((v for v in build.map.viewpoints if v.page == page.file.src_uri), None)


def page_markdown(build, markdown, page):
    m = build.map
    path = page.file.src_uri
    markdown = argument_map.counts(markdown, m)  # "{{ number of viewpoints }}" in any page's prose
    if isinstance(page.meta.get("description"), str):  # and in its description (before the cards use it)
        page.meta["description"] = argument_map.counts(page.meta["description"], m)
    if path == HOME:
        return fill(markdown, path, MARKER, {"verdicts": argument_map.verdicts(m, path)})
    viewpoint = viewpoint_of(build, page)
    if viewpoint is None:
        return markdown
    markdown = fill(
        markdown,
        path,
        MARKER,
        {
            "header": argument_map.viewpoint_header(m, viewpoint),
            "not addressed": argument_map.not_addressed(m, viewpoint),
        },
    )
    boxes = {a.id: argument_map.compare_box(m, viewpoint, a) for a in viewpoint.arguments.values()}
    return after_sections(markdown, boxes)


def searchable_addresses(build, html, page):
    """An argument is findable by its address as well as its title: a search for "asymmetry" finds
    Expert A's argument #asymmetry, whose title says "unequal". The id goes in the heading as
    hidden text, which the search index reads (its result shows "(#asymmetry)") and paper prints."""
    viewpoint = viewpoint_of(build, page)
    if viewpoint is None:
        return html
    for argument in viewpoint.arguments.values():
        html = argument_map.searchable_address(html, argument.id)
    return html
