"""What a pasted link, a citation manager and a search engine read from each page's <head>, read
with clients we did not write: extruct (OpenGraph, JSON-LD, as Zotero-like scrapers do), the npm
preview scraper open-graph-scraper, and Schema.org's own vocabulary (tests/js/metadata.mjs)."""

import json
import os
import subprocess

import extruct
import pytest
from conftest import ROOT, html_pages
from PIL import Image
from test_citations import PUBLISHER

SKIPPED = {"404.html", "one-page.html"}
NO_LOOPBACK = ROOT / "tools" / "no_loopback.py"


def pages(root):
    return [p for p in html_pages(root) if p.relative_to(root).as_posix() not in SKIPPED]


def kind(rel: str) -> str:
    return {"index.html": "WebSite", "compare.html": "Article"}.get(
        rel, "Article" if rel.startswith("viewpoints/") else "WebPage"
    )


def test_every_page_has_citation_tags_opengraph_and_json_ld(formats):
    for path in pages(formats.site):
        rel = path.relative_to(formats.site).as_posix()
        url = formats.site_url + ("" if rel == "index.html" else rel)
        data = extruct.extract(path.read_text(encoding="utf-8"), base_url=url, syntaxes=["opengraph", "json-ld"])
        og = dict(data["opengraph"][0]["properties"])
        assert og["og:type"] == "website", rel  # Zotero files anything else as a journal article
        assert og["og:url"] == formats.site_url + rel and og["og:site_name"] == "Are China and Russia allies?"
        assert og["og:image"].endswith(".png") and og["og:image:width"] == "1200" and og["og:image:height"] == "630"
        assert og["og:image:alt"] and og["og:locale"] == "en_GB", rel
        types = [node["@type"] for node in data["json-ld"]]
        assert types[0] == kind(rel), (rel, types)
        text = path.read_text(encoding="utf-8")
        for name in ("citation_title", "citation_publication_date", "citation_public_url", "citation_language"):
            assert f'<meta name="{name}" content="' in text, f"{rel}: {name}"
        assert 'name="author"' not in text, f"{rel}: an author meta makes Zotero invent a person"


def test_viewpoint_articles_rest_on_their_source_and_the_map_is_a_dataset(formats, amap):
    for v in amap.viewpoints:
        text = (formats.site / (v.page[:-3] + ".html")).read_text(encoding="utf-8")
        (article,) = extruct.extract(text, syntaxes=["json-ld"])["json-ld"]
        assert article["headline"].startswith(v.name + ": ")
        (work,) = article["isBasedOn"]
        assert work["name"] == v.source.title
        # A publication's home page is its publisher's address, never passed off as the text's own.
        assert (work["publisher"].get("url") if v.source.url_note else work["url"]) == v.source.url
        assert "url" not in work or not v.source.url_note
        assert article["author"] == {"@type": "Organization", "name": PUBLISHER}, "a summary is ours, not the voice's"
        assert article["dateModified"]
    compare = extruct.extract((formats.site / "compare.html").read_text(encoding="utf-8"), syntaxes=["json-ld"])
    dataset = next(n for n in compare["json-ld"] if n["@type"] == "Dataset")
    (download,) = dataset["distribution"]
    path = download["contentUrl"].removeprefix(formats.site_url)
    assert json.loads((formats.site / path).read_text(encoding="utf-8"))["viewpoints"], path


def test_a_preview_scraper_makes_a_full_card_and_schema_org_accepts_the_json_ld(formats):
    files = [str(p) for p in pages(formats.site)]
    done = subprocess.run(["node", "tests/js/metadata.mjs", *files], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    for file, result in results.items():
        rel = file.removeprefix(str(formats.site) + "/")
        card = result["card"]
        assert card["success"] and card["ogTitle"] and card["ogDescription"], rel
        assert card["twitterCard"] == "summary_large_image", rel
        (image,) = card["ogImage"]
        assert image["width"] == "1200" and image["height"] == "630" and image["alt"], rel
        png = formats.site / image["url"].removeprefix(formats.site_url)
        with Image.open(png) as picture:
            assert picture.size == (1200, 630) and picture.format == "PNG", rel
        assert result["types"] and result["problems"] == [], f"{rel}: {result['problems']}"


def test_the_schema_org_check_can_fail(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text(
        '<html><head><script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"Article","headlin":"A typo","dateModified":5,"author":{"@type":"Persn"}}'
        "</script></head><body></body></html>",
        encoding="utf-8",
    )
    done = subprocess.run(["node", "tests/js/metadata.mjs", str(page)], cwd=ROOT, capture_output=True, text=True)
    problems = " | ".join(json.loads(done.stdout)[str(page)]["problems"])
    assert "has no property headlin" in problems and "Persn is not a Schema.org type" in problems, problems
    assert "dateModified" in problems, problems


def test_the_offline_copy_has_no_cards(formats):
    assert not (formats.offline / "assets" / "images" / "social").exists()
    text = (formats.offline / "compare.html").read_text(encoding="utf-8")
    assert 'property="og:image"' not in text and 'name="citation_title"' in text


def test_a_published_build_points_nowhere_near_this_machine(formats, tmp_path):
    done = subprocess.run(["python3", str(NO_LOOPBACK), str(formats.site)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    local = tmp_path / "local"
    local.mkdir()
    (local / "index.html").write_text('<link rel="canonical" href="http://127.0.0.1:8000/">', encoding="utf-8")
    done = subprocess.run(["python3", str(NO_LOOPBACK), str(local)], capture_output=True, text=True)
    assert done.returncode == 1 and "index.html: points at http://127.0.0.1" in done.stdout


@pytest.mark.parametrize("site_url, warned", [("http://127.0.0.1:8000/", True), ("https://example.org/x/", False)])
def test_a_loopback_site_url_is_warned_about_once(project_copy, tmp_path, site_url, warned):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    done = subprocess.run(
        [
            str(ROOT / ".venv/bin/mkdocs"),
            "build",
            "--strict",
            "--config-file",
            str(project_copy / "mkdocs.yml"),
            "--site-dir",
            str(tmp_path / "out"),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("site_url is http://127.0.0.1:8000/") == (1 if warned else 0), done.stderr
