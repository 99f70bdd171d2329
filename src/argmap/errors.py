"""What every content check shares: the id grammar (pagekit/markdown.py) and the error an editor reads."""

from __future__ import annotations

from pagekit.markdown import ID, ID_RULE  # noqa: F401  (re-exported: the one id grammar)

NOT_ADDRESSED = "not addressed"


class ContentError(Exception):
    """A mistake in the site's content: where it is (file, with its line when known; the item and
    the field), what is wrong, how to fix it."""

    def __init__(self, file: str, item: str, problem: str, fix: str, field: str | None = None):
        self.file, self.item, self.problem, self.fix, self.field = file, item, problem, fix, field
        where = f"{item}: `{field}`" if field else item
        super().__init__(f"{file}: {where}: {problem}. Fix: {fix}")
