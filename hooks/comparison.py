"""The comparison page (docs/compare.md): matrix, theme sections, agreement, open data, and the
published JSON of the whole argument map with its schema."""
import json

from _glue import content_error, load, project_root
from argmap import ContentError, opendata, render
from argmap.markers import fill
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

HOOK = "comparison"
PAGE = render.COMPARE_PAGE
JSON_PATH = "data/argument-map.json"
SCHEMA_PATH = "data/argument-map.schema.json"
log = get_plugin_logger(HOOK)
state = {}


def on_files(files, config):
    m = state["map"] = load(config, HOOK)
    for viewpoint, argument in m.unmapped_arguments():
        # A warning, so `--strict` fails: an argument no theme cites has no Compare box.
        log.warning(f"docs/{viewpoint.page}: argument #{argument.id} is cited by no position in "
                    "data/positions.yml. Fix: add it to the `argument:` list of the theme it speaks to.")
    document = json.dumps(opendata.document(m, config.site_url or ""), ensure_ascii=False, indent=2)
    files.append(File.generated(config, JSON_PATH, content=document + "\n"))
    schema = project_root(config) / SCHEMA_PATH
    files.append(File.generated(config, SCHEMA_PATH, abs_src_path=str(schema)))
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    m = state["map"]
    try:
        return fill(markdown, PAGE, HOOK, {
            "jump": render.jump_list(m),
            "matrix": render.matrix(m),
            "themes": render.theme_sections(m),
            "agree": render.points(m, m.agree),
            "disagree": render.points(m, m.disagree),
        })
    except ContentError as error:
        raise content_error(HOOK, error) from None


@event_priority(10)  # before mkdocs-print-site-plugin keeps the page for the one-page edition
def on_page_content(html, page, config, files):
    """A theme is findable, and printed, with its address (#formal-alliance), as arguments are."""
    if page.file.src_uri != PAGE:
        return html
    for theme in state["map"].themes:
        html = render.searchable_address(html, theme.id)
    return html
