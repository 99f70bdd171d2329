"""Formats a reader takes away: the download links, the one-page version, the PDF, and printing
any page from the browser. Each check is also run on a broken input, to show it can fail."""

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import DOWNLOAD_NAME, ROOT, html_pages, mkdocs_build
from htmlscan import find, parse

from publish import downloads, onepage

PDF_NAME = f"{DOWNLOAD_NAME}.pdf"
ZIP_NAME = f"{DOWNLOAD_NAME}-offline.zip"
DOWNLOAD_PAGES = ("index.html", "method.html")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- Download links ------------------------------------------------------------------------------


def download_links(site: Path, page: str) -> dict[str, tuple[str, str]]:
    """The page's links to the zip, the PDF and the one-page version: name -> (href, its list item's text)."""
    out = {}
    for item in re.findall(r"<li>(.*?)</li>", read(site / page), flags=re.S):
        for a in find(parse(item), "a"):
            href = a.attrs.get("href", "")
            name = href.rsplit("/", 1)[-1]
            if name in (ZIP_NAME, PDF_NAME, downloads.ONE_PAGE):
                out[name] = (href, flat(re.sub(r"<[^>]+>", "", item)))
    return out


def unresolved(site: Path, page: str) -> list[str]:
    """Download links on `page` that do not lead to a file of the built site, or lack its size."""
    problems = []
    links = download_links(site, page)
    for name in (ZIP_NAME, PDF_NAME, downloads.ONE_PAGE):
        if name not in links:
            problems.append(f"{page}: no link to {name}")
            continue
        href, item = links[name]
        target = (site / page).parent / href
        if not target.is_file():
            problems.append(f"{page}: {href} does not resolve in the built site")
        elif name != downloads.ONE_PAGE and downloads.human_size(target.stat().st_size) not in item:
            problems.append(f"{page}: the size of {href} ({target.stat().st_size} bytes) is not in “{item}”")
    return problems


def test_download_links_on_home_and_method_resolve_with_sizes(formats):
    for page in DOWNLOAD_PAGES:
        assert unresolved(formats.site, page) == []
    # What is published is what `make build` made.
    dist = formats.zip.parent
    for name in (ZIP_NAME, PDF_NAME):
        assert (formats.site / downloads.FOLDER / name).read_bytes() == (dist / name).read_bytes(), name


def test_download_link_check_fails_without_the_files(formats, tmp_path):
    shutil.copy(formats.site / "index.html", tmp_path / "index.html")
    problems = unresolved(tmp_path, "index.html")
    assert len(problems) == 3 and all("does not resolve" in p for p in problems), problems


def test_offline_edition_links_the_downloads_on_the_web(formats):
    assert not (formats.offline / downloads.FOLDER).exists(), "the offline copy cannot contain itself"
    for page in DOWNLOAD_PAGES:
        links = download_links(formats.offline, page)
        for name in (ZIP_NAME, PDF_NAME):
            assert links[name][0] == f"{formats.site_url}{downloads.FOLDER}/{name}", (page, links)
            # Beside the link, not only in a note above the list: it needs a connection.
            assert "needs an internet connection" in links[name][1], (page, links[name])
        assert (formats.offline / links[downloads.ONE_PAGE][0]).is_file(), page


def test_download_list_before_any_build_says_so():
    listing = downloads.hosted("index.md", {})
    assert listing.count("size shown after build") == 2
    assert "](downloads/" not in listing  # no link to a file that is not there
    built = downloads.hosted("method.md", {ZIP_NAME: 784_063, PDF_NAME: 1_393_520})
    assert f"](downloads/{ZIP_NAME})** (zip, 784 kB)" in built and "1.4 MB" in built


def test_human_size():
    assert [downloads.human_size(n) for n in (940, 1000, 684_400, 1_393_520)] == [
        "940 bytes",
        "1 kB",
        "684 kB",
        "1.4 MB",
    ]


# --- The one-page version -------------------------------------------------------------------------


def nav_pages(site: Path) -> list[str]:
    """The site's pages in navigation order, from the primary navigation of the home page."""
    els = parse(read(site / "index.html"))
    hrefs = [
        a.attrs["href"]
        for a in find(els, "a")
        if "md-nav__link" in a.classes and a.attrs.get("href", "").endswith(".html")
    ]
    return list(dict.fromkeys(urljoin("index.html", h) for h in hrefs))


