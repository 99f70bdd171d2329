"""What readers take away: download links with sizes (downloads), the checks and fixes of the
one-page version that mkdocs-print-site-plugin writes (onepage), the argument map as open data
(opendata), and the registry of published link targets, anchors.txt (anchors).

Plain Python with no MkDocs import, so that tests use it directly; src/mkdocs_adapter/download_links.py,
one_page_version.py and comparison_page.py (the open data) wrap it.
"""
