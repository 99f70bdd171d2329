"""Reproducible: two builds of the same commit give the same bytes (SOURCE_DATE_EPOCH).

The two builds run from two copies of the project in different folders, one after the other,
with different hash seeds, so neither a path, the clock nor dict/set order may reach the output:
hosted edition, offline edition and downloads.
"""
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, SITE_URL, mkdocs_build

OUTPUTS = ("site", "offline-build", "dist")  # what `make build` writes (see conftest.build_editions)
FIXTURE_HOOK = Path(__file__).parent / "fixtures" / "unreproducible_hook.py"


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    a, b = digests(first), digests(second)
    return ([f"only in the first build: {n}" for n in sorted(a.keys() - b.keys())]
            + [f"only in the second build: {n}" for n in sorted(b.keys() - a.keys())]
            + [f"differs: {n}" for n in sorted(a.keys() & b.keys()) if a[n] != b[n]])


def make_build(project: Path, out: Path, epoch: str) -> None:
    """`make build` of a project copy into `out`, as conftest.build_editions runs it for the repo."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env.update(SITE_URL=SITE_URL, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED=str(len(str(out))))
    result = subprocess.run(
        ["make", "--no-print-directory", "build", f"SITE_DIR={out}/site", f"OFFLINE_DIR={out}/offline-build",
         f"DIST_DIR={out}/dist"], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_of_the_same_commit_are_byte_identical(project_copy, tmp_path):
    # Two copies of this working tree, so edits made while the suite runs cannot reach one build only.
    (project_copy / ".venv").symlink_to(ROOT / ".venv")
    second = tmp_path / "elsewhere" / "project"
    shutil.copytree(project_copy, second, symlinks=True)
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip() or "315532800"
    make_build(project_copy, tmp_path / "one", epoch)
    make_build(second, tmp_path / "second-build", epoch)
    problems = []
    for name in OUTPUTS:
        assert any((tmp_path / "one" / name).iterdir()), f"{name}: empty build output"
        problems += [f"{name}/: {d}" for d in differences(tmp_path / "one" / name, tmp_path / "second-build" / name)]
    assert not problems, "two builds of one commit differ:\n" + "\n".join(problems)


def test_a_build_step_that_reads_the_clock_is_caught(project_copy, tmp_path):
    (project_copy / "hooks" / FIXTURE_HOOK.name).write_text(FIXTURE_HOOK.read_text(encoding="utf-8"))
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:\n" in text
    config.write_text(text.replace("\nhooks:\n", f"\nhooks:\n  - hooks/{FIXTURE_HOOK.name}\n", 1))
    for out in ("one", "two"):
        result = mkdocs_build(project_copy, tmp_path / out)
        assert result.returncode == 0, result.stdout + result.stderr
    found = differences(tmp_path / "one", tmp_path / "two")
    assert "differs: index.html" in found, found
    assert not any("assets/" in line for line in found), found  # only what the hook touched
