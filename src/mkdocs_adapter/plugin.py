"""The site's one MkDocs adapter: a plugin (`china-russia-allies` in mkdocs.yml) that owns the build's
state and calls the steps of this package in order.

It loads the argument map and the other data once per build (on_config) and keeps them on the
plugin instance; each module of this package is one concern, named for what it produces, and gets
that instance as `build`. A content mistake raised anywhere below (ContentError, CitationError,
RecordError) becomes the build's PluginError here, once, with its message as written: the file, the
item and the fix. The logic lives in plain packages with no MkDocs import (argmap, citing, fidelity,
history, pagekit, publish).

MkDocs runs each event's handlers by priority (default 0), and plugins of equal priority in their
mkdocs.yml order. This plugin comes just before print-site, which must be listed last; its steps
without a priority of their own run at AFTER_PLUGINS, just below the default, so that they still
follow every other plugin's (print-site keeps each page's HTML at priority 0 and writes the one-page
version in on_post_build, which one_page_version.py then tidies).
"""

from __future__ import annotations

import functools
import os
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from argmap import ContentError, load_map
from argmap.context import load_context
from argmap.schema import check_environment
from citing import CitationError
from history.epoch import source_date_epoch
from history.record import RecordError
from pagekit.icons import material_icon
from render.context import focusable_terms, tooltips

from . import (
    citation_boxes,
    comparison_page,
    context_pages,
    download_links,
    edition_dates,
    offline_copy,
    one_page_version,
    permalinks,
    source_checks,
    sources_page,
    theme_markup,
    viewpoint_pages,
)

CONTENT_ERRORS = (ContentError, CitationError, RecordError)
AFTER_PLUGINS = -1


def reported(step):
    """A content mistake stops the build with its own message (file, item, fix), no traceback."""

    @functools.wraps(step)
    def run(self, *args, **kwargs):
        try:
            return step(self, *args, **kwargs)
        except CONTENT_ERRORS as error:
            raise PluginError(str(error)) from None

    return run


class SitePlugin(BasePlugin):
    """What one build knows: set in on_config, read by the steps (see the module docstring)."""

    root: Path
    offline: bool  # the offline copy (OFFLINE=true)
    frozen: str | None  # EDITION_DATE: a frozen edition of that date (`make edition` only)
    epoch: int | None  # the content's last change (history/epoch.py)

    # --- on_config: the environment first, then the data, once -----------------------------------
    @event_priority(100)  # before Material's offline plugin looks for the iframe-worker shim
    @reported
    def _on_config_first(self, config):
        check_environment(os.environ)
        self.root = Path(config.config_file_path).parent
        self.offline = offline_copy.enabled(config)
        offline_copy.name_the_shim(self, config)
        return config

    @event_priority(AFTER_PLUGINS)
    @reported
    def _on_config(self, config):
        self.map = load_map(self.root)
        viewpoint_pages.fill_nav(self, config)
        self.aliases = permalinks.read_aliases(self.root, Path(config.docs_dir))
        dirs = tuple(config.theme.dirs)
        self.icons = {"link": material_icon(dirs, "link-variant"), "quote": material_icon(dirs, "format-quote-close")}
        self.citing_site = citation_boxes.publisher_site(config)
        self.epoch = source_date_epoch(self.root)
        self.issued = datetime.fromtimestamp(self.epoch, UTC).date() if self.epoch is not None else None
        citation_boxes.warn_if_local(config)
        self.context = load_context(self.root, self.map)
        one_page_version.cover_date(self, config)
        self.frozen = edition_dates.frozen_date()
        edition_dates.configure(self, config)
        source_checks.load(self)
        return config

    on_config = CombinedEvent(_on_config_first, _on_config)

    # --- files ----------------------------------------------------------------------------------
    @event_priority(AFTER_PLUGINS)
    @reported
    def on_files(self, files, config):
        offline_copy.add_the_shim(self, files, config)
        comparison_page.add_open_data(self, files, config)
        download_links.add_files(self, files, config)
        edition_dates.add_files(self, files, config)
        return files

    # --- page Markdown: generated regions, then the heading-id check over the result --------------
    @event_priority(AFTER_PLUGINS)
    @reported
    def _on_page_markdown(self, markdown, page, config, files):
        markdown = sources_page.page_markdown(self, markdown, page)
        markdown = viewpoint_pages.page_markdown(self, markdown, page)
        markdown = comparison_page.page_markdown(self, markdown, page)
        markdown = citation_boxes.page_markdown(self, markdown, page)
        markdown = context_pages.page_markdown(self, markdown, page)
        theme_markup.check_front_matter(page)
        markdown = download_links.page_markdown(self, markdown, page, config)
        return edition_dates.page_markdown(self, markdown, page, config, files)

    @event_priority(-100)  # after every step, here or in another plugin, that adds headings
    @reported
    def _on_page_markdown_last(self, markdown, page, config, files):
        markdown = permalinks.page_markdown(self, markdown, page, config)
        return f"{markdown}\n\n{tooltips(self.context)}\n"  # the glossary's, from data/glossary.yml

    on_page_markdown = CombinedEvent(_on_page_markdown, _on_page_markdown_last)

    # --- page HTML --------------------------------------------------------------------------------
    @event_priority(10)  # before mkdocs-print-site-plugin keeps the page for the one-page version
    @reported
    def _on_page_content_first(self, html, page, config, files):
        html = viewpoint_pages.searchable_addresses(self, html, page)
        return comparison_page.searchable_addresses(self, html, page)

    @event_priority(AFTER_PLUGINS)
    @reported
    def _on_page_content(self, html, page, config, files):
        html = focusable_terms(html)  # keyboard access to the glossary tooltips
        return edition_dates.page_content(self, html, page, config)

    @event_priority(-100)
    @reported
    def _on_page_content_permalinks(self, html, page, config, files):
        return permalinks.page_content(self, html, page, config)

    @event_priority(-110)  # after the permalinks: "Cite this argument" goes beside them
    @reported
    def _on_page_content_last(self, html, page, config, files):
        return citation_boxes.cite_links(self, html, page)

    on_page_content = CombinedEvent(
        _on_page_content_first, _on_page_content, _on_page_content_permalinks, _on_page_content_last
    )

    @event_priority(AFTER_PLUGINS)
    @reported
    def on_page_context(self, context, page, config, nav):
        context = citation_boxes.page_context(self, context, page, config)
        edition_dates.page_context(self, context, page)
        return context

    # --- written pages ----------------------------------------------------------------------------
    @event_priority(AFTER_PLUGINS)
    @reported
    def _on_post_page(self, output, page, config):
        output = theme_markup.without_toggle_autocomplete(output)
        source_checks.check_page(self, output, page)
        return output

    @event_priority(-100)
    @reported
    def _on_post_page_last(self, output, page, config):
        permalinks.post_page(self, output, page)
        return output

    on_post_page = CombinedEvent(_on_post_page, _on_post_page_last)

    @event_priority(AFTER_PLUGINS)
    def on_post_template(self, output_content, template_name, config):
        return theme_markup.without_toggle_autocomplete(output_content)  # 404.html is a template, not a page

    # --- the written site -------------------------------------------------------------------------
    @event_priority(AFTER_PLUGINS)
    @reported
    def _on_post_build(self, config):
        offline_copy.drop_server_files(self, config)
        one_page_version.tidy(self, config)
        edition_dates.write_records(self, config)

    @event_priority(-100)  # after mkdocs-redirects and print-site have written their pages
    @reported
    def _on_post_build_last(self, config):
        permalinks.check_published_targets(self, config)

    on_post_build = CombinedEvent(_on_post_build, _on_post_build_last)
