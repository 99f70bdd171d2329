"""Puts Debian's Roboto (fonts-roboto-unhinted) where Material's social plugin looks for its font,
so it draws the cards without asking Google Fonts: CACHE/fonts/Roboto/<style>.ttf, named as the
plugin names what it downloads (the style a font reports, e.g. "Bold").

Usage: card_fonts.py CACHE_DIR
"""

import shutil
import sys
from pathlib import Path

from PIL import ImageFont

DEBIAN = Path("/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF")


def main(cache: Path) -> int:
    fonts = sorted(DEBIAN.glob("Roboto-*.ttf"))
    if not fonts:
        print(f"Roboto is not in {DEBIAN}. Install it: apt-get install -y fonts-roboto-unhinted", file=sys.stderr)
        return 1
    target = cache / "fonts" / "Roboto"
    target.mkdir(parents=True, exist_ok=True)
    for font in fonts:
        family, style = ImageFont.truetype(str(font)).getname()
        name = " ".join([family.replace("Roboto", ""), style]).strip()
        shutil.copyfile(font, target / f"{name}.ttf")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
