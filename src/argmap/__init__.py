"""The argument map: loading and checking (model), rendering (render), publishing (opendata).

Plain Python with no MkDocs import, so that tests use it directly; the hooks in hooks/ wrap it.
"""
from .model import ArgumentMap, ContentError, load_map

__all__ = ["ArgumentMap", "ContentError", "load_map"]
