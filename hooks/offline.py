"""Shapes the offline edition (OFFLINE=true): what only makes sense behind a web server goes."""
from pathlib import Path


def offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def on_post_build(config):
    if not offline_enabled(config):
        return
    # A 404 page needs a server to answer with it; from disk it only breaks (absolute asset paths).
    # The sitemap lists hosted URLs, which the hosted edition already publishes.
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        Path(config.site_dir, name).unlink(missing_ok=True)
