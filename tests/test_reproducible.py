"""Reproducible: two builds of the same commit give the same bytes (SOURCE_DATE_EPOCH).

The two builds run from two copies of the project in different folders, one after the other,
with different hash seeds, so neither a path, the clock nor dict/set order may reach the output:
hosted site, offline copy and downloads.
"""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import LAST_COMMIT, ROOT, SITE_URL, mkdocs_build

pytestmark = pytest.mark.slow  # builds of project copies, each in both formats

OUTPUTS = ("site", "offline-build", "dist")  # what `make build` writes (see conftest.build_formats)
FIXTURE_HOOK = Path(__file__).parent / "fixtures" / "unreproducible_hook.py"


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def differences(first: Path, second: Path) -> list[str]:
    a, b = digests(first), digests(second)
    return (
        [f"only in the first build: {n}" for n in sorted(a.keys() - b.keys())]
        + [f"only in the second build: {n}" for n in sorted(b.keys() - a.keys())]
        + [
            f"differs: {n}{first_difference(first / n, second / n)}"
            for n in sorted(a.keys() & b.keys())
            if a[n] != b[n]
        ]
    )


def first_difference(one: Path, two: Path) -> str:
    """Where two files part, with the bytes around it, so a failure on CI says what to fix."""
    x, y = one.read_bytes(), two.read_bytes()
    at = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
    return f" (from byte {at}: {x[max(0, at - 40) : at + 40]!r} / {y[max(0, at - 40) : at + 40]!r})"


def make_build(project: Path, out: Path, epoch: str) -> None:
    """`make build` of a project copy into `out`, as conftest.build_formats runs it for the repo."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env.update(SITE_URL=SITE_URL, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED=str(len(str(out))))
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "build",
            f"SITE_DIR={out}/site",
            f"OFFLINE_DIR={out}/offline-build",
            f"DIST_DIR={out}/dist",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_builds_of_the_same_commit_are_byte_identical(project_copy, tmp_path):
    # Two copies of this working tree, so edits made while the suite runs cannot reach one build only.
    (project_copy / ".venv").symlink_to(ROOT / ".venv")
    second = tmp_path / "elsewhere" / "project"
    shutil.copytree(project_copy, second, symlinks=True)
    epoch = (
        subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        or "315532800"
    )
    make_build(project_copy, tmp_path / "one", epoch)
    make_build(second, tmp_path / "second-build", epoch)
    problems = []
    for name in OUTPUTS:
        assert any((tmp_path / "one" / name).iterdir()), f"{name}: empty build output"
        problems += [f"{name}/: {d}" for d in differences(tmp_path / "one" / name, tmp_path / "second-build" / name)]
    assert not problems, "two builds of one commit differ:\n" + "\n".join(problems)


def test_one_process_builds_what_two_mkdocs_commands_build(formats, tmp_path):
    """`make build` runs the two strict builds in one process (tools/build_formats.py): nothing of the
    offline build may reach the hosted one. Each format is built again here as its own
    `mkdocs build --strict`, as the Makefile ran them before, and must come out byte for byte the same."""
    made = formats.zip.parent.parent  # the session's `make build` (conftest.build_formats)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env.update(SITE_URL=SITE_URL, SOURCE_DATE_EPOCH=LAST_COMMIT, NO_MKDOCS_2_WARNING="1")
    for name, own in (
        ("offline-build", {"OFFLINE": "true"}),
        ("site", {"CARDS": "true", "DIST_DIR": str(made / "dist")}),
    ):
        result = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / name)],
            cwd=ROOT,
            env={**{k: v for k, v in env.items() if k not in ("OFFLINE", "CARDS", "DIST_DIR")}, **own},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        found = differences(made / name, tmp_path / name)
        assert not found, f"{name}/ of one process differs from its own `mkdocs build`:\n" + "\n".join(found)


def test_a_build_step_that_reads_the_clock_is_caught(project_copy, tmp_path):
    (project_copy / FIXTURE_HOOK.name).write_text(FIXTURE_HOOK.read_text(encoding="utf-8"))
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:" not in text  # the project has none: its steps are a plugin (src/mkdocs_adapter/)
    config.write_text(text + f"\nhooks:\n  - {FIXTURE_HOOK.name}\n")
    for out in ("one", "two"):
        result = mkdocs_build(project_copy, tmp_path / out)
        assert result.returncode == 0, result.stdout + result.stderr
    found = differences(tmp_path / "one", tmp_path / "two")
    assert any(line.startswith("differs: index.html (") for line in found), found
    assert not any("assets/" in line for line in found), found  # only what the hook touched


# Prints the one-page version in a child process (the suite's own Playwright may be running),
# after advancing Chromium's node-id counter as a busy machine or a DevTools client would.
DISTURBED_PRINT = """
import sys
import print_pdf
from pathlib import Path
if sys.argv[3] == "raw":
    print_pdf.fix_node_ids = lambda pdf: pdf
disturb = None if sys.argv[4] == "calm" else (
    lambda page: page.context.new_cdp_session(page).send("DOM.getDocument", {"depth": -1}))
print_pdf.print_pdf(Path(sys.argv[1]), Path(sys.argv[2]), prepare=disturb)
"""


def print_once(source: Path, target: Path, ids: str, state: str) -> bytes:
    env = dict(os.environ, SOURCE_DATE_EPOCH="315532800", SITE_URL=SITE_URL, PYTHONPATH=str(ROOT / "tools"))
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-c", DISTURBED_PRINT, str(source), str(target), ids, state],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return target.read_bytes()


def test_the_pdf_does_not_depend_on_what_the_browser_did_before_the_print(formats, tmp_path):
    source = formats.offline / "one-page.html"
    assert print_once(source, tmp_path / "calm.pdf", "fixed", "calm") == print_once(
        source, tmp_path / "disturbed.pdf", "fixed", "disturbed"
    )
    # Without the renumbering the same disturbance changes the bytes (this is what CI once saw).
    assert print_once(source, tmp_path / "calm-raw.pdf", "raw", "calm") != print_once(
        source, tmp_path / "disturbed-raw.pdf", "raw", "disturbed"
    )
