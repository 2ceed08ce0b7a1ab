"""Walking a saga file record by record, whatever its size.

The file is decoded in chunks and only one record (an event, a journal entry,
a case field) is held at a time: each is parsed by the C JSON scanner with the
same hooks as a whole-file read (duplicate keys, ``NaN``, ``1e999`` and lone
surrogates refused), so the checks and their places are those of
:mod:`plainte.core.sagafile`. What a record means is left to a :class:`Sink`.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any, BinaryIO, Protocol

from plainte.core.errors import SagaFileError

CHUNK = 1 << 20
"""Bytes read at a time."""
MAX_RECORD = 64 << 20
"""Longest single record (characters): far above any real event, and a bound on memory."""

_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_STREAMED = {"": ("cases",), "case": ("events", "journal")}


class Sink(Protocol):
    """What a walk hands each case and record to, in file order."""

    def begin(self, top: dict[str, Any]) -> None:
        """The top-level fields seen before the cases (to refuse a wrong format early)."""

    def head(self, data: dict[str, Any], where: str) -> None:
        """The case's own fields seen so far, before its first event or journal entry."""

    def record(self, kind: str, raw: Any, where: str) -> None:
        """One event (``kind`` "events") or journal entry ("journal") of the current case."""

    def end_case(self, data: dict[str, Any], where: str) -> None:
        """The case's own fields, all of them, once its object is closed."""

    def end(self, top: dict[str, Any]) -> None:
        """The top-level fields (format, version…), once the file is read."""


def head_ready(data: dict[str, Any]) -> bool:
    """Whether a case's fields name it already, so its records can be handled as they come."""
    return all(name in data for name in ("title", "provider", "country", "sector"))


class _Source:
    """The text of a saga file, decoded a chunk at a time, with line and column of any place."""

    def __init__(self, raw: BinaryIO, path: Any, hooks: Any) -> None:
        self.raw, self.path = raw, path
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf, self.pos, self.eof = "", 0, False
        self.bytes_read = 0
        self.line, self.column = 1, 1  # of buf[0]
        self.hooks = hooks
        self.decode = json.JSONDecoder(
            object_pairs_hook=hooks.pairs,
            parse_float=hooks.number,
            parse_constant=hooks.constant,
        ).raw_decode

    def fill(self) -> bool:
        """Read one more chunk (dropping what was read); False at the end of the file."""
        if self.eof:
            return False
        gone = self.buf[: self.pos]
        if gone:
            newlines = gone.count("\n")
            if newlines:
                self.line += newlines
                self.column = len(gone) - gone.rfind("\n")
            else:
                self.column += len(gone)
        try:
            chunk = self.raw.read(CHUNK)
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise SagaFileError(
                self.path, f"byte {self.bytes_read + exc.start}", "not_utf8"
            ) from None
        except OSError as exc:
            raise SagaFileError(
                self.path, "", "unreadable", detail=exc.strerror or str(exc)
            ) from None
        self.bytes_read += len(chunk)
        self.buf, self.pos = self.buf[self.pos :] + text, 0
        self.eof = not chunk
        return True

    def place(self, index: int) -> str:
        """``line L, column C`` of ``buf[index]``."""
        before = self.buf[:index]
        newlines = before.count("\n")
        if newlines:
            return f"line {self.line + newlines}, column {index - before.rfind(chr(10))}"
        return f"line {self.line}, column {self.column + index}"

    def syntax(self, message: str, index: int | None = None) -> SagaFileError:
        where = self.place(self.pos if index is None else index)
        return SagaFileError(self.path, where, "not_json", detail=message)

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self.fill():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, char: str, message: str) -> None:
        if self.peek() != char:
            raise self.syntax(message)
        self.pos += 1

    def key(self, where: str) -> str:
        """A key of the object at ``where``, and its colon."""
        if self.peek() != '"':
            raise self.syntax("Expecting property name enclosed in double quotes")
        name = self.value(None, checked=False)
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            shown = ascii(name)[1:-1][:60]
            raise SagaFileError(
                self.path, f"{where}.{shown}" if where else shown, "not_valid_text"
            ) from None
        self.expect(":", "Expecting ':' delimiter")
        return name

    def value(self, where: str | None, *, checked: bool = True) -> Any:
        """The next whole JSON value, checked for what the contract refuses (at ``where``)."""
        self.peek()
        while True:
            start = self.pos
            self.hooks.refused = False
            try:
                value, end = self.decode(self.buf, start)
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise self.syntax(exc.msg, exc.pos) from None
                if len(self.buf) - start > MAX_RECORD:
                    raise SagaFileError(
                        self.path, where or "", "record_too_large", limit=MAX_RECORD >> 20
                    ) from None
                self.fill()
                continue
            except MemoryError:
                raise SagaFileError(
                    self.path, where or "", "record_too_large", limit=MAX_RECORD >> 20
                ) from None
            except RecursionError:
                raise SagaFileError(self.path, where or "", "too_deep") from None
            except ValueError as exc:  # an integer of more than 4,300 digits
                raise SagaFileError(
                    self.path, where or "", "not_json", detail=str(exc)[:80]
                ) from None
            if end == len(self.buf) and not self.eof:  # a number may go on in the next chunk
                self.fill()
                continue
            break
        self.pos = end
        refused = self.hooks.refused or _SURROGATE_ESCAPE.search(self.buf, start, end)
        if checked and refused:
            from plainte.core.sagafile import first_refused

            found = first_refused(value, where or "")
            if found:
                place, key, params = found
                raise SagaFileError(self.path, place, key, **params)
        return value

    def record(self, where: str) -> Any:
        """:meth:`value` for a record wholly in the buffer and with nothing refused (the usual
        case), read without its checks; any other goes through :meth:`value` again."""
        buf, hooks = self.buf, self.hooks
        start = _SPACE.match(buf, self.pos).end()
        hooks.refused = False
        try:
            value, end = self.decode(buf, start)
        except (ValueError, RecursionError, MemoryError):
            return self.value(where)
        if (end == len(buf) and not self.eof) or hooks.refused:
            return self.value(where)
        if _SURROGATE_ESCAPE.search(buf, start, end):
            return self.value(where)
        self.pos = end
        return value

    def after_item(self, close: str) -> bool:
        """Past the comma after an item; False when ``close`` ends the container instead."""
        char = self.peek()
        if char == ",":
            self.pos += 1
            return True
        if char == close:
            self.pos += 1
            return False
        raise self.syntax("Expecting ',' delimiter")


