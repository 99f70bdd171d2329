"""Reproducible: two builds of the same commit give the same bytes (SOURCE_DATE_EPOCH).

The second build runs in another folder, later, with another hash seed, so neither the path, the
clock nor dict/set order may reach the output: hosted edition, offline edition and downloads.
"""
import hashlib
from pathlib import Path

from conftest import build_editions, mkdocs_build

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


def test_two_builds_of_the_same_commit_are_byte_identical(editions, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONHASHSEED", "12345")
    result = build_editions(tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    first = editions.site.parent
    problems = []
    for name in OUTPUTS:
        assert any((first / name).iterdir()), f"{name}: empty build output"
        problems += [f"{name}/: {d}" for d in differences(first / name, tmp_path / name)]
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
