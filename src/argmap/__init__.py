"""The argument map: the content schema (schema), loading and cross-checks (model, and context for
the timeline and glossary). Rendering is in src/render/, the open data in src/publish/opendata.py.

Plain Python with no MkDocs import, so that tests use it directly; src/mkdocs_adapter/ wraps it.
"""

from .model import ArgumentMap, ContentError, load_map

__all__ = ["ArgumentMap", "ContentError", "load_map"]
