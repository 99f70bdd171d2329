"""Editions (issue 14): `make edition` in a throwaway copy of the project with its own git repository.

The scenario runs once per module: cut an edition, edit a sentence of one argument, build (the
living page changes, the frozen one does not), commit, cut a second edition, build the site that
the deploy workflow publishes. The tests then read that site as a reader, a feed reader and a
browser would. Each refusal of `make edition` runs on its own copy."""

import hashlib
import html
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import pytest
from conftest import ROOT, SITE_URL

from history import record

pytestmark = pytest.mark.slow  # builds of project copies (and, here, of editions)

FIRST, SECOND = "2026-11-30", "2026-12-07"
ADDED = "This sentence was added after the first edition."
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def run(project: Path, *args: str, check=True, **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    environ.update(env)
    result = subprocess.run(list(args), cwd=project, env=environ, capture_output=True, text=True)
    if check and result.returncode:
        pytest.fail(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def commit(project: Path, message: str):
    run(project, "git", "add", "-A")
    run(project, *GIT, "commit", "-q", "-m", message)


def git_project(dest: Path, public_url: str = SITE_URL) -> Path:
    """A copy of the project as a git repository of its own, with its public address set."""
    import shutil

    ignore = shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "build", "dist", ".pytest_cache", "__pycache__", "editions"
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    for name in ("node_modules", ".venv"):
        (dest / name).symlink_to(ROOT / name)
    with (dest / ".gitignore").open("a") as f:
        f.write("/node_modules\n/.venv\n")  # links, which the folder patterns do not match
    # Without the project's editions, their entries on the history page are not targets either.
    registry = dest / "anchors.txt"
    registry.write_text(
        "".join(
            line
            for line in registry.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith("changes.html#edition-")
        ),
        encoding="utf-8",
    )
    set_public_url(dest, public_url)
    run(dest, "git", "init", "-q")
    commit(dest, "The project")
    return dest


def set_public_url(project: Path, url: str):
    config = project / "mkdocs.yml"
    text, n = re.subn(r"(?m)^  public_url: .*$", f'  public_url: "{url}"', config.read_text())
    assert n == 1, "mkdocs.yml: no extra.public_url line"
    config.write_text(text)


def make_edition(project: Path, day: str, summary="An edition for a test.", check=True):
    return run(
        project, "make", "--no-print-directory", "edition", f"EDITION_DATE={day}", check=check, EDITION_SUMMARY=summary
    )


def make_build(project: Path, out: Path):
    run(
        project,
        "make",
        "--no-print-directory",
        "build",
        f"SITE_DIR={out}/site",
        f"OFFLINE_DIR={out}/offline",
        f"DIST_DIR={out}/dist",
        SITE_URL=SITE_URL,
    )
    return out / "site"


def files_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def count_objects(project: Path) -> int:
    run(project, "git", "gc", "-q")
    stats = dict(line.split(": ") for line in run(project, "git", "count-objects", "-v").stdout.splitlines())
    return (int(stats["size-pack"]) + int(stats["size"])) * 1024


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_argument(project: Path) -> tuple[str, str, str]:
    """(page.md, argument id, title) of the first argument of the first viewpoint page."""
    from argmap import load_map

    m = load_map(project)
    v = m.viewpoints[0]
    a = next(iter(v.arguments.values()))
    return v.page, a.id, a.title


@dataclass
class Scenario:
    project: Path
    site: Path  # the published site after the second edition
    living_after_edit: Path  # the living site built after the edit, before the second edition
    first_cut: dict  # the files of editions/FIRST/ as `make edition` wrote them
    page: str  # the edited viewpoint page, .html
    argument: str
    title: str
    growth: dict


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> Scenario:
    tmp = tmp_path_factory.mktemp("editions")
    project = git_project(tmp / "project")
    before = count_objects(project)
    make_edition(project, FIRST, "The first edition.")
    first_cut = files_digest(project / "editions" / FIRST)
    commit(project, f"Edition {FIRST}")
    after_first = count_objects(project)

    page_md, argument, title = first_argument(project)
    path = project / "docs" / page_md
    text = path.read_text(encoding="utf-8")
    heading = re.search(rf"(?m)^### .*\{{ *#{argument} *\}}\n\n[^\n]+", text)
    path.write_text(text[: heading.end()] + " " + ADDED + text[heading.end() :], encoding="utf-8")
    living_after_edit = make_build(project, tmp / "after-edit")
    commit(project, "Reword an argument")
    make_edition(project, SECOND, "The second edition: one argument gains a sentence.")
    commit(project, f"Edition {SECOND}")
    after_second = count_objects(project)
    site = make_build(project, tmp / "published")
    growth = {
        "du_first": du(project / "editions" / FIRST),
        "git_first": after_first - before,
        "du_second": du(project / "editions" / SECOND),
        "git_second": after_second - after_first,
    }
    print(f"\nrepository growth per edition (bytes): {growth}")
    return Scenario(project, site, living_after_edit, first_cut, page_md[:-3] + ".html", argument, title, growth)


# --- Frozen means frozen ---------------------------------------------------------------------------


def test_editing_a_sentence_changes_the_living_page_and_not_the_frozen_one(scenario):
    living = (scenario.living_after_edit / scenario.page).read_text(encoding="utf-8")
    assert ADDED in living
    frozen = scenario.living_after_edit / "editions" / FIRST / scenario.page
    assert ADDED not in frozen.read_text(encoding="utf-8")
    assert files_digest(scenario.living_after_edit / "editions" / FIRST) == scenario.first_cut


def test_published_site_carries_every_edition_byte_for_byte(scenario):
    assert files_digest(scenario.project / "editions" / FIRST) == scenario.first_cut
    for day in (FIRST, SECOND):
        assert files_digest(scenario.site / "editions" / day) == files_digest(scenario.project / "editions" / day), day
    assert ADDED in (scenario.site / "editions" / SECOND / scenario.page).read_text(encoding="utf-8")


def test_record_names_commit_summary_and_fingerprints(scenario):
    editions = record.load(scenario.project)
    assert [e.date for e in editions] == [FIRST, SECOND]
    log = run(scenario.project, "git", "log", "--format=%H %s").stdout.splitlines()
    assert editions[1].commit == next(line.split()[0] for line in log if "Reword an argument" in line)
    assert editions[1].address == f"{SITE_URL}editions/{SECOND}/"
    a, b = (e.arguments[scenario.argument]["text"] for e in editions)
    assert a != b
    assert editions[0].pages["index.html"]["text"] == editions[1].pages["index.html"]["text"]


def test_repository_grows_by_less_than_the_edition_for_the_second_one(scenario):
    """Identical files (theme assets, unchanged pages) are stored once by git."""
    g = scenario.growth
    assert g["git_second"] < g["du_second"] / 2, g


def test_frozen_pages_canonical_noindex_notice(scenario):
    base = scenario.site / "editions" / FIRST
    for page in ("index.html", scenario.page):
        text = (base / page).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{SITE_URL}editions/{FIRST}/{page}">' in text, page
        assert '<meta name="robots" content="noindex, follow">' in text, page
        notice = re.search(r'<aside class="av-frozen.*?</aside>', text, re.S).group(0)
        assert "Frozen edition of" in notice and f'datetime="{FIRST}"' in notice
        living = re.search(r'class="av-frozen__living" href="([^"]+)"', notice).group(1)
        assert (base / page).parent.joinpath(living).resolve() == (scenario.site / page).resolve()
        changes = re.findall(r'href="([^"]*changes\.html)"', notice)
        assert (
            changes
            and (base / page).parent.joinpath(changes[0]).resolve() == (scenario.site / "changes.html").resolve()
        )
    living = (scenario.site / "index.html").read_text(encoding="utf-8")
    assert 'name="robots"' not in living


def test_sitemap_and_search_list_living_pages_only(scenario):
    sitemap = (scenario.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>" in sitemap and "/editions/" not in sitemap
    assert not (scenario.site / "editions" / FIRST / "sitemap.xml").exists()
    index = json.loads((scenario.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not [d["location"] for d in index["docs"] if d["location"].startswith("editions/")]


# --- Dates, changes, feed -------------------------------------------------------------------------


def dates_line(site: Path, page: str) -> str:
    return re.search(r'<p class="av-dates".*?</p>', (site / page).read_text(encoding="utf-8"), re.S).group(0)


def test_living_pages_are_dated_from_the_record(scenario):
    edited = dates_line(scenario.site, scenario.page)
    assert f'First published <time datetime="{FIRST}">' in edited
    assert f'last revised <time datetime="{SECOND}">' in edited
    unchanged = dates_line(scenario.site, "sources.html")
    assert f'last revised <time datetime="{FIRST}">' in unchanged and "changed since" not in unchanged
    after_edit = dates_line(scenario.living_after_edit, scenario.page)
    assert f'last revised <time datetime="{FIRST}">' in after_edit and "changed since" in after_edit
    living = json.loads((scenario.site / "editions.json").read_text(encoding="utf-8"))
    assert living["latest"] == SECOND
    assert living["pages"][scenario.page] == {"first": FIRST, "revised": SECOND, "changed_since_latest": False}


def test_changes_page_lists_the_reworded_argument_with_both_addresses(scenario):
    text = (scenario.site / "changes.html").read_text(encoding="utf-8")
    assert text.index(f'id="edition-{SECOND}"') < text.index(f'id="edition-{FIRST}"'), "newest first"
    second = text[text.index(f'id="edition-{SECOND}"') : text.index(f'id="edition-{FIRST}"')]
    assert "one argument gains a sentence" in second
    item = next(li for li in re.findall(r"<li>(.*?)</li>", second, re.S) if f"#{scenario.argument}" in li)
    assert html.unescape(re.sub(r"<[^>]+>", "", item)).startswith(f"Reworded: {scenario.title}")
    hrefs = re.findall(r'href="([^"]+)"', item)
    assert f"{scenario.page.split('/')[-1]}#{scenario.argument}" in hrefs[0]  # living, relative
    assert hrefs[1] == f"{SITE_URL}editions/{SECOND}/{scenario.page}#{scenario.argument}"  # frozen
    # Nothing else: the argument, and each page whose text shows the reworded argument.
    items = [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", second, re.S)]
    showing = sorted(
        p.relative_to(scenario.site).as_posix()
        for p in scenario.site.glob("**/*.html")
        if not p.relative_to(scenario.site).as_posix().startswith(("editions/", "one-page"))
        and ADDED in p.read_text(encoding="utf-8")
    )
    assert scenario.page in showing
    titles = {
        p: re.search(r"<title>(.*?)</title>", (scenario.site / p).read_text(encoding="utf-8")).group(1) for p in showing
    }
    assert len(items) == 1 + len(showing), items
    assert all(i.startswith("Reworded: ") or i.startswith("Revised: ") for i in items), items
    assert sum(i.startswith("Revised: ") for i in items) == len(showing), (items, titles)


def test_changes_links_resolve_in_the_published_site(scenario):
    text = (scenario.site / "changes.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#]+)(?:#([^"]*))?"', text):
        target, anchor = href
        if not target.startswith(SITE_URL + "editions/"):
            continue
        path = scenario.site / target[len(SITE_URL) :]
        assert path.is_file(), target
        if anchor:
            assert f'id="{anchor}"' in path.read_text(encoding="utf-8"), f"{target}#{anchor}"


def test_feed_is_valid_atom_with_one_entry_per_edition(scenario):
    feed = feedparser.parse((scenario.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == ["Edition of 7 December 2026", "Edition of 30 November 2026"]
    assert feed.entries[0].id == f"{SITE_URL}editions/{SECOND}/"
    assert feed.entries[0].link == f"{SITE_URL}changes.html#edition-{SECOND}"
    assert "one argument gains a sentence" in feed.entries[0].summary
    for page in ("index.html", scenario.page, "changes.html"):
        head = (scenario.site / page).read_text(encoding="utf-8").split("</head>")[0]
        link = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', head).group(1)
        assert (scenario.site / page).parent.joinpath(link).resolve() == (scenario.site / "feed.xml").resolve()


def test_citation_gives_the_edition_address_beside_the_living_one(scenario):
    def apa(path: Path) -> str:
        text = html.unescape(path.read_text(encoding="utf-8"))
        return re.sub(r"<[^>]+>", "", re.search(r'id="cite-apa".*?</pre>', text, re.S).group(0))

    living, permanent = f"{SITE_URL}{scenario.page}", f"{SITE_URL}editions/{SECOND}/{scenario.page}"
    cited = apa(scenario.site / scenario.page)
    assert "(2026, December 7)" in cited and f"{permanent} (latest version: {living})" in cited, cited
    text = html.unescape((scenario.site / scenario.page).read_text(encoding="utf-8"))
    addresses = re.search(r'av-cite__addresses">(.*?)</p>', text, re.S).group(1)
    assert permanent in addresses and living in addresses
    frozen = apa(scenario.site / "editions" / FIRST / scenario.page)
    assert "(2026, November 30)" in frozen and f"{SITE_URL}editions/{FIRST}/{scenario.page}" in frozen, frozen
    # A text changed since the latest edition is cited at its living address only.
    pending = apa(scenario.living_after_edit / scenario.page)
    assert "/editions/" not in pending and living in pending, pending


def test_each_edition_keeps_its_pdf_and_zip_named_for_it(scenario):
    for day in (FIRST, SECOND):
        downloads = scenario.site / "editions" / day / "downloads"
        names = sorted(p.name for p in downloads.iterdir())
        assert names == [f"china-russia-allies-{day}-offline.zip", f"china-russia-allies-{day}.pdf"], names
        cover = run(
            scenario.project, "pdftotext", "-l", "1", str(downloads / f"china-russia-allies-{day}.pdf"), "-"
        ).stdout
        long = {"2026-11-30": "30 November 2026", "2026-12-07": "7 December 2026"}[day]
        assert f"Edition of {long}" in " ".join(cover.split()), cover
    living = run(
        scenario.project, "pdftotext", "-l", "1", str(scenario.site / "downloads" / "china-russia-allies.pdf"), "-"
    ).stdout
    assert "Living version" in living and "Edition of" not in living, living


@pytest.mark.browser
def test_frozen_notice_says_whether_the_page_changed(scenario, open_page):
    import functools
    import http.server
    import threading

    from conftest import SiteHandler

    handler = functools.partial(SiteHandler, directory=str(scenario.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}{SiteHandler.prefix}"
    try:
        for day in (FIRST, SECOND):  # every edition is reachable
            page, watch = open_page()
            assert page.goto(f"{base}editions/{day}/index.html").status == 200
            watch.check(day)
        page, watch = open_page()
        page.goto(f"{base}editions/{FIRST}/{scenario.page}#{scenario.argument}")
        notice = page.locator(".av-frozen")
        page.wait_for_function("document.querySelector('.av-frozen').dataset.avChanged !== undefined")
        assert "has changed since this edition" in notice.inner_text()
        living = page.locator(".av-frozen__living")
        assert living.get_attribute("href").endswith(f"{scenario.page.split('/')[-1]}#{scenario.argument}")
        living.click()
        page.wait_for_url(f"{base}{scenario.page}#{scenario.argument}")
        watch.check("frozen to living")
        page, watch = open_page()
        page.goto(f"{base}editions/{FIRST}/sources.html")
        page.wait_for_function("document.querySelector('.av-frozen').dataset.avChanged !== undefined")
        assert "has not changed since this edition" in page.locator(".av-frozen").inner_text()
        watch.check("unchanged page")
    finally:
        httpd.shutdown()


# --- Refusals: one line, nothing written ----------------------------------------------------------


def refused(project: Path, day: str, expect: str, summary="A summary."):
    status_before = run(project, "git", "status", "--porcelain", "--ignored").stdout
    result = make_edition(project, day, summary, check=False)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("make edition: refused:")]
    assert len(lines) == 1 and expect in lines[0] and "Fix:" in lines[0], result.stderr
    assert run(project, "git", "status", "--porcelain", "--ignored").stdout == status_before
    return lines[0]


def test_refuses_a_malformed_date(tmp_path):
    project = git_project(tmp_path / "p")
    refused(project, "2026-13-01", "is not a date YYYY-MM-DD")
    refused(project, "30-11-2026", "is not a date YYYY-MM-DD")


def test_refuses_uncommitted_changes(tmp_path):
    project = git_project(tmp_path / "p")
    (project / "docs" / "sources.md").write_text("changed\n")
    refused(project, FIRST, "uncommitted changes")


def test_refuses_without_a_public_address(tmp_path):
    for url, expect in (
        ("", "no public address"),
        ("http://127.0.0.1:8000/", "not a public"),
        ("http://localhost/", "not a public"),
    ):
        project = git_project(tmp_path / ((url and urlparse(url).hostname) or "empty"), public_url=url)
        refused(project, FIRST, expect)


def test_refuses_content_that_fails_the_strict_build(tmp_path):
    project = git_project(tmp_path / "p")
    page = project / "docs" / "sources.md"
    page.write_text(page.read_text() + "\n[a broken link](no-such-page.md)\n")
    commit(project, "Break a link")
    line = refused(project, FIRST, "strict build")
    assert "no-such-page.md" in line


def test_refuses_a_date_that_already_has_an_edition(scenario):
    refused(scenario.project, FIRST, "already exists")
    refused(scenario.project, "2026-12-01", "before the latest edition")


# --- The deploy workflow ---------------------------------------------------------------------------


def deploy_build_step() -> str:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["build"]["steps"] if "make build" in s.get("run", ""))
    return step["run"].replace("make build", "echo BUILT $SITE_URL")


@pytest.mark.parametrize(
    "pages_url, ok", [(SITE_URL, True), (SITE_URL.rstrip("/"), True), ("https://someone.github.io/elsewhere/", False)]
)
def test_workflow_refuses_a_pages_address_other_than_the_public_one(tmp_path, pages_url, ok):
    project = git_project(tmp_path / "p")
    result = run(
        project,
        "bash",
        "-eu",
        "-c",
        deploy_build_step(),
        check=False,
        PAGES_URL=pages_url,
        GITHUB_EVENT_NAME="push",
        GITHUB_REF="refs/heads/main",
    )
    if ok:
        assert result.returncode == 0 and f"BUILT {SITE_URL}" in result.stdout, result.stderr
    else:
        assert result.returncode == 1 and "extra.public_url" in result.stderr and "BUILT" not in result.stdout


# --- The list of changes, from the record alone ---------------------------------------------------


def test_changes_name_retired_anchors_aliases_and_stances():
    from history import changes

    def edition(day, anchors, stance, argument_text):
        return record.Edition(
            date=day,
            commit="0" * 40,
            summary=f"Edition {day}.",
            address=f"{SITE_URL}editions/{day}/",
            pages={"viewpoints/v.html": {"title": "V", "text": argument_text, "anchors": anchors}},
            arguments={
                "arg": {"page": "viewpoints/v.html", "viewpoint": "v", "title": "An argument", "text": argument_text}
            },
            stances={"theme/v": {"theme": "theme", "viewpoint": "v", "title": "V on Theme", "text": stance}},
        )

    before = edition(FIRST, ["top", "old-id", "gone"], None, "a")
    after = edition(SECOND, ["top", "new-id"], "x", "a")
    found = {
        (c.kind, c.what, c.key, c.alias) for c in changes.diff(before, after, {"viewpoints/v.md": {"old-id": "new-id"}})
    }
    assert found == {
        ("stance", "added", "theme/v", None),
        ("anchor", "added", "viewpoints/v.html#new-id", None),
        ("anchor", "retired", "viewpoints/v.html#old-id", "new-id"),
        ("anchor", "removed", "viewpoints/v.html#gone", None),
    }
    text = changes.render(
        [before, after],
        {"viewpoints/v.md": {"old-id": "new-id"}},
        SITE_URL,
        {"viewpoints/v.md": {"top", "new-id", "arg"}, "compare.md": {"theme"}},
    )
    # What is gone is linked in the edition that last had it.
    assert (
        "Retired `#old-id`, now an alias of `#new-id` ([living](viewpoints/v.md#new-id), "
        f"[frozen]({SITE_URL}editions/{FIRST}/viewpoints/v.html#old-id))"
    ) in text
    assert (
        f"Added: V on Theme ([living](compare.md#theme), [frozen]({SITE_URL}editions/{SECOND}/compare.html#theme))"
        in text
    )
    assert f"Removed `#gone` ([frozen]({SITE_URL}editions/{FIRST}/viewpoints/v.html#gone))" in text
    assert text.index(f"#edition-{SECOND}") < text.index(f"#edition-{FIRST}")
