"""Adds pinned third-party browser files from node_modules/ to the site, never from a CDN.

Material's offline plugin loads the iframe-worker shim (search from file://) from unpkg unless
extra.polyfills already names a URL containing "iframe-worker"; mkdocs.yml names the copy this
hook adds, taken from the version that package-lock.json pins.
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# site path -> path below node_modules/
VENDORED = {
    "assets/vendor/iframe-worker/shim.js": "iframe-worker/shim/index.js",
}


def on_files(files, config):
    modules = Path(config.config_file_path).parent / "node_modules"
    for dest, src in VENDORED.items():
        path = modules / src
        if not path.is_file():
            raise PluginError(
                f"hooks/vendor.py: {path} is missing. Install the pinned npm packages with "
                "`npm ci --ignore-scripts` (every make target does this for you)."
            )
        files.append(File.generated(config, dest, abs_src_path=str(path)))
    return files
