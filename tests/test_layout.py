"""The code's layout keeps its promises: no hook imports another hook file (MkDocs loads each hook
as its own module, so an imported hook would exist twice)."""
import ast
import re

from conftest import ROOT


def test_no_hook_imports_another_hook():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = set(re.findall(r"^  - hooks/(\w+)\.py", config, re.M))
    assert len(hooks) >= 10, hooks
    for name in sorted(hooks):
        tree = ast.parse((ROOT / "hooks" / f"{name}.py").read_text(encoding="utf-8"))
        imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                     if isinstance(node, ast.ImportFrom) and node.module}
        assert not imported & hooks, f"hooks/{name}.py imports the hook(s) {sorted(imported & hooks)}"
