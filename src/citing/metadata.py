"""What a page tells link previews, citation managers and search engines in its <head>: Highwire
`citation_*` tags (Zotero and Google Scholar read `name=` attributes), OpenGraph extras beside the
card that Material's social plugin adds, and schema.org JSON-LD: WebSite on the home page, Article
on the viewpoint and comparison pages (isBasedOn their source), Dataset for the open argument map,
WebPage elsewhere. Plain Python, no MkDocs import."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from argmap.model import Source

from .records import Site


@dataclass(frozen=True)
class PageMeta:
    kind: str  # "home", "article" or "page"
    title: str  # complete: "Expert A: Limited allies"
    description: str
    url: str  # canonical, living
    modified: date
    based_on: tuple[Source, ...] = ()
    image: str | None = None  # the card's address, when the build draws cards
    dataset_url: str | None = None  # the open data's address, on the page that publishes it


def citation_tags(meta: PageMeta, site: Site) -> list[tuple[str, str]]:
    return [
        ("citation_title", meta.title),
        ("citation_publication_date", f"{meta.modified:%Y/%m/%d}"),
        ("citation_public_url", meta.url),
        ("citation_language", site.language),
    ]


def og_extras(meta: PageMeta, site: Site) -> list[tuple[str, str]]:
    """OpenGraph properties the social plugin does not set; only where there is a card."""
    if not meta.image:
        return []
    alt = f"{meta.title}: a card with the page's title and summary, from {site.name}"
    return [
        ("og:site_name", site.name),
        ("og:locale", "en_GB" if site.language == "en" else site.language),
        ("og:image:alt", alt),
        ("twitter:image:alt", alt),
    ]


def _organisation(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def _work(source: Source) -> dict:
    """The source as a CreativeWork. When its address is the publication's, not the text's own
    (url_note), the address goes on the publisher, never passed off as the text's."""
    work = {"@type": "CreativeWork", "name": source.title, "publisher": _organisation(source.publication)}
    if source.url_note:
        work["publisher"]["url"] = source.url
    else:
        work["url"] = source.url
    if source.author:
        work["author"] = {"@type": "Person", "name": source.author}
    return work


def json_ld(meta: PageMeta, site: Site, home_url: str) -> list[dict]:
    publisher = _organisation(site.publisher)
    website = {
        "@type": "WebSite",
        "name": site.name,
        "url": home_url,
        "inLanguage": site.language,
        "publisher": publisher,
    }
    if meta.kind == "home":
        return [{"@context": "https://schema.org", **website, "description": meta.description}]
    node = {
        "@context": "https://schema.org",
        "@type": "Article" if meta.kind == "article" else "WebPage",
        "headline" if meta.kind == "article" else "name": meta.title,
        "description": meta.description,
        "url": meta.url,
        "mainEntityOfPage": meta.url,
        "inLanguage": site.language,
        "dateModified": meta.modified.isoformat(),
        "author": publisher,
        "publisher": publisher,
        "isPartOf": website,
    }
    if meta.image:
        node["image"] = meta.image
    if meta.based_on:
        node["isBasedOn"] = [_work(s) for s in meta.based_on]
    out = [node]
    if meta.dataset_url:
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "Dataset",
                "name": f"{site.name} The argument map",
                "description": "Every viewpoint, its arguments, its stance on each theme of the comparison, and the "
                "points where the viewpoints agree and disagree, as JSON with a JSON Schema.",
                "url": meta.url + "#open-data",
                "license": "https://creativecommons.org/licenses/by/4.0/",
                "creator": publisher,
                "publisher": publisher,
                "inLanguage": site.language,
                "dateModified": meta.modified.isoformat(),
                "isBasedOn": [_work(s) for s in meta.based_on],
                "distribution": [
                    {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": meta.dataset_url}
                ],
            }
        )
    return out


def script(data: list[dict]) -> str:
    """The JSON-LD, safe inside <script>: no "</" can end the element early."""
    text = json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("</", "<\\/")
