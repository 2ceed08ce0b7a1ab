"""YAML read with line numbers, so a faulty data file is refused at its line.

The YAML parser is imported only when a file is parsed: a data file whose checked
result is kept (``parsed_cache.load_checked``) is read back without it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

TYPE_CHECKING = False  # typing costs 3 ms of every call; it is only read by type checkers
if TYPE_CHECKING:
    from typing import Any


class LinedDict(dict):
    """A mapping that remembers the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


@cache
def _loader() -> type:
    """The loader that refuses repeated keys and makes :class:`LinedDict` mappings."""
    import yaml

    # libyaml's parser when PyYAML has it: ten times faster, the same nodes and marks
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class _Loader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LinedDict:
            seen: set[Any] = set()
            for key, _value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:  # PyYAML would keep the last value silently
                        raise yaml.constructor.ConstructorError(
                            None, None, f'the key "{key.value}" appears twice', key.start_mark
                        )
                    seen.add(key.value)
            mapping = LinedDict(super().construct_mapping(node, deep=deep))
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {
                str(key.value): key.start_mark.line + 1 for key, _value in node.value
            }
            return mapping

    _Loader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
        lambda loader, node: loader.construct_mapping(node, deep=True),
    )
    return _Loader


class YamlError(Exception):
    """A YAML file that does not parse: ``line`` is where the parser stopped."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(detail)
        self.line = line
        self.detail = detail


def load(path: Path) -> Any:
    """Parse ``path``; mappings come back as :class:`LinedDict`.

    Raises:
        YamlError: the text is not valid YAML.
        OSError: the file cannot be read.
        UnicodeDecodeError: the file is not UTF-8.
    """
    return parse(path.read_bytes())


def parse(raw: bytes) -> Any:
    """Parse the UTF-8 text ``raw``; mappings come back as :class:`LinedDict`.

    Raises:
        YamlError: the text is not valid YAML.
        UnicodeDecodeError: the bytes are not UTF-8.
    """
    import yaml

    text = raw.decode("utf-8")
    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return _raise(mark.line + 1 if mark else 0, exc.problem or str(exc))
    except yaml.YAMLError as exc:
        return _raise(0, str(exc))


def _raise(line: int, detail: str):
    raise YamlError(line, detail)


def line_of(node: Any, key: str | None = None) -> int:
    """The line of ``key`` in ``node`` (or of the node itself), 0 when unknown."""
    if isinstance(node, LinedDict):
        if key is not None and key in node.key_lines:
            return node.key_lines[key]
        return node.line
    return 0
