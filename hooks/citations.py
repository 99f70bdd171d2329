"""Cite this page: APA, Chicago and BibTeX for every page, from the site's metadata, the page's
title and its hosted URL (also in the offline edition), with the access date left to the reader."""
import os
import re
from datetime import datetime, timezone

from pagekit.citations import bibtex_key, formats

SITE_SLUG = "china-russia-allies"


def on_page_markdown(markdown, page, config, files):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or datetime.now(timezone.utc).timestamp())
    updated = datetime.fromtimestamp(epoch, timezone.utc).date()
    url = (config.site_url or "").rstrip("/") + "/" + page.url
    # At this stage the title is the raw h1, attribute list and all: "Limited allies { #top }".
    title = re.sub(r"\s*\{[^}]*\}\s*$", "", page.title or "") or config.site_name
    cites = formats(title, url, config.site_name, updated, bibtex_key(SITE_SLUG, page.url))
    blocks = "\n".join(
        f'    **{name}**\n\n    ```{"bibtex" if name == "BibTeX" else "text"}\n'
        + "\n".join("    " + line for line in text.splitlines()) + "\n    ```\n"
        for name, text in cites.items())
    # Kept out of the search index: every page has one, and search results are about content.
    return (markdown.rstrip() + "\n\n<!-- hooks/citations.py -->\n"
            '<div class="av-cite-box" data-search-exclude="true" markdown>\n\n'
            '??? info av-cite "Cite this page"\n\n'
            "    Copy a citation; put the date you read the page where it says so. To cite one argument, "
            "use the link its copy button gives.\n\n" + blocks + "\n</div>\n")
