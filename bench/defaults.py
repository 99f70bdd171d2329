"""The "default Material build" the benchmark compares against: the same pages, Material's defaults.

Our pages are Markdown plus markers that our plugin fills (`<!-- src/mkdocs_adapter/comparison_page.py: matrix -->`), so a
plain `theme: material` config cannot render them. The default config is ours with the theme
reset to Material's defaults and our additions removed:

- kept: docs, nav, Markdown extensions, our plugin (china-russia-allies: it writes the pages'
  content), site metadata, the search plugin, the print-site plugin (our plugin fails the build
  without it), and the `extra:` facts our plugin writes into the pages (publisher, public_url);
- removed: custom_dir (our overrides), palette, features, logo, favicon, extra CSS and JavaScript,
  the rest of `extra:`, the other plugins (privacy, redirects, offline), validation settings;
- `font: false` stays: Material's default loads Roboto from Google Fonts, which this closed
  network cannot reach, so counting it would give the default page bytes it never received;
- the default build runs as a plain `mkdocs build` (not `--strict`).

The config is written into a folder of symlinks to the project, so paths that our plugin resolves from
the config file's folder (data/, sources/, node_modules/) still work.
"""

from pathlib import Path

import yaml

KEEP_PLUGINS = {"search", "china-russia-allies", "print-site"}
KEEP_EXTRA = {"publisher", "public_url"}  # read by the citations and the editions' dates (src/mkdocs_adapter/)
DROP_KEYS = ("extra", "extra_css", "extra_javascript", "validation", "watch")
NOT_LINKED = {"mkdocs.yml", "bench", ".git", "site", "build", "dist"}


class Tagged:
    """A YAML value with a custom tag (!ENV, !relative ...), kept as written."""

    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent(dumper, tagged):
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value, flow_style=True)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


_Loader.add_multi_constructor("!", _construct)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_Dumper.add_representer(Tagged, _represent)


def plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def default_config(ours: dict) -> dict:
    config = dict(ours)
    config["theme"] = {"name": "material", "language": ours.get("theme", {}).get("language", "en"), "font": False}
    config["plugins"] = [p for p in ours.get("plugins", ["search"]) if plugin_name(p) in KEEP_PLUGINS]
    for key in DROP_KEYS:
        config.pop(key, None)
    kept = {k: v for k, v in (ours.get("extra") or {}).items() if k in KEEP_EXTRA}
    if kept:
        config["extra"] = kept
    return config


def write_default_project(root: Path, dest: Path) -> Path:
    """A folder of symlinks to `root` with the default config; returns the config's path."""
    dest.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        link = dest / entry.name
        if entry.name not in NOT_LINKED and not link.exists():
            link.symlink_to(entry)
    ours = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config = dest / "mkdocs.yml"
    config.write_text(
        "# Written by bench/defaults.py: our pages, Material's default theme settings.\n"
        + yaml.dump(default_config(ours), Dumper=_Dumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return config
