"""Editions (src/history/): dates near every page title, changes.html, feed.xml, editions.json,
and the frozen editions copied into the living site as they are.

Two kinds of build:
- living (the default): every page shows when it was first published and last revised, from
  editions/editions.yml; the hosted site also carries editions/YYYY-MM-DD/ byte for byte (never
  re-rendered), feed.xml and editions.json (what changed since each edition, for frozen pages).
- frozen (EDITION_DATE set, by `make edition` only): a notice on every page, no sitemap, and the
  fingerprint of what it publishes written to EDITION_FINGERPRINT for the record.

editions.json is read by the script frozen into every edition (edition-notice.js): its version-1
fields (pages -> first, revised, changed_since_latest) are a promise; add fields, never rename them.
"""

import html
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from history import changes, feed, fingerprint, record
from pagekit.markdown import headings
from pagekit.pages import CHANGES, COMPARE, ONE_PAGE, html_path, relative, to_root
from render import markers

MARKER = "src/mkdocs_adapter/edition_dates.py"  # names this file in the markers in docs/
PAGE = CHANGES
LIVING_JSON = "editions.json"
NOTICE_JS = "assets/javascripts/edition-notice.js"
H1_END = re.compile(r"</h1>")


def public_url(config) -> str:
    """The site's public address (extra.public_url in mkdocs.yml), ending in /; "" when unset."""
    url = str((config.extra or {}).get("public_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def frozen_date() -> str | None:
    """EDITION_DATE, set by `make edition` only: this build is a frozen edition of that date."""
    frozen = os.environ.get("EDITION_DATE") or None
    if frozen and not record.valid_date(frozen):
        raise PluginError(
            f"EDITION_DATE={frozen!r} is not a date YYYY-MM-DD. "
            "Fix: cut editions with `make edition EDITION_DATE=YYYY-MM-DD`, which sets it."
        )
    return frozen


def configure(build, config):
    build.editions = record.load(build.root)
    build.public = public_url(config) or (config.site_url or "")
    build.fingerprints = {}
    if build.frozen:
        # The cover of the one-page version and the PDF (overrides/print-site/cover.html).
        config.extra["av_edition"] = build.frozen
        config.extra["av_edition_long"] = changes.long_date(build.frozen)
    if build.frozen and not build.offline:
        config.extra_javascript.append(NOTICE_JS)


def _copy_editions(build, files, config):
    """The frozen editions, file by file, as static files: copied, never rendered."""
    root = build.root
    for edition in build.editions:
        folder = root / edition.folder
        if not folder.is_dir():
            raise PluginError(
                f"{record.RECORD} lists {edition.date}, but "
                f"{edition.folder} is missing. Fix: restore it from git "
                f"(`git checkout -- {edition.folder}`)."
            )
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            uri = path.relative_to(root).as_posix()
            files.append(File.generated(config, uri, abs_src_path=str(path)))


def add_files(build, files, config):
    if build.offline or build.frozen:
        return
    _copy_editions(build, files, config)
    epoch = build.epoch if build.epoch is not None else 315532800
    fallback = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    files.append(
        File.generated(config, feed.FEED, content=feed.atom(build.editions, config.site_name, build.public, fallback))
    )


def _living_targets(build, config, files) -> dict:
    """page.md -> the explicit ids it has today (and the viewpoint arguments from the map)."""
    docs = Path(config.docs_dir)
    targets = {}
    for f in files.documentation_pages():
        text = (docs / f.src_uri).read_text(encoding="utf-8") if (docs / f.src_uri).is_file() else ""
        targets[f.src_uri] = {h.id for h in headings(text) if h.id}
    m = build.map
    for v in m.viewpoints:
        targets.setdefault(v.page, set()).update(v.arguments)
    for t in m.themes:
        targets.setdefault(COMPARE, set()).add(t.id)
    return targets


def page_markdown(build, markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    marker = markers.marker(MARKER, "changes")
    if markdown.count(marker) != 1:
        raise PluginError(
            f"docs/{PAGE}: the marker {marker} must appear once. Fix: put it back where the list of editions goes."
        )
    offline_or_frozen = build.offline or build.frozen
    # Frozen pages by their public address: the same in every format, the one-page version included
    # (tests/test_frozen_editions.py checks that each one resolves in the published site).
    listing = changes.render(build.editions, build.aliases, build.public, _living_targets(build, config, files))
    feed_url = build.public + feed.FEED if offline_or_frozen else feed.FEED
    listing = f"New editions are announced in the [feed of editions]({feed_url}) (Atom).\n\n" + listing
    return markdown.replace(marker, marker + "\n\n" + listing)


def _relative(page, target: str) -> str:
    return relative(page.url, target)


def page_content(build, content, page, config):
    path = page.file.dest_uri
    if path == ONE_PAGE:
        return content  # the one-page version holds every page, each with its own line
    own = (config.site_url or "").rstrip("/") + "/"
    fp = build.fingerprints[path] = fingerprint.page(page.title or "", content, own)
    if build.frozen:
        line = _frozen_notice(build, page, path)
    else:
        line = _living_dates(build, page, path, fp["text"])
    match = H1_END.search(content)
    at = match.end() if match else 0
    return content[:at] + line + content[at:]


def _living_dates(build, page, path, text) -> str:
    dates = changes.page_dates(build.editions, path, text)
    latest = build.editions[-1] if build.editions else None
    link = _relative(page, html_path(CHANGES))
    page.meta["av_edition"] = {
        "revised": None if dates.pending else dates.revised,
        "permanent": f"{latest.address}{path}" if latest and path in latest.pages else None,
        "permanent_date": latest.date if latest and path in latest.pages else None,
        "pending": dates.pending,
        "living": None,
    }
    if dates.first is None:
        said = "Not yet in a dated edition: this text has no publication date yet."
    else:
        said = f"First published {changes.time_tag(dates.first)} · last revised {changes.time_tag(dates.revised)}"
        if dates.pending:
            said += " · changed since, to appear in the next edition"
    return f'<p class="av-dates" data-search-exclude>{said} · <a href="{html.escape(link)}">history of changes</a></p>'


def _living_root(build, path) -> str:
    """From a page of this frozen edition, published at editions/DATE/path, to the living site's root."""
    return to_root(f"{record.FOLDER}/{build.frozen}/{path}")


def _frozen_notice(build, page, path) -> str:
    day = build.frozen
    root = _living_root(build, path)
    if build.offline:
        living = build.public + path
        changes_href = build.public + html_path(CHANGES)
    else:
        living = root + path
        changes_href = root + html_path(CHANGES)
    page.meta["av_edition"] = {
        "revised": day,
        "permanent": None,
        "permanent_date": day,
        "pending": False,
        "living": build.public + path,
    }
    return (
        f'<aside class="av-frozen admonition note" data-search-exclude data-av-edition="{day}" '
        f'data-av-page="{html.escape(path)}" data-av-root="{root}">'
        f'<p class="admonition-title">Frozen edition of {changes.time_tag(day)}</p>'
        f"<p>This page is kept exactly as it was published on that date. "
        f'<a class="av-frozen__living" href="{html.escape(living)}">This page on the living site</a>'
        f'<span class="av-frozen__status"> may have changed since: see the '
        f'<a href="{html.escape(changes_href)}">history of changes</a>.</span></p></aside>'
    )


def page_context(build, context, page):
    context["av_frozen"] = build.frozen
    if build.offline:
        # A file:// copy cannot follow a feed, and the privacy plugin rightly counts a <link> to
        # another host as an external asset: the offline copy's changes page links the feed instead.
        context["av_feed_url"] = None
    elif build.frozen:
        context["av_feed_url"] = _living_root(build, page.file.dest_uri) + feed.FEED
    else:
        context["av_feed_url"] = _relative(page, feed.FEED)


def write_records(build, config):
    site = Path(config.site_dir)
    if build.frozen:
        for name in ("sitemap.xml", "sitemap.xml.gz", "404.html"):
            (site / name).unlink(missing_ok=True)
        target = os.environ.get("EDITION_FINGERPRINT")
        if target and not build.offline:
            arguments, stances = fingerprint.argument_map(build.map)
            Path(target).write_text(
                json.dumps(
                    {"pages": build.fingerprints, "arguments": arguments, "stances": stances},
                    ensure_ascii=False,
                    indent=1,
                )
            )
        return
    if build.offline:
        return
    editions = build.editions
    pages = {}
    for path, fp in sorted(build.fingerprints.items()):
        d = changes.page_dates(editions, path, fp["text"])
        pages[path] = {"first": d.first, "revised": d.revised, "changed_since_latest": d.pending}
    living = {
        "version": 1,
        "latest": editions[-1].date if editions else None,
        "editions": [{"date": e.date, "path": e.folder, "address": e.address} for e in reversed(editions)],
        "pages": pages,
    }
    (site / LIVING_JSON).write_text(json.dumps(living, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
