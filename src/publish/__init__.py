"""The editions readers take away: download links with sizes (downloads), and the checks and
fixes of the one-page edition that mkdocs-print-site-plugin writes (onepage).

Plain Python with no MkDocs import, so that tests use it directly; hooks/downloads.py and
hooks/one_page.py wrap it.
"""
