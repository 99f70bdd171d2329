"""The source texts kept in sources/: one `<source-id>.txt` per source of data/sources.yml, and
facts.md, the checked facts whose official wording the context pages quote."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from argmap import ContentError

FOLDER = "sources"
FACTS = "facts.md"
# Straight and curly quotation marks count as the same; so do a no-break space and a space.
FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(FOLD)).strip()


@dataclass(frozen=True)
class SourceTexts:
    texts: dict[str, str]  # file name in sources/ -> its text, normalised

    def quotable(self) -> list[str]:
        """What a quotation may come from: the sources and the official wording in facts.md."""
        return list(self.texts.values())

    def summarised(self) -> list[str]:
        """The texts our summaries paraphrase: the sources, without facts.md."""
        return [text for name, text in self.texts.items() if name != FACTS]


def load_texts(root: Path) -> SourceTexts:
    """Every source's text, or a ContentError naming the source whose text is missing."""
    data = root / "data" / "sources.yml"
    folder = root / FOLDER
    ids = [
        item["id"]
        for item in yaml.safe_load(data.read_text(encoding="utf-8")) or []
        if isinstance(item, dict) and "id" in item
    ]
    texts = {}
    for sid in ids:
        path = folder / f"{sid}.txt"
        if not path.is_file():
            raise ContentError(
                "data/sources.yml",
                sid,
                f"has no text in {FOLDER}/{sid}.txt, so its quotations cannot be checked",
                f"put the source's text, word for word, in {FOLDER}/{sid}.txt and describe it in {FOLDER}/README.md",
            )
        texts[path.name] = normalise(path.read_text(encoding="utf-8"))
    facts = folder / FACTS
    if facts.is_file():
        texts[facts.name] = normalise(facts.read_text(encoding="utf-8"))
    return SourceTexts(texts)
