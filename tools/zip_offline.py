"""Zips a built format into one archive, byte-for-byte reproducible.

Usage: zip_offline.py SOURCE_DIR ZIP_PATH TOP_FOLDER

Entries are sorted and stamped with SOURCE_DATE_EPOCH, so the same build gives the same zip.
"""

import os
import sys
import time
import zipfile
from pathlib import Path


def zip_offline(source: Path, target: Path, top: str) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(source).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    zip_offline(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
