"""A small static server for the benchmark: one built site on 127.0.0.1, below the path of its
site_url, gzip-compressed and cached as GitHub Pages serves it, counting every byte it sends.

Loopback only, GET and HEAD only, files below the site folder only, at most MAX_CLIENTS requests
at a time, each connection closed after TIMEOUT seconds of silence.
"""

import gzip
import hashlib
import http.server
import mimetypes
import threading
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends
MAX_CLIENTS = 16
TIMEOUT = 15
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")


@dataclass
class Hit:
    path: str
    status: int
    raw: int  # size of the file behind the response (0 for 304 and errors)
    sent: int  # body bytes on the wire, after compression


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = TIMEOUT
    server: "_Server"

    def do_HEAD(self):
        self._respond(head=True)

    def do_GET(self):
        self._respond(head=False)

    def _respond(self, head: bool):
        site = self.server.site
        path = unquote(urlsplit(self.path).path)
        target = None
        if path.startswith(site.prefix):
            target = (site.root / path[len(site.prefix) :]).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(site.root) or not target.is_file():
                target = None
        if target is None:
            not_found = site.root / "404.html"
            body = not_found.read_bytes() if not_found.is_file() else b"Not found"
            return self._send(404, body, "text/html; charset=utf-8", path, head, raw=0)
        data, etag = site.file(target)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.send_header("Content-Length", "0")
            self.end_headers()
            site.hits.append(Hit(path, 304, 0, 0))
            return
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/json", "image/svg+xml"):
            ctype += "; charset=utf-8"
        self._send(200, data, ctype, path, head, raw=len(data), etag=etag, source=target)

    def _send(self, status, data, ctype, path, head, raw, etag=None, source=None):
        body, encoded = data, False
        if "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE):
            body, encoded = self.server.site.gzipped(source, data) if source else gzip.compress(data, 9, mtime=0), True
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.send_header("Last-Modified", formatdate(0, usegmt=True))
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self.server.site.hits.append(Hit(path, status, raw, 0 if head else len(body)))

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: "ServedSite"):
        self.site = site
        self.slots = threading.BoundedSemaphore(MAX_CLIENTS)
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request, client_address):
        self.slots.acquire()
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


class ServedSite:
    """`with ServedSite(root, "/china-russia/") as site:` serves root at site.url."""

    def __init__(self, root: Path, prefix: str):
        self.root = root.resolve()
        self.prefix = prefix
        self.hits: list[Hit] = []
        self._files: dict[Path, tuple[bytes, str]] = {}
        self._gzipped: dict[Path, bytes] = {}
        self._lock = threading.Lock()
        self._server = _Server(self)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{prefix}"

    def file(self, path: Path) -> tuple[bytes, str]:
        with self._lock:
            if path not in self._files:
                data = path.read_bytes()
                self._files[path] = (data, '"' + hashlib.sha256(data).hexdigest()[:20] + '"')
            return self._files[path]

    def gzipped(self, path: Path, data: bytes) -> bytes:
        with self._lock:
            if path not in self._gzipped:
                self._gzipped[path] = gzip.compress(data, 9, mtime=0)
            return self._gzipped[path]

    def __enter__(self):
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
