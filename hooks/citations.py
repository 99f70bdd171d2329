"""Cite this page: APA, Chicago and BibTeX for every page, from the site's metadata, the page's
title, its address and its edition, with the access date left to the reader.

The date and the permanent address come from the editions (hooks/editions.py leaves them in
page.meta["av_edition"]), never from the build clock: a living page whose text is in an edition
is cited at that edition's address and date; a text in no edition yet at its living address, with
no date. The hook computes the citations; overrides/partials/av-cite.html shows them at the end of
the article. They stay out of the page's Markdown so that search does not index them on every page.
"""
from datetime import date

from pagekit.citations import bibtex_key, formats

SITE_SLUG = "china-russia-allies"


def on_page_context(context, page, config, nav):
    edition = page.meta.get("av_edition") or {}
    living = (config.site_url or "").rstrip("/") + "/" + page.url
    if edition.get("living"):  # a frozen edition: this page's own address is the permanent one
        living, permanent = edition["living"], living
    elif edition.get("permanent") and not edition.get("pending"):
        permanent = edition["permanent"]
    else:
        permanent = None
    revised = edition.get("revised")
    title = page.title or config.site_name  # rendered by now: "Limited allies", no { #top }
    context["av_citations"] = formats(title, permanent or living, config.site_name,
                                      date.fromisoformat(revised) if revised else None,
                                      bibtex_key(SITE_SLUG, page.url))
    context["av_cite_living"] = living
    context["av_cite_permanent"] = permanent
    context["av_cite_edition"] = edition.get("permanent_date") if permanent else None
    return context
