"""Viewpoint pages: header (verdict, source box), a Compare box under every argument, the list of
themes not addressed; and the verdicts at a glance on the home page. All from data/."""
from _glue import content_error, load
from argmap import ContentError, render
from argmap.markers import after_sections, fill

HOOK = "viewpoints"
state = {}


def on_files(files, config):
    state["map"] = load(config, HOOK)  # read per build, so `make serve` picks up edits
    return files


def on_page_markdown(markdown, page, config, files):
    m = state["map"]
    path = page.file.src_uri
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
