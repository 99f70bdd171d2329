"""Shared fixtures: one strict build of both formats per session, a local server, a real browser.

The build runs `make build` into a temporary folder, so the suite tests exactly what ships.
"""

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import print_pdf
import pytest
from print_pdf import CHROMIUM

from argmap import ArgumentMap, load_map

ROOT = Path(__file__).resolve().parent.parent
DOWNLOAD_NAME = "china-russia-allies"
SITE_URL = "https://reference.example.org/china-russia/"  # a site_url with a path, as on Pages
# A copy of the project has no .git: builds then use the Makefile's fallback date.
LAST_COMMIT = (
    subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    or "315532800"
)
CHROMIUM_ARGS = [*print_pdf.ARGS, "--disable-default-apps"]  # the PDF's flags, and no default apps


@pytest.fixture(scope="session")
def amap() -> ArgumentMap:
    """The checked argument map of the working tree, as the build loads it."""
    return load_map(ROOT)


@dataclass(frozen=True)
class Formats:
    site: Path  # hosted site
    offline: Path  # offline copy as a reader gets it: the zip, unpacked
    zip: Path
    site_url: str


def build_formats(out: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Runs `make build` into `out`: both formats and the offline zip."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env["SITE_URL"] = SITE_URL
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "build",
            f"SITE_DIR={out}/site",
            f"OFFLINE_DIR={out}/offline-build",
            f"DIST_DIR={out}/dist",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
    )


@pytest.fixture(scope="session")
def formats(tmp_path_factory) -> Formats:
    out = tmp_path_factory.mktemp("build")
    result = build_formats(out, check=False)
    if result.returncode:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    archive = out / "dist" / f"{DOWNLOAD_NAME}-offline.zip"
    unpacked = out / "unzipped"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    return Formats(out / "site", unpacked / DOWNLOAD_NAME, archive, SITE_URL)


def url_of(formats: Formats, server: str, fmt: str, path: str) -> str:
    """A page's address in a format: on the test server (hosted) or on disk (offline copy)."""
    return server + path if fmt == "hosted" else (formats.offline / path).as_uri()


def html_pages(site: Path) -> list[Path]:
    """The living pages. Frozen editions (editions/) passed these checks when they were cut and are
    checked since by being byte for byte what was cut (tests/test_frozen_editions.py)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("editions/"))


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below the path of site_url, as GitHub Pages does, and its 404 page."""

    prefix = urlparse(SITE_URL).path

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(formats):
    """Serves the hosted site on 127.0.0.1 at a free port; yields the site's base URL."""
    handler = functools.partial(SiteHandler, directory=str(formats.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{SiteHandler.prefix}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (`make system-deps` or "
            "`sudo apt-get install -y chromium`)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watch:
    """Records what a page does that a closed, local site must never do."""

    def __init__(self, page):
        self.problems: list[str] = []
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))

    def _request(self, request):
        url = urlparse(request.url)
        if url.scheme in ("file", "data", "blob", "about"):
            return
        if url.hostname not in ("127.0.0.1", "localhost"):
            self.problems.append(f"request to another host: {request.url}")

    def _failed(self, request):
        # ERR_ABORTED: the page navigated away before a request finished, not a broken resource
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"failed request: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def check(self, where: str):
        assert not self.problems, f"{where}:\n" + "\n".join(self.problems)


@pytest.fixture
def open_page(browser):
    """Opens a fresh page (own context) that records problems; yields (page, watch) pairs."""
    contexts = []

    def _open(color_scheme="light", width=1280, height=900, java_script_enabled=True):
        context = browser.new_context(
            color_scheme=color_scheme,
            viewport={"width": width, "height": height},
            java_script_enabled=java_script_enabled,
        )
        contexts.append(context)
        page = context.new_page()
        return page, Watch(page)

    yield _open
    for context in contexts:
        with contextlib.suppress(Exception):
            context.close()


@pytest.fixture
def project_copy(tmp_path):
    """A throwaway copy of the project (sources only) for builds with deliberately broken input."""
    dest = tmp_path / "project"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "build", "dist", ".pytest_cache", "__pycache__"
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def mkdocs_build(project: Path, out: Path, offline: bool = False) -> subprocess.CompletedProcess:
    """A strict build of a project copy, as `make build` runs it; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    env.setdefault("SOURCE_DATE_EPOCH", LAST_COMMIT)  # as the Makefile sets it: a copy has no .git
    if offline:
        env["OFFLINE"] = "true"
    return subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "mkdocs"),
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def clipboard_page(formats, server, browser):
    """Opens a page of a format (hosted or offline) in a browser context allowed to read what it copies."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])

    def _open(fmt: str, path: str):
        page = context.new_page()
        base = server if fmt == "hosted" else formats.offline.as_uri() + "/"
        page.goto(base + path)
        return page

    yield _open
    context.close()
