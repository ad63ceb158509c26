"""The parts of an import template: its columns (header, record field, kind of value) and the template itself.

A template names its table, its columns, the natural key that makes a second import of the same file an
update rather than a copy, a `derive` step that fills the columns a person does not type and checks rules
across columns, and, where a rule needs rows of the store named by more than one column (a pairing named by
its two sides), a `lookups` step that fetches them for the whole file at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, Table


@dataclass(frozen=True)
class Column:
    """One column of a template.

    kind: text, name (a person's name), code, int, decimal, date, year, bool, choice, id_number, phone, ref.
    For a ref, `field` is the table's id column it fills and `ref` the key of REFERENCES. A field that is not a
    column of the table (the unit of a pairing activity) is read, checked and handed to `derive`, which fills
    the table's columns from it; only the table's columns are written.
    """

    header: str
    field: str
    kind: str
    example: object
    note: str = ""
    required: bool = True
    choices: tuple[str, ...] = ()
    ref: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    past_only: bool = False
    places: int = 2
    former: tuple[str, ...] = ()  # headers of earlier template versions, still read so old files import
    # A column added to the template later (the dates of migration 0016): a file may leave it out, and the
    # store then keeps what it holds (a new record gets nothing: undated).
    omissible: bool = False

    @property
    def format(self) -> str:
        return {
            "text": "文字", "name": "姓名", "code": "编码(字母、数字、-、_)", "int": "整数", "decimal": "数字",
            "date": "日期(2018-06-30)", "year": "年份(2018)", "bool": "是/否", "choice": "从可选值中选一个",
            "id_number": "18位公民身份号码", "phone": "手机号或固定电话", "ref": "已导入的编码",
        }[self.kind]


Derive = Callable[[dict, dict], list[tuple[str | None, str]]]
Fetch = Callable[[Callable[[list], Select], list], list]  # rows of a select over keys, asked for in chunks
Lookups = Callable[[Fetch, list[dict]], dict]  # the store rows a file's records need, by name, for `derive`


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    model: type
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...]
    description: str
    derive: Derive | None = None
    period_field: str | None = None
    self_reference: str | None = None  # a field naming another row of the same table (a parent organization)
    checked_unique: tuple[str, ...] = ()  # other unique columns, checked against the store
    lookups: Lookups | None = None
    former_title: str | None = None  # the title of an earlier version (a renamed template), still accepted

    @property
    def table(self) -> Table:
        return self.model.__table__

    def column(self, field_name: str) -> Column:
        return next(c for c in self.columns if c.field == field_name)


def column(header, field_name, kind, example, note="", **options) -> Column:
    """A column typed by the person filling the sheet (text, a number, a date, a choice...)."""
    return Column(header, field_name, kind, example, note, **options)


def reference(header, field_name, ref, example, note="", required=True) -> Column:
    """A column naming, by its code, something already in the store (`ref` is a key of REFERENCES)."""
    return Column(header, field_name, "ref", example, note, required=required, ref=ref)


YES_NO = "填“是”或“否”"

