"""The comparison page (docs/compare.md): matrix, theme sections, agreement, open data, and the
published JSON of the whole argument map with its schema."""

import json

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from publish import opendata
from render import argument_map
from render.markers import fill

MARKER = "src/mkdocs_adapter/comparison_page.py"  # names this file in the markers in docs/
PAGE = argument_map.COMPARE_PAGE
JSON_PATH = "data/argument-map.json"
SCHEMA_PATH = "data/argument-map.schema.json"
log = get_plugin_logger("comparison")


def add_open_data(build, files, config):
    m = build.map
    for viewpoint, argument in m.unmapped_arguments():
        # A warning, so `--strict` fails: an argument no theme cites has no Compare box.
        log.warning(
            f"docs/{viewpoint.page}: argument #{argument.id} is cited by no position in "
            "data/positions.yml. Fix: add it to the `argument:` list of the theme it speaks to."
        )
    document = json.dumps(opendata.document(m, config.site_url or ""), ensure_ascii=False, indent=2)
    files.append(File.generated(config, JSON_PATH, content=document + "\n"))
    files.append(File.generated(config, SCHEMA_PATH, abs_src_path=str(build.root / SCHEMA_PATH)))


def page_markdown(build, markdown, page):
    if page.file.src_uri != PAGE:
        return markdown
    m = build.map
    return fill(
        markdown,
        PAGE,
        MARKER,
        {
            "jump": argument_map.jump_list(m),
            "matrix": argument_map.matrix(m),
            "themes": argument_map.theme_sections(m),
            "agree": argument_map.points(m, m.agree),
            "disagree": argument_map.points(m, m.disagree),
        },
    )


def searchable_addresses(build, html, page):
    """A theme is findable, and printed, with its address (#formal-alliance), as arguments are."""
    if page.file.src_uri != PAGE:
        return html
    for theme in build.map.themes:
        html = argument_map.searchable_address(html, theme.id)
    return html
