"""Download links with their sizes on the home and method pages; on the hosted site, the
offline zip and the PDF themselves, published in downloads/ (named for their edition, if frozen).

`make build` writes both files into DIST_DIR first and passes DIST_DIR to the hosted build: then
both must be there. Without DIST_DIR (`make serve`, a bare `mkdocs build`) the hook looks in dist/
and, for a file not built yet, says "size shown after build" instead of linking to nothing.
"""
import os

from _glue import content_error, offline_enabled, project_root
from argmap import ContentError
from argmap.markers import fill
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from publish import downloads

HOOK = "downloads"
PAGES = ("index.md", "method.md")
state = {}


def on_files(files, config):
    state["sizes"] = {}
    if offline_enabled(config):
        return files  # the offline copy links to the hosted site's files
    required = "DIST_DIR" in os.environ
    folder = project_root(config) / os.environ.get("DIST_DIR", "dist")
    for item in downloads.files(os.environ.get("EDITION_DATE") or None):
        path = folder / item.name
        if not path.is_file():
            if required:
                raise PluginError(f"hooks/{HOOK}.py: {path} is missing. Fix: build it first; "
                                  "`make build` makes the PDF and the zip before the hosted site.")
            continue
        files.append(File.generated(config, f"{downloads.FOLDER}/{item.name}", abs_src_path=str(path)))
        state["sizes"][item.name] = path.stat().st_size
    return files


def on_page_markdown(markdown, page, config, files):
    path = page.file.src_uri
    if path not in PAGES:
        return markdown
    if offline_enabled(config):
        listing = downloads.offline(path, config.site_url or "", os.environ.get("EDITION_DATE") or None)
    else:
        listing = downloads.hosted(path, state["sizes"], os.environ.get("EDITION_DATE") or None)
    try:
        return fill(markdown, path, HOOK, {"downloads": listing})
    except ContentError as error:
        raise content_error(HOOK, error) from None
