"""The download links on the home and method pages: which files, their sizes, the Markdown.

`make build` writes the offline zip and the PDF into dist/ before it builds the hosted site,
which publishes them in downloads/ next to the pages; so the sizes are those of the real files.
The offline copy cannot contain itself: there the links point at the hosted site, without sizes.
A frozen edition's files carry its date in their names (EDITION_DATE, set by `make edition`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pagekit.pages import ONE_PAGE, relative

NAME = "china-russia-allies"  # the Makefile's NAME: the names `make build` gives the files
FOLDER = "downloads"  # where the hosted site publishes them


@dataclass(frozen=True)
class Download:
    name: str  # file name, in dist/ and in downloads/
    label: str
    kind: str
    about: str


def stem(edition: str | None = None) -> str:
    """The files' name: a frozen edition's carry its date (china-russia-allies-2026-11-30.pdf),
    the living site's keep the name readers know."""
    return f"{NAME}-{edition}" if edition else NAME


def files(edition: str | None = None) -> tuple[Download, ...]:
    name = stem(edition)
    return (
        Download(
            f"{name}-offline.zip",
            "Offline copy",
            "zip",
            "the whole site, to read without a connection: unzip it and open `index.html` in the folder it holds.",
        ),
        Download(
            f"{name}.pdf",
            "PDF",
            "PDF, A4",
            "the whole site as one document with a table of contents, to read or print.",
        ),
    )


DOWNLOADS = files()


def human_size(size: int) -> str:
    """Bytes as a reader reads them: 940 bytes, 684 kB, 1.2 MB (decimal units)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB"


def hosted(page: str, sizes: dict[str, int | None], edition: str | None = None) -> str:
    """The list for the hosted site: relative links to downloads/ with each file's size.

    A file missing from `sizes` (None) was not built (`mkdocs serve` before any `make build`):
    its entry says so instead of linking to nothing.
    """
    items = []
    for d in files(edition):
        size = sizes.get(d.name)
        if size is None:
            items.append(f"- **{d.label}** ({d.kind}, size shown after build): {d.about} `make build` makes it.")
        else:
            link = relative(page, f"{FOLDER}/{d.name}")
            items.append(f"- **[{d.label}]({link})** ({d.kind}, {human_size(size)}): {d.about}")
    return "\n".join(items + [_one_page(page)])


def offline(page: str, site_url: str, edition: str | None = None) -> str:
    """The list for the offline copy: the files live on the hosted site, so links go there."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    # A reader of the offline copy may have no connection: the link says it needs one.
    items = [
        f"- **[{d.label}]({base}{FOLDER}/{d.name})** ({d.kind}, on the hosted site: needs an "
        f"internet connection): {d.about}"
        for d in files(edition)
    ]
    note = f"These files are published with the hosted site at [{base}]({base}index.html){{: .av-url }}."
    return note + "\n\n" + "\n".join(items + [_one_page(page)])


def _one_page(page: str) -> str:
    # Raw HTML: the plugin writes this page after MkDocs validates links, so MkDocs cannot check
    # it; tests/test_formats.py checks that the link resolves in both built formats.
    href = relative(page, ONE_PAGE)
    return (
        f'- **<a href="{href}">One-page version</a>** (web page): the whole site on one page, '
        "to print from the browser or to search with the browser's find."
    )
