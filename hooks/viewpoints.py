"""Viewpoint pages: the nav section listing them, header (verdict, source box), a Compare box under
every argument, the list of themes not addressed; the verdicts at a glance on the home page.
All from data/viewpoints.yml, so a new viewpoint needs only its page and its data entries."""
from _glue import content_error, load
from argmap import ContentError, render
from argmap.markers import after_sections, fill
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

HOOK = "viewpoints"
state = {}


NAV_SECTION = "Viewpoints"


def on_config(config):
    m = state["map"] = load(config, HOOK)  # read per build, so `make serve` picks up edits
    for item in config.nav or []:
        if isinstance(item, dict) and NAV_SECTION in item:
            item[NAV_SECTION] = [v.page for v in m.viewpoints]
            break
    else:
        raise PluginError(f"hooks/{HOOK}.py: mkdocs.yml: nav has no `{NAV_SECTION}` section. "
                          f"Fix: add `- {NAV_SECTION}: []` to nav; this hook fills it from data/viewpoints.yml.")
    return config


def on_page_markdown(markdown, page, config, files):
    m = state["map"]
    path = page.file.src_uri
    markdown = render.counts(markdown, m)  # "{{ number of viewpoints }}" in any page's prose
    if isinstance(page.meta.get("description"), str):  # and in its description (before the cards use it)
        page.meta["description"] = render.counts(page.meta["description"], m)
    try:
        if path == "index.md":
            return fill(markdown, path, HOOK, {"verdicts": render.verdicts(m, path)})
        viewpoint = next((v for v in m.viewpoints if v.page == path), None)
        if viewpoint is None:
            return markdown
        markdown = fill(markdown, path, HOOK, {
            "header": render.viewpoint_header(m, viewpoint),
            "not addressed": render.not_addressed(m, viewpoint),
        })
        boxes = {a.id: render.compare_box(m, viewpoint, a) for a in viewpoint.arguments.values()}
        return after_sections(markdown, boxes)
    except ContentError as error:
        raise content_error(HOOK, error) from None


@event_priority(10)  # before mkdocs-print-site-plugin keeps the page for the one-page edition
def on_page_content(html, page, config, files):
    """An argument is findable by its address as well as its title: a search for "asymmetry" finds
    Expert A's argument #asymmetry, whose title says "unequal". The id goes in the heading as
    hidden text, which the search index reads (its result shows "(#asymmetry)") and paper prints."""
    viewpoint = next((v for v in state["map"].viewpoints if v.page == page.file.src_uri), None)
    if viewpoint is None:
        return html
    for argument in viewpoint.arguments.values():
        html = render.searchable_address(html, argument.id)
    return html
