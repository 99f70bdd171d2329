"""The download links on the home and method pages: which files, their sizes, the Markdown.

`make build` writes the offline zip and the PDF into dist/ before it builds the hosted edition,
which publishes them in downloads/ next to the pages; so the sizes are those of the real files.
The offline edition cannot contain itself: there the links point at the web edition, without sizes.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

EDITION = "china-russia-allies"  # the Makefile's EDITION: the names `make build` gives the files
FOLDER = "downloads"  # where the hosted edition publishes them
ONE_PAGE = "one-page.html"  # print_page_basename of the print-site plugin, in mkdocs.yml


@dataclass(frozen=True)
class Download:
    name: str  # file name, in dist/ and in downloads/
    label: str
    kind: str
    about: str


DOWNLOADS = (
    Download(f"{EDITION}-offline.zip", "Offline edition", "zip",
             f"the whole site, to read without a connection: unzip it and open `index.html` in the "
             f"`{EDITION}` folder."),
    Download(f"{EDITION}.pdf", "PDF", "PDF, A4",
             "the whole site as one document with a table of contents, to read or print."),
)


def human_size(size: int) -> str:
    """Bytes as a reader reads them: 940 bytes, 684 kB, 1.2 MB (decimal units)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB"


def _relative(page: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def hosted(page: str, sizes: dict[str, int | None]) -> str:
    """The list for the hosted edition: relative links to downloads/ with each file's size.

    A file missing from `sizes` (None) was not built (`mkdocs serve` before any `make build`):
    its entry says so instead of linking to nothing.
    """
    items = []
    for d in DOWNLOADS:
        size = sizes.get(d.name)
        if size is None:
            items.append(f"- **{d.label}** ({d.kind}, size shown after build): {d.about} "
                         "`make build` makes it.")
        else:
            link = _relative(page, f"{FOLDER}/{d.name}")
            items.append(f"- **[{d.label}]({link})** ({d.kind}, {human_size(size)}): {d.about}")
    return "\n".join(items + [_one_page(page)])


def offline(page: str, site_url: str) -> str:
    """The list for the offline edition: the files live on the web edition, so links go there."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    # A reader of the offline copy may have no connection: the link says it needs one.
    items = [f"- **[{d.label}]({base}{FOLDER}/{d.name})** ({d.kind}, on the web edition: needs an "
             f"internet connection): {d.about}" for d in DOWNLOADS]
    note = f"These files are published with the web edition at [{base}]({base}index.html){{: .av-url }}."
    return note + "\n\n" + "\n".join(items + [_one_page(page)])


def _one_page(page: str) -> str:
    # Raw HTML: the plugin writes this page after MkDocs validates links, so MkDocs cannot check
    # it; tests/test_editions.py checks that the link resolves in both built editions.
    href = _relative(page, ONE_PAGE)
    return (f'- **<a href="{href}">One-page edition</a>** (web page): the whole site on one page, '
            "to print from the browser or to search with the browser's find.")
