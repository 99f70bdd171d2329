"""The data alone, without MkDocs: the argument map loads, and keeps the editorial rules."""

import re

from conftest import ROOT

from argmap.model import STANCE_MAX_WORDS
from fidelity.texts import load_texts, normalise


def quote_text(argument) -> str:
    return " ".join(line.lstrip("> ") for line in argument.quote if "<cite>" not in line).strip()


def test_voices_of_one_source_are_listed_in_the_order_of_its_text(amap):
    """The Hundred's experts are Expert A, B and C in the order of the text: the data lists every
    source's voices in the order their quotations appear in it."""
    texts = load_texts(ROOT)
    for source in amap.sources:
        text = texts.texts[f"{source.id}.txt"]
        voices = [v for v in amap.viewpoints if v.source.id == source.id]
        first = [min(text.find(normalise(quote_text(a))) for a in v.arguments.values()) for v in voices]
        assert -1 not in first and first == sorted(first), [v.id for v in voices]


def test_the_unnamed_experts_get_no_name(amap):
    """A source that names nobody: its voices get no author and the neutral labels Expert A, B, C…
    in the order of the text; a named source's voices carry its author's name."""
    hundred = next(s for s in amap.sources if s.id == "the-hundred")
    assert hundred.author is None and hundred.date is None, "The Hundred names nobody and gives no date"
    for source in amap.sources:
        voices = [v for v in amap.viewpoints if v.source.id == source.id]
        if source.author is None:
            assert [v.name for v in voices] == [f"Expert {chr(ord('A') + i)}" for i in range(len(voices))]
            assert all(v.author is None for v in voices), f"{source.id}: the source does not name its experts"
        else:
            assert all(v.author == source.author for v in voices), source.id


def test_dates_not_in_the_sources_stay_unknown(amap):
    """Neither source gives a date: the data says so, and a date worked out from the text is marked
    as our inference."""
    for source in amap.sources:
        if source.id in ("the-hundred", "tenzer-axis"):
            assert source.date is None, f"{source.id}: the source gives no date"
        if source.date is None:
            assert source.date_note.startswith("Not given in the source"), source.id
            if re.search(r"\b(19|20)\d\d\b", source.date_note):
                assert "our inference" in source.date_note, f"{source.id}: a year worked out is our inference"


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
