"""Adds pinned third-party browser files from node_modules/ to the site, never from a CDN.

The offline edition needs the iframe-worker shim (search from file://). Material's offline plugin
would load it from unpkg unless extra.polyfills already names a URL containing "iframe-worker":
this hook names the copy it adds, from the version package-lock.json pins, before that plugin
looks, and only in the offline edition (the hosted one has no use for it).
"""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from _glue import offline_enabled

SHIM = "assets/vendor/iframe-worker/shim.js"
# site path -> path below node_modules/
VENDORED = {
    SHIM: "iframe-worker/shim/index.js",
}


@event_priority(100)  # before Material's offline plugin adds its CDN copy
def on_config(config):
    if offline_enabled(config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
    return config


def on_files(files, config):
    if not offline_enabled(config):
        return files
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
