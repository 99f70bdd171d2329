"""Glue the hooks share (not a hook itself): load the argument map for a build, or fail cleanly."""
from pathlib import Path

from argmap import ArgumentMap, ContentError, load_map
from mkdocs.exceptions import PluginError


def project_root(config) -> Path:
    return Path(config.config_file_path).parent


def load(config, hook: str) -> ArgumentMap:
    """The checked argument map; a content mistake stops the build with its message, no traceback."""
    try:
        return load_map(project_root(config))
    except ContentError as error:
        raise PluginError(f"hooks/{hook}.py: {error}") from None


def content_error(hook: str, error: ContentError) -> PluginError:
    return PluginError(f"hooks/{hook}.py: {error}")
