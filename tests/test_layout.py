"""The code's layout keeps its promises: one MkDocs adapter (src/mkdocs_adapter/, a plugin installed
from pyproject.toml) and no hook files; MkDocs imported by the adapter only, so the logic packages
stay plain Python; and no adapter module shares its name with a module of those packages."""

import ast
import re
import subprocess

from conftest import ROOT

SRC = ROOT / "src"
ADAPTER = "mkdocs_adapter"


def imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    return found | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and not node.level
    }


def test_one_adapter_and_no_hook_files():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^hooks:", config, re.M), "mkdocs.yml lists hook files"
    assert re.search(r"^  - china-russia-allies$", config, re.M), "mkdocs.yml does not use the plugin"
    assert not (ROOT / "hooks").exists()


def test_only_the_adapter_imports_mkdocs():
    modules = sorted(SRC.rglob("*.py"))
    assert any(p.relative_to(SRC).parts[0] == ADAPTER and "mkdocs" in imports(p) for p in modules)
    plain = [
        p.relative_to(ROOT).as_posix()
        for p in modules
        if p.relative_to(SRC).parts[0] != ADAPTER and "mkdocs" in imports(p)
    ]
    assert not plain, f"these modules import MkDocs; move that code to src/{ADAPTER}/: {plain}"


def test_no_adapter_module_shares_a_name_with_a_plain_module():
    adapter = {p.stem for p in (SRC / ADAPTER).glob("*.py")} - {"__init__"}
    plain = {p.stem for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] != ADAPTER}
    plain |= {p.name for p in SRC.iterdir() if p.is_dir() and p.name != ADAPTER}
    assert len(adapter) >= 5, adapter
    assert not adapter & plain, sorted(adapter & plain)


def test_the_pre_commit_hooks_run_the_locked_ruff_and_lint_catches_a_mistake(tmp_path):
    """`make pre-commit` installs hooks that run `.venv/bin/ruff` (no download); the configuration is
    valid for pre-commit itself, and the ruff configuration rejects an unused import and bad format."""
    venv = ROOT / ".venv" / "bin"
    config = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run([venv / "pre-commit", "validate-config", config], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    entries = re.findall(r"entry: (\S+)", config.read_text(encoding="utf-8"))
    assert entries and all(e == ".venv/bin/ruff" for e in entries), entries
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nx = {'a':1}\n", encoding="utf-8")
    settings = ["--config", str(ROOT / "pyproject.toml")]
    check = subprocess.run([venv / "ruff", "check", *settings, sample], capture_output=True, text=True)
    assert check.returncode == 1 and "F401" in check.stdout, check.stdout
    form = subprocess.run([venv / "ruff", "format", "--check", *settings, sample], capture_output=True, text=True)
    assert form.returncode == 1, form.stdout
