"""The data alone, without MkDocs: the argument map loads, and keeps the editorial rules."""
import re

import pytest
from argmap.model import STANCE_MAX_WORDS
from conftest import ROOT


def test_four_viewpoints_in_source_order(amap):
    assert [v.id for v in amap.viewpoints] == [
        "limited-allies", "partners-not-allies", "never-against-each-other", "axis-not-alliance"]


def test_the_unnamed_experts_get_no_name(amap):
    """The Hundred names nobody: the data labels its experts neutrally and gives no author."""
    hundred = [v for v in amap.viewpoints if v.source.id == "the-hundred"]
    assert [v.name for v in hundred] == ["Expert A", "Expert B", "Expert C"]
    for v in hundred:
        assert v.author is None, f"{v.id}: the source does not name this expert"
    source = next(s for s in amap.sources if s.id == "the-hundred")
    assert source.author is None and source.date is None


def test_dates_not_in_the_sources_stay_unknown(amap):
    for source in amap.sources:
        assert source.date is None, f"{source.id}: the source gives no date"
        assert "our inference" in source.date_note


def test_every_position_is_a_short_stance_or_not_addressed(amap):
    for (theme, viewpoint), position in amap.positions.items():
        if position.addressed:
            assert len(position.stance.split()) <= STANCE_MAX_WORDS, (theme, viewpoint)
            assert position.arguments, (theme, viewpoint)


def test_every_theme_is_addressed_and_every_argument_is_mapped(amap):
    for theme in amap.themes:
        assert any(amap.position(theme, v).addressed for v in amap.viewpoints), theme.id
    assert amap.unmapped_arguments() == []


def test_every_argument_has_one_short_quote(amap):
    for v in amap.viewpoints:
        assert len(v.arguments) >= 3, v.id
        for a in v.arguments.values():
            text = " ".join(line.lstrip("> ") for line in a.quote if "<cite>" not in line)
            sentences = [s for s in re.split(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"])", text.strip()) if s]
            assert len(sentences) == 1, f"{v.id}#{a.id}: a quote is one sentence or less"
            assert len(text.split()) <= 40, f"{v.id}#{a.id}: quote of {len(text.split())} words"
