"""Cite this page: APA, Chicago and BibTeX for every page, from the site's metadata, the page's
title and its hosted URL (also in the offline edition), with the access date left to the reader.

The hook computes the citations; overrides/partials/av-cite.html shows them at the end of the
article. They stay out of the page's Markdown so that search does not index them on every page.
"""
import os
from datetime import datetime, timezone

from pagekit.citations import bibtex_key, formats

SITE_SLUG = "china-russia-allies"


def on_page_context(context, page, config, nav):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or datetime.now(timezone.utc).timestamp())
    updated = datetime.fromtimestamp(epoch, timezone.utc).date()
    url = (config.site_url or "").rstrip("/") + "/" + page.url
    title = page.title or config.site_name  # rendered by now: "Limited allies", no { #top }
    context["av_citations"] = formats(title, url, config.site_name, updated, bibtex_key(SITE_SLUG, page.url))
    return context
