"""Material's own SVG icons, inlined for buttons (decorative: hidden from screen readers)."""

import re
from functools import lru_cache
from pathlib import Path


@lru_cache
def material_icon(theme_dirs: tuple, name: str) -> str:
    path = next(p for d in theme_dirs if (p := Path(d, ".icons", "material", f"{name}.svg")).exists())
    return re.sub(r"<svg ", '<svg aria-hidden="true" focusable="false" ', path.read_text(), count=1)
