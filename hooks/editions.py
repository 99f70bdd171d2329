"""Editions (hooks/history/): dates near every page title, changes.html, feed.xml, editions.json,
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
import posixpath
import re
from datetime import datetime, timezone
from pathlib import Path

from _glue import load, offline_enabled, project_root
from argmap.model import ContentError, read_yaml
from history import changes, feed, fingerprint, record
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

HOOK = "editions"
PAGE = "changes.md"
LIVING_JSON = "editions.json"
ONE_PAGE = "one-page.html"  # print_page_basename in mkdocs.yml
NOTICE_JS = "assets/javascripts/edition-notice.js"
H1_END = re.compile(r"</h1>")
EXPLICIT_ID = re.compile(r"\{\s*#([a-z0-9-]+)\s*\}")
state = {}


def public_url(config) -> str:
    """The site's public address (extra.public_url in mkdocs.yml), ending in /; "" when unset."""
    url = str((config.extra or {}).get("public_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def on_config(config):
    root = project_root(config)
    try:
        state["editions"] = record.load(root)
        state["aliases"] = read_yaml(root, "data/aliases.yml") or {}
    except (record.RecordError, ContentError) as error:
        raise PluginError(f"hooks/{HOOK}.py: {error}") from None
    state["frozen"] = os.environ.get("EDITION_DATE") or None
    if state["frozen"] and not record.valid_date(state["frozen"]):
        raise PluginError(f"hooks/{HOOK}.py: EDITION_DATE={state['frozen']!r} is not a date YYYY-MM-DD. "
                          "Fix: cut editions with `make edition EDITION_DATE=YYYY-MM-DD`, which sets it.")
    state["offline"] = offline_enabled(config)
    state["public"] = public_url(config) or (config.site_url or "")
    state["pages"] = {}
    if state["frozen"]:
        # The cover of the one-page version and the PDF (overrides/print-site/cover.html).
        config.extra["av_edition"] = state["frozen"]
        config.extra["av_edition_long"] = changes.long_date(state["frozen"])
    if state["frozen"] and not state["offline"]:
        config.extra_javascript.append(NOTICE_JS)
    return config


def _copy_editions(files, config):
    """The frozen editions, file by file, as static files: copied, never rendered."""
    root = project_root(config)
    for edition in state["editions"]:
        folder = root / edition.folder
        if not folder.is_dir():
            raise PluginError(f"hooks/{HOOK}.py: {record.RECORD} lists {edition.date}, but "
                              f"{edition.folder} is missing. Fix: restore it from git "
                              f"(`git checkout -- {edition.folder}`).")
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            uri = path.relative_to(root).as_posix()
            files.append(File.generated(config, uri, abs_src_path=str(path)))


def on_files(files, config):
    if state["offline"] or state["frozen"]:
        return files
    _copy_editions(files, config)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or 315532800)
    fallback = datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    files.append(File.generated(config, feed.FEED, content=feed.atom(
        state["editions"], config.site_name, state["public"], fallback)))
    return files


def _living_targets(config, files) -> dict:
    """page.md -> the explicit ids it has today (and the viewpoint arguments from the map)."""
    docs = Path(config.docs_dir)
    targets = {}
    for f in files.documentation_pages():
        text = (docs / f.src_uri).read_text(encoding="utf-8") if (docs / f.src_uri).is_file() else ""
        targets[f.src_uri] = set(EXPLICIT_ID.findall(text))
    try:
        m = load(config, HOOK)
    except PluginError:
        return targets
    for v in m.viewpoints:
        targets.setdefault(v.page, set()).update(v.arguments)
    for t in m.themes:
        targets.setdefault("compare.md", set()).add(t.id)
    return targets


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    marker = f"<!-- hooks/{HOOK}.py: changes -->"
    if markdown.count(marker) != 1:
        raise PluginError(f"hooks/{HOOK}.py: docs/{PAGE}: the marker {marker} must appear once. "
                          "Fix: put it back where the list of editions goes.")
    offline_or_frozen = state["offline"] or state["frozen"]
    # Frozen pages by their public address: the same in every format, the one-page version included
    # (tests/test_frozen_editions.py checks that each one resolves in the published site).
    listing = changes.render(state["editions"], state["aliases"], state["public"],
                             _living_targets(config, files))
    feed_url = state["public"] + feed.FEED if offline_or_frozen else feed.FEED
    listing = (f"New editions are announced in the [feed of editions]({feed_url}) (Atom).\n\n" + listing)
    return markdown.replace(marker, marker + "\n\n" + listing)


def _relative(page, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.url) or ".")


