"""The argument map as built: matrix, theme sections, agreement, Compare boxes, open data."""

import json
from urllib.parse import urljoin

import jsonschema
import pytest
from htmlscan import find, parse


@pytest.fixture(scope="module")
def compare(formats):
    return parse((formats.site / "compare.html").read_text(encoding="utf-8"))


def ids_of(formats, path):
    return {e.attrs["id"] for e in parse((formats.site / path).read_text(encoding="utf-8")) if "id" in e.attrs}


def test_matrix_is_a_real_table_in_data_order(compare, amap):
    table = find(compare, "table", cls="av-matrix")
    assert len(table) == 1
    assert find(compare, "caption")[0].text.strip()
    cols = [e.text.strip() for e in find(compare, "th", scope="col")]
    assert cols[1:] == [f"{v.name}{v.label}" for v in amap.viewpoints]
    rows = [e.text.strip() for e in find(compare, "th", scope="row")]
    assert rows == [t.title for t in amap.themes]


def test_every_matrix_cell_links_to_its_argument(formats, compare, amap):
    cells = find(compare, "td")
    assert len(cells) == len(amap.themes) * len(amap.viewpoints)
    links = [
        a.attrs["href"]
        for a in find(compare, "a")
        if a.attrs.get("href", "").startswith("viewpoints/") and "#" in a.attrs["href"]
    ]
    expected = []
    for theme in amap.themes:
        for v in amap.viewpoints:
            pos = amap.position(theme, v)
            if pos.addressed:
                expected.append(f"{v.page[:-3]}.html#{pos.arguments[0].id}")
    for href in expected:
        assert href in links, href
        path, anchor = href.split("#")
        assert anchor in ids_of(formats, path), href
    na = [c for c in cells if "av-na" in c.classes]
    assert len(na) == len(cells) - len(expected)
    assert all(c.text.strip().endswith("Not addressed") for c in na)


def test_theme_sections_give_each_voice_and_each_quote_once(formats, compare, amap):
    """A theme's section: a card for each voice that addresses it (its stance is in the matrix),
    a line naming the silent ones, and an argument's quote the first time it comes up only."""
    ids = {e.attrs.get("id") for e in find(compare, "h3")}
    for theme in amap.themes:
        assert theme.id in ids, theme.id
    addressed = [(t, v) for t in amap.themes for v in amap.viewpoints if amap.position(t, v).addressed]
    assert len(find(compare, "div", cls="av-position")) == len(addressed)
    firsts = {(v.id, amap.position(t, v).arguments[0].id) for t, v in addressed}
    assert len(find(compare, "blockquote")) == len(firsts), "one quote per argument on the page"
    silent = [t for t in amap.themes if not all(amap.position(t, v).addressed for v in amap.viewpoints)]
    assert len(find(compare, "p", cls="av-positions__silent")) == len(silent)


def test_agreement_points_link_to_arguments(compare, amap):
    for point in amap.agree + amap.disagree:
        for v, a in point.rests_on:
            assert any(x.attrs.get("href") == f"{v.page[:-3]}.html#{a.id}" for x in find(compare, "a"))


def test_compare_boxes_link_theme_and_other_voices(formats, amap):
    for v in amap.viewpoints:
        els = parse((formats.site / (v.page[:-3] + ".html")).read_text(encoding="utf-8"))
        boxes = find(els, "div", cls="av-compare")
        assert len(boxes) == len(v.arguments), v.page
        hrefs = {a.attrs.get("href") for a in find(els, "a")}
        for argument in v.arguments.values():
            for theme in amap.themes_of(v, argument):
                assert f"../compare.html#{theme.id}" in hrefs, (v.page, argument.id, theme.id)
                for other in amap.viewpoints:
                    pos = amap.position(theme, other)
                    if other is not v and pos.addressed:
                        assert f"{other.page.split('/')[-1][:-3]}.html#{pos.arguments[0].id}" in hrefs


def test_compare_boxes_stay_out_of_search(formats, amap):
    """A Compare box repeats other voices' argument titles: indexed, it would make a search for
    "sanctions" list every page whose box mentions B's argument. The boxes are on the page, not in
    the index."""
    docs = json.loads((formats.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for v in amap.viewpoints:
        page = v.page[:-3] + ".html"
        entries = [d for d in docs if d["location"].split("#")[0] == page]
        assert len(entries) > len(v.arguments), page  # the page itself is indexed
        for other in amap.viewpoints:
            if other is not v:
                leaked = [d["location"] for d in entries if f"{other.name}:" in d["text"]]
                assert leaked == [], f"{page}: a Compare box naming {other.name} is in the search index: {leaked}"


def test_open_data_validates_against_its_schema(formats, compare, amap):
    hrefs = [a.attrs.get("href") for a in find(compare, "a")]
    assert "data/argument-map.json" in hrefs and "data/argument-map.schema.json" in hrefs
    document = json.loads((formats.site / "data/argument-map.json").read_text(encoding="utf-8"))
    schema = json.loads((formats.site / "data/argument-map.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())
    assert [v["id"] for v in document["viewpoints"]] == [v.id for v in amap.viewpoints]
    assert document["licence"]["name"] == "CC BY 4.0"
    for theme in document["themes"]:
        assert theme["url"] == urljoin(formats.site_url, f"compare.html#{theme['id']}")
    # the schema has teeth: a stance on a position marked not addressed is refused
    document["themes"][0]["positions"][0].update(addressed=False, stance="x", arguments=[])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
