"""The offline copy (OFFLINE=true): what only makes sense behind a web server goes (the 404 page,
the sitemap), and the iframe-worker shim that search needs from file:// is added from the pinned
npm install, never from a CDN.

Material's offline plugin would load the shim from unpkg unless extra.polyfills already names a URL
containing "iframe-worker": the copy added here is named before that plugin looks, and only in the
offline copy (the hosted site has no use for it).
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

SHIM = "assets/vendor/iframe-worker/shim.js"
# site path -> path below node_modules/
VENDORED = {
    SHIM: "iframe-worker/shim/index.js",
}


def enabled(config) -> bool:
    """Is this the offline copy (OFFLINE=true)?"""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def name_the_shim(build, config):
    """Before Material's offline plugin adds its CDN copy."""
    if build.offline:
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]


def add_the_shim(build, files, config):
    if not build.offline:
        return
    modules = build.root / "node_modules"
    for dest, src in VENDORED.items():
        path = modules / src
        if not path.is_file():
            raise PluginError(
                f"{path} is missing. Install the pinned npm packages with "
                "`npm ci --ignore-scripts` (every make target does this for you)."
            )
        files.append(File.generated(config, dest, abs_src_path=str(path)))


def drop_server_files(build, config):
    if not build.offline:
        return
    # A 404 page needs a server to answer with it; from disk it only breaks (absolute asset paths).
    # The sitemap lists hosted URLs, which the hosted site already publishes.
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        Path(config.site_dir, name).unlink(missing_ok=True)
