"""When the content was last changed, the one date a build may use: SOURCE_DATE_EPOCH (the Makefile
sets it to the last commit's time), else the last commit's time from git; None outside a checkout.
Never the clock, so the same sources give the same bytes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def source_date_epoch(root: Path) -> int | None:
    epoch = (os.environ.get("SOURCE_DATE_EPOCH") or "").strip()
    if not epoch:
        done = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
        epoch = done.stdout.strip() if done.returncode == 0 else ""
    return int(epoch) if epoch.isdigit() else None