def content(page: str) -> str:
    """The combined pages, without the theme's header, navigation and footer around them."""
    start = page.index('<div id="print-site-page"')
    return page[start : page.index("</article>", start)]


@pytest.mark.parametrize("fmt", ["site", "offline"])
def test_one_page_version_holds_every_page_in_reading_order(formats, fmt):
    root = getattr(formats, fmt)
    pages = nav_pages(formats.site)
    assert len(pages) >= 8, pages
    text = content(read(root / downloads.ONE_PAGE))
    keys = [p[:-5].replace("/", "-") for p in pages]  # the plugin's section id per page
    positions = [text.find(f'<section class="print-page" id="{k}"') for k in keys]
    assert -1 not in positions, dict(zip(keys, positions, strict=False))
    assert positions == sorted(positions), "pages out of navigation order"
    assert 'id="print-page-toc"' in text and 'class="av-cover"' in text


@pytest.mark.parametrize("fmt", ["site", "offline"])
def test_one_page_internal_links_jump_within_the_page(formats, fmt):
    page = read(getattr(formats, fmt) / downloads.ONE_PAGE)
    assert onepage.problems(page) == []
    # No link in the combined pages leaves for another page of the site.
    hrefs = [a.attrs["href"] for a in find(parse(content(page)), "a") if a.attrs.get("href")]
    assert len([h for h in hrefs if h.startswith("#")]) > 100
    leaving = [
        h for h in hrefs if not h.startswith(("#", "http:", "https:", "mailto:")) and re.search(r"\.html(#|$)", h)
    ]
    assert leaving == []


def test_one_page_checks_fail_on_broken_markup():
    assert onepage.problems('<h2 id="a"></h2><p id="a"></p><a href="#b">b</a>') == [
        'id "a" appears 2 times',
        'link to "#b", which no element has as its id',
    ]
    with pytest.raises(onepage.UnexpectedOutput, match="base URL"):
        onepage.tidy("<html>nothing the plugin writes</html>", "/china-russia/", [])


@pytest.mark.parametrize("fmt", ["site", "offline"])
def test_no_page_loads_the_print_site_plugins_script(formats, fmt):
    """Its last use, on the one-page version, was to hide the navigation, tabs and search once the
    page was parsed; the page's style hides them from the first paint (overrides/main.html)."""
    root = getattr(formats, fmt)
    pages = html_pages(root)
    assert root / downloads.ONE_PAGE in pages
    loading = [
        p.relative_to(root).as_posix()
        for p in pages
        if "print-site.js" in read(p) or "remove_material_navigation" in read(p)
    ]
    assert loading == []


def test_each_page_of_the_one_page_version_is_given_its_length():
    """The length (characters of text) site.css turns into the height a page's section holds on
    screen until it is laid out; not on the table of contents or a navigation section."""
    page = (
        '<section class="print-page"><ul><li>Contents</li></ul></section>'
        "<section class='print-page md-section' id='section-2'><h1>Views</h1>"
        '<section class="print-page" id="a"><h1>A &amp; <em>B</em></h1>\n<p>two  words</p></section>'
        "</section>"
    )
    out = onepage.with_lengths(page)
    assert '<section class="print-page" id="a" style="--av-length: 15">' in out
    assert out.count("--av-length") == 1
    with pytest.raises(onepage.UnexpectedOutput, match="no page's section"):
        onepage.with_lengths("<p>the plugin wrote no section</p>")


def test_strict_build_fails_on_a_link_the_one_page_edition_breaks(project_copy, tmp_path):
    """The plugin prefixes heading ids with their page, but not the ids of other elements: a link
    to one of those works on its page and would break in the one-page version."""
    method = project_copy / "docs" / "method.md"
    method.write_text(read(method) + "\nA paragraph.\n{ #plain-id }\n\n[To it](#plain-id).\n", encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "out")
    assert result.returncode != 0
    assert 'one-page.html: link to "#method-plain-id"' in result.stderr, result.stderr[-2000:]


# --- The PDF ----------------------------------------------------------------------------------------


def pdf_pages(pdf: Path) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.fail(
            "pdftotext is missing: install Debian's poppler-utils (`make system-deps` or "
            "`sudo apt-get install -y poppler-utils`)."
        )
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def flat(text: str) -> str:
    """Text as a reader sees it, whatever the line breaks and quote marks."""
    text = text.replace("\u00ad", "").translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split())


