"""Editions and their history: the record `make edition` keeps (record), what a page, an argument
or a stance looked like in an edition (fingerprint), what changed between editions (changes), and
what the living site derives from the record: dates, changes.html, feed.xml, editions.json.

Plain Python with no MkDocs import; src/mkdocs_adapter/edition_dates.py and tools/edition.py wrap it.
"""
