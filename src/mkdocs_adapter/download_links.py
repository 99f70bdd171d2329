"""Download links with their sizes on the home and method pages; on the hosted site, the
offline zip and the PDF themselves, published in downloads/ (named for their edition, if frozen).

`make build` writes both files into DIST_DIR first and passes DIST_DIR to the hosted build: then
both must be there. Without DIST_DIR (`make serve`, a bare `mkdocs build`) the build looks in dist/
and, for a file not built yet, says "size shown after build" instead of linking to nothing.
"""

import os

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from pagekit.pages import HOME, METHOD
from publish import downloads
from render.markers import fill

MARKER = "src/mkdocs_adapter/download_links.py"  # names this file in the markers in docs/
PAGES = (HOME, METHOD)


def add_files(build, files, config):
    build.download_sizes = {}
    if build.offline:
        return  # the offline copy links to the hosted site's files
    required = "DIST_DIR" in os.environ
    folder = build.root / os.environ.get("DIST_DIR", "dist")
    for item in downloads.files(build.frozen):
        path = folder / item.name
        if not path.is_file():
            if required:
                raise PluginError(
                    f"{path} is missing. Fix: build it first; "
                    "`make build` makes the PDF and the zip before the hosted site."
                )
            continue
        files.append(File.generated(config, f"{downloads.FOLDER}/{item.name}", abs_src_path=str(path)))
        build.download_sizes[item.name] = path.stat().st_size


def page_markdown(build, markdown, page, config):
    path = page.file.src_uri
    if path not in PAGES:
        return markdown
    if build.offline:
        listing = downloads.offline(path, config.site_url or "", build.frozen)
    else:
        listing = downloads.hosted(path, build.download_sizes, build.frozen)
    return fill(markdown, path, MARKER, {"downloads": listing})