def walk(raw: BinaryIO, path: Any, sink: Sink, hooks: Any) -> None:
    """Read the saga file from ``raw``, giving each case and record to ``sink``.

    Raises:
        SagaFileError: the text is not UTF-8 or not JSON, or holds a value the contract
            refuses (with its place); what the sink raises goes through.
    """
    source = _Source(raw, path, hooks)
    if source.peek() != "{":
        source.value("")
        if source.peek():
            raise source.syntax("Extra data")
        raise SagaFileError(path, "", "not_an_object")
    top = _object(source, "", "", sink)
    if source.peek():
        raise source.syntax("Extra data")
    sink.end(top)


def _object(source: _Source, where: str, kind: str, sink: Sink) -> dict[str, Any]:
    """The fields of the top object (``kind`` "") or of a case ("case"), streaming its lists."""
    source.pos += 1  # the "{"
    data: dict[str, Any] = {}
    waiting: list[tuple[str, list]] = []  # records met before the case's own fields
    started = False
    if source.peek() == "}":
        source.pos += 1
    else:
        while True:
            name = source.key(where)
            place = f"{where}.{name}" if where else name
            if name in data:
                raise SagaFileError(
                    source.path, where, "duplicate_key", value=ascii(name)[1:-1][:60]
                )
            if name in _STREAMED[kind] and source.peek() == "[":
                data[name] = []
                if kind == "":
                    sink.begin(data)
                    _items(source, name, lambda at: _case(source, at, sink))
                elif started or head_ready(data):
                    if not started:
                        sink.head(data, where)
                        started = True
                    _records(source, place, name, sink)
                else:
                    held: list = []
                    _items(source, place, lambda at, h=held: h.append((source.value(at), at)))
                    waiting.append((name, held))
            else:
                data[name] = source.value(place)
            if not source.after_item("}"):
                break
    if kind == "case":
        if waiting and not started:
            sink.head(data, where)
        for name, held in waiting:
            for raw, at in held:
                sink.record(name, raw, at)
        sink.end_case(data, where)
    return data


def _case(source: _Source, where: str, sink: Sink) -> None:
    if source.peek() != "{":
        source.value(where)
        raise SagaFileError(source.path, where, "not_an_object")
    _object(source, where, "case", sink)


def _records(source: _Source, where: str, kind: str, sink: Sink) -> None:
    """Each record of the list at ``where`` (as :func:`_items`), handed to ``sink`` in turn."""
    source.pos += 1  # the "["
    if source.peek() == "]":
        source.pos += 1
        return
    record, read, space = sink.record, source.record, _SPACE.match
    index = 0
    while True:
        at = f"{where}[{index}]"
        record(kind, read(at), at)
        index += 1
        buf = source.buf
        pos = space(buf, source.pos).end()
        char = buf[pos : pos + 1]
        if char == ",":
            source.pos = pos + 1
        elif char == "]":
            source.pos = pos + 1
            return
        else:  # the end of the buffer, or not JSON
            source.pos = pos
            if not source.after_item("]"):
                return


def _items(source: _Source, where: str, read: Any) -> None:
    """Each item of the list at ``where``, handed to ``read`` with its place, in turn."""
    source.pos += 1  # the "["
    if source.peek() == "]":
        source.pos += 1
        return
    index = 0
    while True:
        read(f"{where}[{index}]")
        index += 1
        if not source.after_item("]"):
            return
