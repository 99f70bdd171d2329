"""The one-page version (one-page.html, written by mkdocs-print-site-plugin): made valid and
readable from disk, and checked: every internal link jumps within the page, no id twice."""

from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from pagekit.pages import ONE_PAGE
from publish import onepage

log = get_plugin_logger("one_page")


def entries(links) -> list[onepage.Entry]:
    """The plugin's table of contents (MkDocs AnchorLinks) as plain entries."""
    return [onepage.Entry(link.title, link.id, entries(link.children)) for link in links]


def cover_date(build, config):
    # The cover's date (overrides/print-site/cover.html). Outside a frozen edition (whose cover
    # gives the edition's date, edition_dates.py) the cover gives the date of the sources it was
    # made from (history/epoch.py).
    config.extra["av_sources_date"] = onepage.sources_date(build.epoch)


def tidy(build, config):
    """After print-site has written the page (the adapter runs after the plugins listed before it)."""
    path = Path(config.site_dir, ONE_PAGE)
    if not path.is_file():
        raise PluginError(
            f"{path} was not written. Fix: keep the print-site "
            f"plugin in mkdocs.yml with print_page_basename: {path.stem}."
        )
    # The plugin renders the page after MkDocs' page events: give it the post_page event every
    # other page gets (theme markup fixes, the privacy plugin's check for external assets).
    plugin = config.plugins["print-site"]
    page = config.plugins.on_post_page(path.read_text(encoding="utf-8"), page=plugin.print_page, config=config)
    # The plugin renders with the context of 404.html, whose base URL is site_url's path.
    base_url = urlsplit(config.site_url or "/").path
    try:
        page = onepage.tidy(page, base_url, entries(plugin.print_page.toc))
    except onepage.UnexpectedOutput as error:
        raise PluginError(
            f"{path.name}: {error}. Fix: check the fixes in "
            "src/publish/onepage.py against the pinned mkdocs-print-site-plugin."
        ) from None
    for problem in onepage.problems(page):
        log.warning(
            f"{path.name}: {problem}. Fix: give the element a heading id that the plugin "
            "prefixes with its page (an explicit { #id } on a heading), or link to one."
        )
    path.write_text(page, encoding="utf-8")
