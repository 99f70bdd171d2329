"""Prints the one-page version to a PDF with Debian's headless Chromium, through Playwright.

Usage: print_pdf.py ONE_PAGE_HTML PDF_PATH

The site title runs in the header and "page N of M" in the footer (Chromium fills the
pageNumber and totalPages spans). The table of contents gets page numbers in a second pass:
Chromium cannot compute them, so the first print is read back for the page each entry's named
destination lands on, the numbers are written into the contents, and the page is printed again
until the numbers hold (at most MAX_PASSES prints).
The page is opened from disk, as the offline copy is
read, and any request to another host fails the print: the PDF is made without network.
The creation and modification dates are set from SOURCE_DATE_EPOCH and the node ids of the
tagged PDF are renumbered, so the same input gives the same bytes.
"""

import html
import os
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from mkdocs.config import load_config

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
# Chromium flags for a closed network: no background calls home, fresh profile per launch. The one
# list: the tests (tests/conftest.py) and the bench (bench/run.py) launch Chromium with it too.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARGIN = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
# Header and footer are rendered outside the page's CSS: they need their own font and size.
BAND = (
    "font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 8pt; "
    "color: #555; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;"
)


WEB_LINKS = """base => {
    if (!base) return;
    for (const a of document.querySelectorAll("a[href]")) {
        const href = a.getAttribute("href");
        if (!href.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(href)) a.href = new URL(href, base).href;
    }
}"""


MAX_PASSES = 3
# Writes {id: page number} into the one-page version's contents (#print-page-toc), one number per
# entry, after a dotted leader; site.css styles them (@media print). Only the print carries them: on screen the
# one-page version has no pages.
TOC_NUMBERS = """numbers => {
    for (const a of document.querySelectorAll('#print-page-toc a[href^="#"]')) {
        let number = a.querySelector(':scope > .av-toc-page');
        if (!number) {
            a.insertAdjacentHTML('beforeend',
                '<span class="av-toc-leader" aria-hidden="true"></span><span class="av-toc-page"></span>');
            number = a.querySelector(':scope > .av-toc-page');
        }
        number.textContent = numbers[decodeURIComponent(a.getAttribute('href').slice(1))] || '';
    }
}"""


def site_config():
    """mkdocs.yml as the build reads it (SITE_URL from the environment)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def bands(title: str, url: str) -> tuple[str, str]:
    header = f'<div style="{BAND}"><span>{html.escape(title)}</span></div>'
    footer = (
        f'<div style="{BAND}"><span>{html.escape(url)}</span>'
        '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
    )
    return header, footer


def pdf_date(epoch: int) -> bytes:
    return time.strftime("D:%Y%m%d%H%M%S", time.gmtime(epoch)).encode()


def fix_dates(pdf: bytes, epoch: int) -> bytes:
    """Chromium stamps the print time; same-length replacement keeps the xref offsets valid."""
    return re.sub(rb"D:\d{14}", pdf_date(epoch), pdf)


def fix_node_ids(pdf: bytes) -> bytes:
    """Renumbers the tagged PDF's structure ids (`node` + 8 digits, e.g. the /Headers of table
    cells) in order of first appearance. Chromium takes them from a per-process counter that
    anything may advance before the print (paint timing on a busy machine, DevTools), so they
    are not a function of the page. Same width, so the xref offsets stay valid."""
    seen: dict[bytes, int] = {}
    return re.sub(rb"node(\d{8})", lambda m: b"node%08d" % seen.setdefault(m.group(1), len(seen) + 1), pdf)


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Object number -> its body, for the dictionaries Skia writes uncompressed (page tree, names)."""
    return {int(m.group(1)): m.group(2) for m in re.finditer(rb"(?m)^(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)}


def page_order(pdf: bytes) -> list[int]:
    """The page objects in reading order, from the catalog's page tree."""
    objects = _objects(pdf)
    catalog = next(body for body in objects.values() if b"/Type /Catalog" in body)
    root = int(re.search(rb"/Pages (\d+) 0 R", catalog).group(1))

    def walk(number: int) -> list[int]:
        body = objects[number]
        if b"/Type /Pages" not in body:
            return [number]
        kids = re.search(rb"/Kids \[([^\]]*)\]", body).group(1)
        return [page for kid in re.findall(rb"(\d+) 0 R", kids) for page in walk(int(kid))]

    return walk(root)


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Named destination (an element id of the page) -> the page number it lands on (1-based)."""
    number_of = {obj: i + 1 for i, obj in enumerate(page_order(pdf))}
    return {
        name.decode(): number_of[int(obj)]
        for name, obj in re.findall(rb"/([A-Za-z0-9_.-]+) \[(\d+) 0 R /XYZ", pdf)
        if int(obj) in number_of
    }


def print_pdf(source: Path, target: Path, prepare=None) -> None:
    """`prepare(page)`, if given, runs on the loaded page before the print (tests use it)."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        sys.exit(
            f"{CHROMIUM} is missing: install Debian's chromium (`make system-deps` or "
            "`sudo apt-get install -y chromium`)."
        )
    if not source.is_file():
        sys.exit(f"{source} is missing: the offline copy must be built first (`make pdf` does it).")
    problems = []

    def watch(request):
        if urlparse(request.url).scheme not in ("file", "data", "blob", "about"):
            problems.append(f"request to another host: {request.url}")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.on("request", watch)
        page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.goto(source.resolve().as_uri(), wait_until="networkidle")
        config = site_config()
        page.evaluate("title => { document.title = title; }", config.site_name)  # the PDF's title
        # A link to a file beside the page (the open data) would name this machine's disk in the
        # PDF: point it at the web edition instead, where a reader of the PDF can follow it.
        page.evaluate(WEB_LINKS, config.site_url or "")
        if prepare:
            prepare(page)
        header, footer = bands(config.site_name, config.site_url or "")

        def render() -> bytes:
            return page.pdf(
                format="A4",
                margin=MARGIN,
                print_background=True,
                outline=True,
                tagged=True,
                display_header_footer=True,
                header_template=header,
                footer_template=footer,
            )

        pdf, numbers = render(), None
        for _ in range(MAX_PASSES - 1):  # numbers in the contents can move what follows them
            found = destination_pages(pdf)
            if found == numbers:
                break
            numbers = found
            page.evaluate(TOC_NUMBERS, numbers)
            pdf = render()
        if destination_pages(pdf) != numbers:
            problems.append(f"the contents' page numbers did not settle in {MAX_PASSES} prints")
        browser.close()
    if problems:
        sys.exit(f"{source}: printing to PDF met problems:\n" + "\n".join(problems))
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fix_node_ids(fix_dates(pdf, epoch)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print_pdf(Path(sys.argv[1]), Path(sys.argv[2]))