def missing_from(text: str, wanted: list[str]) -> list[str]:
    return [w for w in wanted if flat(w) not in text]


@pytest.fixture(scope="module")
def pdf(formats):
    return pdf_pages(formats.zip.parent / PDF_NAME)


def test_pdf_has_every_verdict_and_every_theme_question(pdf, amap):
    text = flat(" ".join(pdf))
    wanted = [v.verdict for v in amap.viewpoints] + [t.question for t in amap.themes]
    assert len(wanted) >= 10
    assert missing_from(text, wanted) == []


def test_pdf_check_fails_when_a_verdict_is_missing(pdf, amap):
    verdict = amap.viewpoints[0].verdict
    text = flat(" ".join(pdf)).replace(flat(verdict), "")
    assert missing_from(text, [verdict]) == [verdict]


def test_pdf_opens_with_a_table_of_contents(pdf, formats):
    """A cover, then "Contents" listing every page of the navigation, before the first page's text."""
    titles = [
        a.text.strip()
        for a in find(parse(read(formats.site / "index.html")), "a")
        if "md-nav__link" in a.classes and a.attrs.get("href", "").endswith(".html")
    ]
    start = next(i for i, page in enumerate(pdf[:4]) if "Contents" in page.split())
    contents = flat(pdf[start])
    assert contents.count("Contents") == 1
    after = contents[contents.index("Contents") :]
    assert missing_from(after, titles) == [], after


RUNNING_TITLE = "Are China and Russia allies?"  # the PDF's header band (tools/print_pdf.py)


def contents_entries(pdf_path: Path, pages: list[str]) -> list[tuple[str, int]]:
    """(title, page number) for each line of the PDF's contents, read with its layout kept."""
    start = next(i for i, page in enumerate(pages[:4]) if "Contents" in page.split())
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(start + 1), "-l", str(start + 1), str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    after = text[text.index("Contents") + len("Contents") :]
    return [(m.group(1).strip(), int(m.group(2))) for m in re.finditer(r"(?m)^\s*(\S.*?)\s{2,}(\d+)\s*$", after)]


def contents_targets(formats, entries) -> list[tuple[str, str, int]]:
    """(title, heading that starts the entry, page number) for each contents entry."""
    page = read(formats.offline / downloads.ONE_PAGE)
    toc = re.search(r'<div id="print-page-toc".*?</nav>', page, re.S).group(0)
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)
    assert [t for _, t in links] == [t for t, _ in entries], (links, entries)
    out = []
    for (target, title), (_, number) in zip(links, entries, strict=False):
        section = re.search(
            rf'<section class="print-page" id="{re.escape(target)}"[^>]*>\s*<h1[^>]*>(.*?)</h1>', page, re.S
        )
        heading = re.sub(r"<[^>]+>", "", section.group(1)).rstrip("#").strip() if section else title
        out.append((title if section else f"{title} (section)", heading, number))
    return out


def starts_on(pdf: list[str], heading: str, number: int) -> bool:
    """The heading is at the top of that page, below the running title of the header."""
    if not 1 <= number <= len(pdf):
        return False
    body = flat(pdf[number - 1]).removeprefix(RUNNING_TITLE)
    return flat(heading) in body[:120]


def test_pdf_contents_give_the_page_each_entry_starts_on(pdf, formats):
    """Each contents line ends with a page number, and that page opens with the entry: the first
    heading of the site page it names (or, for a navigation section, its title)."""
    entries = contents_entries(formats.zip.parent / PDF_NAME, pdf)
    nav = [
        a.text.strip()
        for a in find(parse(read(formats.site / "index.html")), "a")
        if "md-nav__link" in a.classes and a.attrs.get("href", "").endswith(".html")
    ]
    assert missing_from(" ".join(t for t, _ in entries), nav) == [], entries
    numbers = [n for _, n in entries]
    assert numbers == sorted(numbers) and numbers[0] > 1, entries
    wrong = [(t, h, n) for t, h, n in contents_targets(formats, entries) if not starts_on(pdf, h, n)]
    assert wrong == [], wrong


def test_pdf_contents_check_fails_on_a_page_number_off_by_one(pdf, formats):
    targets = contents_targets(formats, contents_entries(formats.zip.parent / PDF_NAME, pdf))
    pages = [(t, h, n) for t, h, n in targets if not t.endswith("(section)")]  # a section's title is one word
    assert len(pages) >= 10
    for shift in (-1, 1):
        assert [t for t, h, n in pages if starts_on(pdf, h, n + shift)] == [], shift


