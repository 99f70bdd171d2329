"""Lists the external links of a built format and checks each one over the network.

Usage: linkcheck_external.py SITE_DIR [--list]

`make linkcheck-external` runs it on the hosted site. It needs the internet, so it is never
part of `make test` or CI: other sites come and go, and our build must not fail with them.
--list prints the links and the pages they are on without any request.
"""

import html.parser
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

TIMEOUT = 20
PAUSE = 0.5  # between requests, to be polite to the hosts we cite
USER_AGENT = "china-russia-allies-linkcheck/1.0 (+make linkcheck-external)"
LOCAL = ("127.0.0.1", "localhost")  # the site's own address in a local build (SITE_URL default)


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        url = urlsplit(href or "")
        if tag in ("a", "area") and url.scheme in ("http", "https") and url.hostname not in LOCAL:
            self.hrefs.append(href)


def external_links(site: Path) -> dict[str, list[str]]:
    """URL (without fragment) -> the pages that link to it."""
    links = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in dict.fromkeys(parser.hrefs):
            links[urldefrag(href).url].append(page.relative_to(site).as_posix())
    return dict(sorted(links.items()))


def status(url: str) -> str:
    """'ok 200', or what went wrong. HEAD first; some servers only answer GET."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return f"ok {response.status}"
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return f"unreachable ({getattr(error, 'reason', error)})"
    return "no answer"


def main(argv: list[str]) -> int:
    if not argv or not Path(argv[0]).is_dir():
        print(__doc__)
        return 2
    links = external_links(Path(argv[0]))
    print(f"{len(links)} external links in {argv[0]}")
    broken = 0
    for url, pages in links.items():
        if "--list" in argv:
            print(f"{url}\n    on {', '.join(pages)}")
            continue
        result = status(url)
        broken += not result.startswith("ok")
        print(f"{result:<12} {url}" + ("" if result.startswith("ok") else f"\n    on {', '.join(pages)}"))
        time.sleep(PAUSE)
    if broken:
        print(f"{broken} of {len(links)} external links failed; check them by hand before editing the page.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
