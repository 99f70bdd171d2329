"""Fidelity to the sources: every quotation verbatim, our prose in our own words.

The source texts live in the repository (sources/), so every clone can check the site against
them. Plain Python with no MkDocs import: the build runs these checks on every page it writes
(src/mkdocs_adapter/source_checks.py), and the tests run them on the whole built site.
"""

from .prose import Grams, borrowed_runs, shown_as_such
from .quotes import Misquote, misquotes
from .texts import SourceTexts, load_texts

__all__ = ["Grams", "Misquote", "SourceTexts", "borrowed_runs", "load_texts", "misquotes", "shown_as_such"]