def on_page_content(content, page, config, files):
    path = page.file.dest_uri
    if path == ONE_PAGE:
        return content  # the one-page version holds every page, each with its own line
    own = (config.site_url or "").rstrip("/") + "/"
    fp = state["pages"][path] = fingerprint.page(page.title or "", content, own)
    if state["frozen"]:
        line = _frozen_notice(page, path)
    else:
        line = _living_dates(page, path, fp["text"])
    match = H1_END.search(content)
    at = match.end() if match else 0
    return content[:at] + line + content[at:]


def _living_dates(page, path, text) -> str:
    dates = changes.page_dates(state["editions"], path, text)
    latest = state["editions"][-1] if state["editions"] else None
    link = _relative(page, "changes.html")
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
    return (f'<p class="av-dates" data-search-exclude>{said} · '
            f'<a href="{html.escape(link)}">history of changes</a></p>')


def _frozen_notice(page, path) -> str:
    day = state["frozen"]
    depth = path.count("/") + 2  # editions/DATE/ + the page's own folders
    if state["offline"]:
        living = state["public"] + path
        changes_href = state["public"] + "changes.html"
    else:
        living = "../" * depth + path
        changes_href = "../" * depth + "changes.html"
    page.meta["av_edition"] = {"revised": day, "permanent": None, "permanent_date": day, "pending": False,
                               "living": state["public"] + path}
    return (f'<aside class="av-frozen admonition note" data-search-exclude data-av-edition="{day}" '
            f'data-av-page="{html.escape(path)}" data-av-root="{"../" * depth}">'
            f'<p class="admonition-title">Frozen edition of {changes.time_tag(day)}</p>'
            f"<p>This page is kept exactly as it was published on that date. "
            f'<a class="av-frozen__living" href="{html.escape(living)}">This page on the living site</a>'
            f'<span class="av-frozen__status"> may have changed since: see the '
            f'<a href="{html.escape(changes_href)}">history of changes</a>.</span></p></aside>')


def on_page_context(context, page, config, nav):
    context["av_frozen"] = state["frozen"]
    if state["offline"]:
        # A file:// copy cannot follow a feed, and the privacy plugin rightly counts a <link> to
        # another host as an external asset: the offline copy's changes page links the feed instead.
        context["av_feed_url"] = None
    elif state["frozen"]:
        context["av_feed_url"] = "../" * (page.file.dest_uri.count("/") + 2) + feed.FEED
    else:
        context["av_feed_url"] = _relative(page, feed.FEED)
    return context


def on_post_build(config):
    site = Path(config.site_dir)
    if state["frozen"]:
        for name in ("sitemap.xml", "sitemap.xml.gz", "404.html"):
            (site / name).unlink(missing_ok=True)
        target = os.environ.get("EDITION_FINGERPRINT")
        if target and not state["offline"]:
            arguments, stances = fingerprint.argument_map(load(config, HOOK))
            Path(target).write_text(json.dumps({"pages": state["pages"], "arguments": arguments,
                                                "stances": stances}, ensure_ascii=False, indent=1))
        return
    if state["offline"]:
        return
    editions = state["editions"]
    pages = {}
    for path, fp in sorted(state["pages"].items()):
        d = changes.page_dates(editions, path, fp["text"])
        pages[path] = {"first": d.first, "revised": d.revised, "changed_since_latest": d.pending}
    living = {"version": 1, "latest": editions[-1].date if editions else None,
              "editions": [{"date": e.date, "path": e.folder, "address": e.address} for e in reversed(editions)],
              "pages": pages}
    (site / LIVING_JSON).write_text(json.dumps(living, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