def test_pdf_links_lead_to_the_web_not_to_the_build_machine(formats):
    data = (formats.zip.parent / PDF_NAME).read_bytes()
    uris = set(re.findall(rb"/URI \(([^)]*)\)", data))
    assert f"{formats.site_url}data/argument-map.json".encode() in uris
    assert not [u for u in uris if u.startswith(b"file:")]


def test_pdf_pages_carry_site_title_and_page_numbers(pdf):
    total = len(pdf)
    assert total > 10
    for number, page in enumerate(pdf, start=1):
        text = flat(page)
        assert "Are China and Russia allies?" in text, number
        assert f"page {number} of {total}" in text, number


# --- Printing any page from the browser -------------------------------------------------------------

# Everything that only serves the screen: navigation, search, palette toggle, buttons, footer.
SCREEN_ONLY = [
    "nav",
    "[role=navigation]",
    ".md-header",
    ".md-tabs",
    ".md-sidebar",
    ".md-search",
    ".md-footer",
    ".md-top",
    "[data-av-palette]",
    "button",
    ".md-content__button",
    ".headerlink",
    "label.md-overlay",
]


def visible_screen_parts(page) -> list[str]:
    return [
        f"{selector} #{i}"
        for selector in SCREEN_ONLY
        for i, element in enumerate(page.locator(selector).all())
        if element.is_visible()
    ]


def print_view(open_page, url, scheme):
    page, watch = open_page(color_scheme=scheme, width=1280, height=900)
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    return page, watch


@pytest.fixture(scope="module")
def print_shots(tmp_path_factory):
    return tmp_path_factory.mktemp("print-shots")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("which", ["compare", "viewpoint"])
