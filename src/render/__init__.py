"""Rendering: the argument map and the context (timeline, glossary, spectrum, tooltips) as the
Markdown and HTML the pages show, and the markers that say where it goes in a page.

Plain Python with no MkDocs import: src/mkdocs_adapter/ calls it, the tests call it directly.
"""
