"""Shapes the offline edition (OFFLINE=true): what only makes sense behind a web server goes.
Checks first the variables that choose the edition and its address (OFFLINE, SITE_URL): an empty
or malformed value fails the build with the values it accepts, rather than building another edition."""
import os
from pathlib import Path

from _glue import offline_enabled
from argmap import ContentError
from argmap.schema import check_environment
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


@event_priority(100)  # before any hook reads site_url
def on_config(config):
    try:
        check_environment(os.environ)
    except ContentError as error:
        raise PluginError(f"hooks/offline.py: {error}") from None
    return config


def on_post_build(config):
    if not offline_enabled(config):
        return
    # A 404 page needs a server to answer with it; from disk it only breaks (absolute asset paths).
    # The sitemap lists hosted URLs, which the hosted edition already publishes.
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        Path(config.site_dir, name).unlink(missing_ok=True)