def test_printed_page_has_no_navigation_and_keeps_boxes_whole(
    formats, server, open_page, amap, print_shots, which, scheme
):
    path = "compare.html" if which == "compare" else amap.viewpoints[0].page[:-3] + ".html"
    page, watch = print_view(open_page, server + path, scheme)
    shot = print_shots / f"{path.replace('/', '-')}-print-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.locator("h1").first.is_visible()
    assert visible_screen_parts(page) == []
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.querySelector('.md-typeset'));
        const link = document.querySelector('.md-typeset a[href^="http"]');
        return {color: s.color, background: getComputedStyle(document.body).backgroundColor,
                size: parseFloat(s.fontSize), after: getComputedStyle(link, '::after').content,
                href: link.getAttribute('href')};
    }""")
    # Ink on white, whatever the screen's colour scheme; readable type.
    assert luminance(style["color"]) < 0.1 and luminance(style["background"]) > 0.95, style
    assert style["size"] >= 13, style
    assert style["href"] in style["after"], style  # external link targets printed after the text
    boxes = ".md-typeset blockquote, .av-source, .av-position, .av-compare"
    breaks = page.eval_on_selector_all(boxes, "els => els.map(e => getComputedStyle(e).breakInside)")
    assert breaks and set(breaks) == {"avoid"}, breaks
    if which == "compare":
        matrix = page.evaluate("""() => {
            const t = document.querySelector('table.av-matrix');
            return {width: t.getBoundingClientRect().width,
                    room: t.closest('.md-content').getBoundingClientRect().width,
                    head: getComputedStyle(t.tHead).display};
        }""")
        assert matrix["head"] == "table-header-group" and matrix["width"] <= matrix["room"] + 1, matrix
    watch.check(f"{path} printed, {scheme}")


@pytest.mark.browser
def test_print_check_sees_navigation_left_visible(server, open_page):
    page, _ = print_view(open_page, server + "compare.html", "light")
    page.add_style_tag(content="@media print { .md-header { display: block !important; } }")
    assert any(p.startswith(".md-header") for p in visible_screen_parts(page))


def luminance(css_color: str) -> float:
    r, g, b = (int(x) / 255 for x in re.findall(r"[\d.]+", css_color)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# --- Paper: no stranded heading, a dated cover, how to link and cite ------------------------------


def heading_texts(one_page_html: str) -> set[str]:
    """The headings (and run-in titles such as "In the viewpoints") as printed text."""

    def clean(text):
        text = re.sub(
            r'<a class="headerlink".*?</a>|<button.*?</button>|<span class="av-address" hidden>.*?</span>',
            "",
            text,
            flags=re.S,
        )
        return " ".join(re.sub(r"<[^>]+>", "", text).replace("&amp;", "&").replace("&#39;", "'").split())

    heads = {clean(m[1]) for m in re.findall(r"<h([1-4])[^>]*>(.*?)</h\1>", one_page_html, flags=re.S)}
    heads |= {clean(m) for m in re.findall(r'<p class="av-term-uses__title">(.*?)</p>', one_page_html, flags=re.S)}
    return heads - {""}


def stranded_headings(pages: list[str], heads: set[str], band: bool) -> list[str]:
    """Headings printed with fewer than two lines of what follows them on their sheet (or, when
    less follows before the next heading, with less than all of it). Contents pages are skipped;
    `band`: each page opens with the running title and ends with the address and page number."""
    lines = []
    for number, text in enumerate(pages, 1):
        body = [line.strip() for line in text.splitlines() if line.strip()]
        body = body[1:-2] if band else body
        if sum(line.isdigit() for line in body) >= 5:
            continue  # the table of contents: titles followed by page numbers
        # A printed argument or theme heading ends with its address, "(#id)" (site.css, @media print).
        lines += [(number, re.sub(r"\s*\(#[a-z0-9-]+\)$", "", line) in heads, line) for line in body]
    stranded = []
    for i, (number, is_heading, line) in enumerate(lines):
        if not is_heading:
            continue
        after = []
        for other, other_is_heading, _ in lines[i + 1 :]:
            if other_is_heading:
                break
            after.append(other)
        if after.count(number) < min(2, len(after)):
            stranded.append(f"page {number}: {line}")
    return stranded


def test_no_heading_is_stranded_at_the_foot_of_a_pdf_page(pdf, formats):
    heads = heading_texts(read(formats.offline / downloads.ONE_PAGE))
    assert len(heads) > 80, len(heads)
    assert stranded_headings(pdf, heads, band=True) == []


def test_stranded_heading_check_fails_on_a_heading_at_the_foot(formats):
    pages = [
        "Title\nText of a page.\nBalance of power (#balance-of-power)\nIs it equal?\nhttps://x/\npage 1 of 2",
        "Title\nA card.\nAnother line.\nhttps://x/\npage 2 of 2",
    ]
    assert stranded_headings(pages, {"Balance of power"}, band=True) == ["page 1: Balance of power (#balance-of-power)"]


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
@pytest.mark.parametrize("path", ["compare.html", "glossary.html", "viewpoints/limited-allies.html"])
def test_browser_print_strands_no_heading(formats, server, open_page, tmp_path, fmt, path):
    """Printing a page from the browser (A4), as a reader does: no heading alone at a sheet's foot."""
    page, watch = open_page()
    root = formats.site if fmt == "hosted" else formats.offline
    page.goto(server + path if fmt == "hosted" else (root / path).as_uri(), wait_until="networkidle")
    printed = tmp_path / "printed.pdf"
    page.pdf(path=str(printed), format="A4", margin={"top": "16mm", "bottom": "16mm", "left": "15mm", "right": "15mm"})
    assert stranded_headings(pdf_pages(printed), heading_texts(read(root / path)), band=False) == []
    watch.check(f"{path} printed, {fmt}")


def test_pdf_cover_dates_the_sources_and_says_it_is_no_edition_date(pdf):
    epoch = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    day = onepage.sources_date(os.environ.get("SOURCE_DATE_EPOCH") or epoch)
    cover = flat(pdf[0])
    assert day and f"as they stood on {day}" in cover, cover
    assert "This is not an edition date" in cover and "Living version" in cover, cover


def test_pdf_method_says_how_to_link_and_cite_on_paper(pdf, formats):
    text = flat(" ".join(pdf))
    example = formats.site_url + "viewpoints/limited-allies.html#asymmetry"
    assert "On paper, where buttons do nothing" in text
    assert f"is at {example}" in text, "the printed note gives a full web address"
    # Each argument heading is printed with its address, as the note says.
    assert "The alliance is unequal, in China's favour (#asymmetry)" in text, "an argument's address"
    assert "Formal alliance (#formal-alliance)" in text, "a theme's address"


@pytest.mark.browser
def test_the_paper_note_is_not_on_screen(server, open_page):
    page, watch = open_page()
    page.goto(server + "method.html", wait_until="networkidle")
    assert page.locator(".av-print-only").count() == 1 and page.locator(".av-print-only").is_hidden()
    watch.check("method on screen")
