"""Parquet tables of the batch output (``--format parquet``), written with pyarrow.

The Arrow schema is derived from the pydantic models, so the tables follow the
models as they grow: strings, numbers, booleans, lists and nested models become
the matching Arrow types (a span is ``list<int64>``; a unit, deadline or
quantity a struct).  A recursive model (the outline's sections, which contain
sections) has no Arrow type: such a column holds the same JSON text as the JSONL
output.  Rows are written in row groups as they come, never all at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..models import Document, Measure
from .records import dumps

ROW_GROUP = 4096
Transform = Callable[[Any], Any] | None


def _json(v: Any) -> Any:
    return None if v is None else dumps(v)


class _Converter:
    def __init__(self, defs: dict[str, Any]):
        self.defs = defs
        self._cyclic: dict[str, bool] = {}

    def cyclic(self, name: str) -> bool:
        if name not in self._cyclic:
            self._cyclic[name] = False
            self._cyclic[name] = self._reaches(self.defs[name], name, set())
        return self._cyclic[name]

    def _reaches(self, schema: Any, target: str, seen: set[str]) -> bool:
        if isinstance(schema, dict):
            ref = schema.get("$ref")
            if ref:
                name = ref.rsplit("/", 1)[-1]
                if name == target:
                    return True
                if name in seen:
                    return False
                seen.add(name)
                return self._reaches(self.defs[name], target, seen)
            return any(self._reaches(v, target, seen) for v in schema.values())
        if isinstance(schema, list):
            return any(self._reaches(v, target, seen) for v in schema)
        return False

    def convert(self, schema: dict[str, Any]) -> tuple[pa.DataType, Transform]:
        """(Arrow type, transform of a JSON value into what that type holds, or None)."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if self.cyclic(name):
                return pa.string(), _json
            return self.convert(self.defs[name])
        if "anyOf" in schema:
            opts = [s for s in schema["anyOf"] if s.get("type") != "null"]
            if len(opts) > 1 and all(s.get("type") in ("integer", "number") for s in opts):
                return pa.float64(), None  # int | float: a number column (int | None stays int64)
            return self.convert(opts[0]) if len(opts) == 1 else (pa.string(), _json)
        t = schema.get("type")
        if "enum" in schema or "const" in schema:
            vals = schema.get("enum", [schema.get("const")])
            if all(isinstance(v, str) for v in vals):
                return pa.string(), None
        if t == "string":
            return pa.string(), None
        if t == "integer":
            return pa.int64(), None
        if t == "number":
            return pa.float64(), None
        if t == "boolean":
            return pa.bool_(), None
        if t == "array":
            if "prefixItems" in schema:
                kinds = {s.get("type") for s in schema["prefixItems"]}
                if kinds == {"integer"} and "items" not in schema:
                    return pa.list_(pa.int64()), None
                return pa.string(), _json
            inner, tf = self.convert(schema.get("items", {}))
            if tf is _json and inner == pa.string() and self._items_json(schema.get("items", {})):
                return pa.string(), _json  # a list of recursive things: the whole list as JSON
            if tf is None:
                return pa.list_(inner), None
            return pa.list_(inner), (lambda v, tf=tf: None if v is None else [tf(x) for x in v])
        if t == "object" and "properties" in schema:
            return self.struct(schema["properties"])
        return pa.string(), _json

    def _items_json(self, items: dict[str, Any]) -> bool:
        ref = items.get("$ref")
        return bool(ref) and self.cyclic(ref.rsplit("/", 1)[-1])

    def struct(self, props: dict[str, Any]) -> tuple[pa.DataType, Transform]:
        fields, tfs = self.fields(props)
        if not tfs:
            return pa.struct(fields), None

        def tf(v: Any) -> Any:
            if v is None:
                return None
            v = dict(v)
            for k, f in tfs.items():
                if k in v:
                    v[k] = f(v[k])
            return v

        return pa.struct(fields), tf

    def fields(self, props: dict[str, Any]) -> tuple[list[pa.Field], dict[str, Callable[[Any], Any]]]:
        fields, tfs = [], {}
        for name, sub in props.items():
            typ, tf = self.convert(sub)
            fields.append(pa.field(name, typ))
            if tf is not None:
                tfs[name] = tf
        return fields, tfs


def _table_schema(model: type, head: list[tuple[str, pa.DataType]], drop: tuple[str, ...] = (),
                  tail: list[tuple[str, pa.DataType]] = ()) -> tuple[pa.Schema, dict[str, Callable]]:
    js = model.model_json_schema()
    conv = _Converter(js.get("$defs", {}))
    props = {k: v for k, v in js["properties"].items() if k not in drop}
    fields, tfs = conv.fields(props)
    return pa.schema([pa.field(n, t) for n, t in head] + fields + [pa.field(n, t) for n, t in tail]), tfs


def measures_schema() -> tuple[pa.Schema, dict[str, Callable]]:
    return _table_schema(Measure, [("source_sha256", pa.string()), ("source_path", pa.string()),
                                   ("document", pa.int64()), ("document_title", pa.string())])


def documents_schema() -> tuple[pa.Schema, dict[str, Callable]]:
    return _table_schema(Document, [("source_sha256", pa.string()), ("source_path", pa.string()),
                                    ("source_format", pa.string()), ("source_encoding", pa.string()),
                                    ("document", pa.int64())],
                         drop=("measures",), tail=[("measure_ids", pa.list_(pa.string()))])


class TableWriter:
    """Rows (dicts shaped like the JSONL lines) → one Parquet file, a row group at a time."""

    def __init__(self, path: str, schema_and_transforms: tuple[pa.Schema, dict[str, Callable]]):
        self.schema, self.transforms = schema_and_transforms
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        for k, tf in self.transforms.items():
            if k in row:
                row[k] = tf(row[k])
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()
