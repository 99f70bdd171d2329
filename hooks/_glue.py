"""Glue the hooks share (not a hook itself): load the argument map for a build, or fail cleanly."""
from pathlib import Path

from argmap import ArgumentMap, ContentError, load_map
from mkdocs.exceptions import PluginError


def project_root(config) -> Path:
    return Path(config.config_file_path).parent


_cache: dict = {}


def _signature(root: Path) -> tuple:
    """What the map is read from: data/ and the viewpoint pages, by name, size and change time."""
    files = sorted([*root.glob("data/*"), *root.glob("docs/viewpoints/*.md")])
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


def load(config, hook: str) -> ArgumentMap:
    """The checked argument map; a content mistake stops the build with its message, no traceback.

    Several hooks need the map: it is read once per build and again only when its files change
    (so `make serve` picks up edits)."""
    root = project_root(config)
    key = (root, _signature(root))
    try:
        if key not in _cache:
            _cache.clear()
            _cache[key] = load_map(root)
        return _cache[key]
    except ContentError as error:
        raise PluginError(f"hooks/{hook}.py: {error}") from None


def content_error(hook: str, error: ContentError) -> PluginError:
    return PluginError(f"hooks/{hook}.py: {error}")


def offline_enabled(config) -> bool:
    """Is this the offline copy (OFFLINE=true)? Shared here: a hook never imports another hook."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
