"""Citations of every page and of every argument (viewpoint pages) and theme (comparison page):
APA, Chicago, BibTeX, RIS and CSL-JSON, all from one CSL-JSON record each (src/citing/).

overrides/partials/av-cite.html shows them at the end of the article ("Cite this page", then one
box per argument, which the "Cite this argument" link beside each heading opens); they stay out of
the page's Markdown, so search does not index them. The publisher is named once, in mkdocs.yml
(extra.publisher). A text in a dated edition is cited at the edition's permanent address and date,
the living address beside it (edition_dates.py). A page or an argument without what a citation needs fails the build.
"""

import html
import logging
import re
from datetime import date
from urllib.parse import urlparse

from mkdocs.exceptions import PluginError

from citing import ACCESS_NOTE, Site, Work, citations
from citing.metadata import PageMeta, citation_tags, json_ld, og_extras, script
from citing.records import key_for
from pagekit.headings import heading_tag
from pagekit.markdown import headings
from pagekit.pages import COMPARE, HOME, ONE_PAGE, md_path

SLUG = "china-russia-allies"
LOOPBACK = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0"}
DATASET = "data/argument-map.json"  # comparison_page.py writes it


def publisher_site(config) -> Site:
    """The site as a citation names it; extra.publisher is required."""
    publisher = (config.extra or {}).get("publisher")
    if not isinstance(publisher, str) or not publisher.strip():
        raise PluginError(
            "mkdocs.yml: extra.publisher is missing. Fix: name the editorial "
            "body that publishes the site, once, as `extra: publisher: …`"
        )
    return Site(config.site_name, publisher.strip(), config.theme.get("language") or "en")


def warn_if_local(config):
    host = urlparse(config.site_url or "").hostname
    if host in LOOPBACK:
        # Fine for a local build, wrong for a published one (the deploy workflow refuses it). Outside
        # the "mkdocs" logger, so --strict does not count it and local builds keep working.
        logging.getLogger("china_russia_allies").warning(
            f"NOTE    -  this build's site_url is {config.site_url}: citations, canonical links and preview cards "
            "point at this machine, which is fine for a preview (a note, not a warning: it does not stop a strict "
            "build). Set SITE_URL to the public address for a build you publish."
        )


def page_markdown(build, markdown, page):
    """A page whose nav label is short ("Compare") keeps its full title ("Compare the arguments") for
    the browser tab, the preview card and og:title, which read the page's `title` meta."""
    found = next((h for h in headings(markdown) if h.level == 1 and h.id == "top"), None)
    if found and not page.is_homepage and found.title != page.title and "title" not in page.meta:
        page.meta["title"] = found.title
    return markdown


def _heading(page) -> str:
    """The page's own title, its h1 ("Compare the arguments"), not its shorter nav label ("Compare")."""
    first = next(iter(page.toc), None)
    return html.unescape(re.sub(r"<[^>]+>", "", first.title)) if first is not None and first.level == 1 else ""


def _sections(build, page) -> list[tuple[str, str]]:
    """(id, heading) of the page's citable parts: a viewpoint's arguments, the comparison's themes."""
    m, path = build.map, page.file.src_uri
    if path == COMPARE:
        return [(t.id, t.title) for t in m.themes]
    viewpoint = next((v for v in m.viewpoints if v.page == path), None)
    return [(a.id, a.title) for a in viewpoint.arguments.values()] if viewpoint else []


def _edition(build, page, url: str):
    """(living address, permanent address or None, date) of a page, from the editions
    (edition_dates.py leaves them in page.meta["av_edition"]): a text in an edition is cited at
    that edition's address and date; a text in none yet at its living address, with the date of
    the content's last commit."""
    edition = page.meta.get("av_edition") or {}
    if edition.get("living"):  # a frozen edition: its own address is the permanent one
        return edition["living"], url, date.fromisoformat(edition["revised"])
    if edition.get("permanent") and not edition.get("pending"):
        return url, edition["permanent"], date.fromisoformat(edition["revised"])
    return url, None, build.issued


def page_context(build, context, page, config):
    site, base = build.citing_site, (config.site_url or "").rstrip("/") + "/"
    url, permanent, issued = _edition(build, page, base + page.url)
    title = re.sub(r"\s+", " ", _heading(page)).strip()
    where = f"docs/{page.file.src_uri}"
    whole = Work(key_for(SLUG, page.url), title, url, issued, where, "page", permanent_url=permanent)
    parts = [
        (
            sid,
            heading,
            Work(
                key_for(SLUG, page.url, sid),
                f"{title} — {heading}" if title else "",
                f"{url}#{sid}",
                issued,
                where,
                f"argument #{sid}",
                permanent_url=f"{permanent}#{sid}" if permanent else None,
            ),
        )
        for sid, heading in _sections(build, page)
    ]
    context["av_citations"] = {
        "page": citations(whole, site),
        "parts": [{"id": sid, "heading": heading, "formats": citations(work, site)} for sid, heading, work in parts],
        "access_note": ACCESS_NOTE,
        "part_name": "theme" if page.file.src_uri == COMPARE else "argument",
        "living": url,
        "permanent": permanent,
        "edition": issued.isoformat() if permanent else None,
    }
    # The page's own address (a frozen page's is its edition's), dated like its citation.
    context["av_meta"] = _metadata(build, page, config, title, base + page.url, base, issued)
    return context


def _metadata(build, page, config, title, url, base, modified) -> dict:
    """The <head> metadata of a page (overrides/main.html prints it)."""
    m, site, path = build.map, build.citing_site, page.file.src_uri
    viewpoint = next((v for v in m.viewpoints if v.page == path), None)
    kind = "home" if path == HOME else "article" if viewpoint or path == COMPARE else "page"
    social = config.plugins.get("material/social")
    cards = bool(social and social.config.enabled and path != md_path(ONE_PAGE))
    meta = PageMeta(
        kind=kind,
        title=title or site.name,
        url=url,
        modified=modified,
        description=(page.meta or {}).get("description") or config.site_description or "",
        based_on=(viewpoint.source,) if viewpoint else tuple(m.sources) if path == COMPARE else (),
        image=base + "assets/images/social/" + path[:-3] + ".png" if cards else None,
        dataset_url=base + DATASET if path == COMPARE else None,
    )
    return {
        "names": citation_tags(meta, site),
        "properties": og_extras(meta, site),
        "json_ld": script(json_ld(meta, site, base)),
    }


def cite_links(build, html_text, page):
    """A "Cite this argument" link beside each citable heading, leading to its citation box; after
    permalinks.py has put the permalink and copy button in .av-anchors."""
    for sid, heading in _sections(build, page):
        opening = heading_tag(html_text, sid)
        end = html_text.find("</span></h", opening.end()) if opening else -1
        if end < 0:
            raise PluginError(
                f"docs/{page.file.src_uri}: #{sid}: no heading with its copy-link "
                "button. Fix: keep the heading `{ #" + sid + " }` on the page"
            )
        what = f"Cite this {'theme' if page.file.src_uri == COMPARE else 'argument'}"
        label = html.escape(f"{what}: {heading}", quote=True)
        link = (
            f'<a class="av-cite-link" href="#cite-{sid}" aria-label="{label}" title="{what}">{build.icons["quote"]}</a>'
        )
        html_text = html_text[:end] + link + html_text[end:]
    return html_text
