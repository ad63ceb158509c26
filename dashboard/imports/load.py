"""Importing one file into the store: read, validate everything, then write all of it or nothing.

`import_file` checks the header, every cell, duplicates inside the file, references to the store and rules
across columns, and reports every problem at once (file, row, column, message in Chinese). Only a file
without problems is written: inside one transaction, rows are matched on the template's natural key and
inserted or updated (a row that is already as the file says is left alone, so importing the same file
twice changes nothing the second time). Replacing a period's rows is explicit (`replace_period`).
The import is logged in `import_run` and the audit log, and the summaries made from the imported table are
rebuilt, in the same transaction. Pure Python + SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, delete, select
from sqlalchemy.exc import DBAPIError

from dashboard.clearing import delete_rows
from dashboard.data_version import bump_data_version
from dashboard.imports import values as v
from dashboard.imports.columns import Column, Template
from dashboard.imports.reading import Problem, Sheet, Unreadable, read_sheet
from dashboard.imports.templates import REFERENCES
from dashboard.imports.touched import touched_communities
from dashboard.schema import AuditEntry, Community, County, ImportRun, StoreMeta
from dashboard.summaries import SOURCES as SUMMARY_SOURCES
from dashboard.summaries import refresh_summaries

CHUNK = 900  # keys per IN (...) list, under every backend's bound-parameter limit
PREVIEW_ROWS = 20


class DemoStoreError(RuntimeError):
    """The store holds demo data: imported and demo records must not mix; clear the demo first."""


@dataclass
class Outcome:
    """What an import found and, when it had no problems, what it changed (or would change, in a dry run)."""

    template: Template
    file_name: str
    sha256: str
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    committed: bool = False
    preview: pd.DataFrame | None = None

    def summary(self) -> str:
        if self.problems:
            return f"{self.file_name}:发现 {len(self.problems)} 个问题,未导入任何数据。"
        verb = "已导入" if self.committed else "预检通过,将导入"
        text = (f"{self.file_name}:{verb} {self.rows} 行,新增 {self.inserted} 行,更新 {self.updated} 行,"
                f"未变 {self.unchanged} 行")
        skipped = self.rows - self.inserted - self.updated - self.unchanged
        if skipped > 0 and not self.deleted:
            text += f",跳过 {skipped} 行(不导入的行,如区划表中的市、县级行)"
        return text + (f",替换期间内删除 {self.deleted} 行。" if self.deleted else "。")


def is_demo_store(connection: Connection) -> bool:
    return connection.execute(select(StoreMeta.value).where(StoreMeta.meta_key == "is_demo")).scalar() == "1"


def clear_demo(engine: Engine, username: str | None) -> None:
    """Empty a demo store for real data, in one transaction.

    Every data row goes except the 15 county-level units (real geography), targets, settings, accounts and the
    logs; the store is then marked as not demo."""
    from dashboard.demo import data_tables

    now = dt.datetime.now().replace(microsecond=0)

    def mark_real(connection: Connection) -> None:
        connection.execute(StoreMeta.__table__.insert(), {"meta_key": "is_demo", "value": "0", "updated_at": now})
        bump_data_version(connection)
        connection.execute(AuditEntry.__table__.insert(), {
            "occurred_at": now, "username": username, "event": "清空演示数据", "detail": "为导入真实数据清空演示数据"})

    delete_rows(engine, [t for t in data_tables() if t.name != County.__tablename__], then=mark_real)


def read_rows(template: Template, file_name: str, content: bytes, today: dt.date | None = None,
              replace_period: tuple[dt.date, dt.date] | None = None) -> tuple[Outcome, list[Row] | None]:
    """The file read and checked cell by cell against the template: its outcome so far, and its rows (None when
    the file cannot be read or its headers are wrong, which the outcome's problems then say)."""
    outcome = Outcome(template, file_name, hashlib.sha256(content).hexdigest())
    try:
        sheet = read_sheet(file_name, content)
    except Unreadable as error:
        outcome.problems = error.problems
        return outcome, None
    outcome.preview = _preview(sheet)
    positions = _header_positions(template, sheet, outcome.problems)
    if outcome.problems:
        return outcome, None
    rows = _parse(template, sheet, positions, outcome.problems, today or dt.date.today(), replace_period)
    outcome.rows = len(sheet.rows)
    return outcome, rows


def import_file(engine: Engine, template: Template, file_name: str, content: bytes, username: str | None,
                source: str = "页面", replace_period: tuple[dt.date, dt.date] | None = None,
                dry_run: bool = False, today: dt.date | None = None) -> Outcome:
    """Validate the file and, unless it has problems or this is a dry run, write it in one transaction."""
    if replace_period is not None and template.period_field is None:
        raise ValueError(f"“{template.title}”不能按期间替换")
    outcome, rows = read_rows(template, file_name, content, today, replace_period)
    if rows is None:
        return outcome
    return write_in_one_transaction(
        engine, outcome, lambda connection: _write(connection, template, rows, outcome, replace_period),
        username, source, replace_period, dry_run, rebuild=template.table.name in SUMMARY_SOURCES)


def write_in_one_transaction(engine: Engine, outcome: Outcome, write: Callable[[Connection], set[int] | None],
                             username: str | None, source: str, replace_period: tuple[dt.date, dt.date] | None,
                             dry_run: bool, rebuild: bool) -> Outcome:
    """Run `write` (which adds its problems to `outcome`), log the import, rebuild the summaries if `rebuild`
    and move the data version, all in one transaction: all of it, or, on any problem or a dry run, none."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            if is_demo_store(connection):
                raise DemoStoreError("当前数据库是演示数据。导入真实数据前,请先清空演示数据,以免两者混在一起。")
            touched = write(connection)
            outcome.problems.sort(key=lambda p: p.row or 0)
            if outcome.problems or dry_run:
                transaction.rollback()
                return outcome
            _record(connection, outcome, username, source, replace_period)
            if rebuild:
                refresh_summaries(connection, touched)
            bump_data_version(connection)
            transaction.commit()
            outcome.committed = True
        except DBAPIError as error:
            transaction.rollback()
            outcome.problems.append(Problem(outcome.file_name, None, None,
                                            f"数据库拒绝写入,未导入任何数据:{_short(error)}"))
        except BaseException:
            transaction.rollback()
            raise
    return outcome


# --- Reading cells ----------------------------------------------------------------------------------------------


@dataclass
class Row:
    number: int
    values: dict  # field -> parsed value (a ref field holds the typed code until resolved)
    bad: bool = False  # a cell or a reference of this row has a problem


def _preview(sheet: Sheet) -> pd.DataFrame:
    width = len(sheet.headers)
    rows = [(cells + [None] * width)[:width] for _number, cells in sheet.rows[:PREVIEW_ROWS]]
    headers = [h or f"(第{i + 1}列)" for i, h in enumerate(sheet.headers)]
    frame = pd.DataFrame(rows, columns=pd.Index(headers).astype(str), dtype=object)
    frame.insert(0, "行", [number for number, _cells in sheet.rows[:PREVIEW_ROWS]])
    return frame.loc[:, ~frame.columns.duplicated()].astype(str).replace({"None": ""})


def _header_positions(template: Template, sheet: Sheet, problems: list[Problem]) -> dict[str, int]:
    expected = {name: c.header for c in template.columns for name in (c.header, *c.former)}
    seen: dict[str, int] = {}
    unknown = []
    for index, raw in enumerate(sheet.headers):
        header = v.normalized(raw).lstrip("*").strip()
        if not header:
            if any(index < len(cells) and not v.is_blank(cells[index]) for _n, cells in sheet.rows[:1000]):
                problems.append(Problem(sheet.file, 1, f"第{index + 1}列", "该列有数据但没有列名"))
            continue
        if expected.get(header) in seen:
            problems.append(Problem(sheet.file, 1, header, "列名重复"))
        elif header in expected:
            seen[expected[header]] = index
        else:
            unknown.append((index, header))
    if not seen:
        problems.append(Problem(sheet.file, 1, None, f"表头中没有“{template.title}”模板的任何列名。请确认选对了模板,"
                                                    "并且文件是 UTF-8 或 GB18030/GBK 编码(乱码通常是编码不对)。"))
        return seen
    for _index, header in unknown:
        problems.append(Problem(sheet.file, 1, header, "模板中没有这一列,请核对列名(可下载模板对照)"))
    for column in template.columns:
        if column.header not in seen:
            need = "必填列" if column.required else "列(可留空,但不能删去)"
            problems.append(Problem(sheet.file, 1, column.header, f"缺少{need}“{column.header}”"))
    return seen


def _parse(template: Template, sheet: Sheet, positions: dict[str, int], problems: list[Problem], today: dt.date,
           period: tuple[dt.date, dt.date] | None) -> list[Row]:
    """Every data row with the cells that could be read; rows with a problem are marked bad but kept, so that
    their references are checked too and all problems are reported at once."""
    table = template.table
    parsers = [(c, positions[c.header], _parser(c, table)) for c in template.columns]
    rows, first_row_of_key = [], {}
    for number, cells in sheet.rows:
        values, bad = {}, _beyond_header(sheet, number, cells, problems)
        for column, position, parse in parsers:
            raw = cells[position] if position < len(cells) else None
            if v.is_blank(raw):
                if column.required:
                    problems.append(Problem(sheet.file, number, column.header, "必填,不能为空"))
                    bad = True
                values[column.field] = None
                continue
            try:
                values[column.field] = value = parse(raw)
                _check_range(column, value, today)
            except v.BadValue as error:
                problems.append(Problem(sheet.file, number, column.header, str(error)))
                bad = True
        if bad:
            rows.append(Row(number, values, bad=True))
            continue
        if period is not None:
            day = values[template.period_field]
            if not period[0] <= day <= period[1]:
                header = template.column(template.period_field).header
                problems.append(Problem(sheet.file, number, header,
                                        f"{day} 不在要替换的期间 {period[0]} 至 {period[1]} 内"))
        key = tuple(values[f] for f in template.natural_key)
        if key in first_row_of_key:
            rows.append(Row(number, values, bad=True))
            names = "、".join(template.column(f).header for f in template.natural_key)
            problems.append(Problem(sheet.file, number, None,
                                    f"与第 {first_row_of_key[key]} 行重复({names}相同)"))
            continue
        first_row_of_key[key] = number
        rows.append(Row(number, values))
    for unique in template.checked_unique:
        header, first = template.column(unique).header, {}
        for row in rows:
            value = row.values.get(unique)
            if not row.bad and value is not None and first.setdefault(value, row.number) != row.number:
                problems.append(Problem(sheet.file, row.number, header, f"与第 {first[value]} 行重复"))
    return rows


def _beyond_header(sheet: Sheet, number: int, cells: list, problems: list[Problem]) -> bool:
    """A row with cells right of the last header is refused: in a CSV they come from a comma inside a value
    that was not quoted (1,5 in a number column would otherwise be read as 1), in a sheet from a column
    without a name."""
    width = len(sheet.headers)
    extra = [index for index in range(width, len(cells)) if not v.is_blank(cells[index])]
    if not extra:
        return False
    where = f"第{extra[0] + 1}列"
    if sheet.is_csv:
        message = (f"这一行有 {len(cells)} 个单元格,比表头多 {len(cells) - width} 个,该行不予导入。常见原因:数字或"
                   "文字中的逗号(如 1,5)没有加英文双引号,把一个值分成了两列;请改用小数点或给该值加引号")
    else:
        message = f"表头右侧的{where}有数据,但该列没有列名;请删去或补上列名"
    problems.append(Problem(sheet.file, number, where, message))
    return True


def _parser(column: Column, table):
    length = getattr(table.c[column.field].type, "length", None) if column.field in table.c else None
    kind = column.kind
    if kind == "text":
        return lambda raw: v.free_text(raw, length or 200)
    if kind == "name":
        return lambda raw: v.person_name(raw, length or 20)
    if kind in ("code", "ref"):
        return lambda raw: v.code(raw, length or 40) if column.ref != "county" else v.free_text(raw, 40)
    if kind in ("int", "year"):
        return v.integer
    if kind == "decimal":
        return lambda raw: v.decimal(raw, column.places)
    if kind == "date":
        return v.date
    if kind == "bool":
        return v.boolean
    if kind == "choice":
        return lambda raw: v.choice(raw, column.choices)
    if kind == "id_number":
        return v.id_number
    if kind == "phone":
        return v.phone
    raise ValueError(kind)


def _check_range(column: Column, value, today: dt.date) -> None:
    if column.minimum is not None and value < column.minimum:
        raise v.BadValue(f"{value} 小于 {column.minimum:g},不合理")
    if column.maximum is not None and value > column.maximum:
        raise v.BadValue(f"{value} 大于 {column.maximum:g},不合理")
    if column.kind == "year" and not 1949 <= value <= today.year + 1:
        raise v.BadValue(f"年份 {value} 不合理")
    if column.kind == "date":
        if column.past_only and value > today:
            raise v.BadValue(f"{value} 晚于今天,不合理")
        if value.year < 1900:
            raise v.BadValue(f"{value} 早于1900年,不合理")


# --- Writing ------------------------------------------------------------------------------------------------------


def _in_chunks(connection: Connection, make_select, keys: list) -> list:
    found = []
    for start in range(0, len(keys), CHUNK):
        found.extend(connection.execute(make_select(keys[start:start + CHUNK])).all())
    return found


def _resolve(connection: Connection, template: Template, rows: list[Row], outcome: Outcome) -> dict:
    """Look every referenced code up in the store; unknown codes are problems. Returns field -> key -> row."""
    resolved: dict[str, dict] = {}
    own_codes = {row.values["code"] for row in rows if not row.bad} if template.self_reference else set()
    for column in template.columns:
        if column.kind != "ref":
            continue
        reference = REFERENCES[column.ref]
        keys = sorted({row.values.get(column.field) for row in rows} - {None})
        found = {}
        for key, ident, *extras in _in_chunks(connection, reference.lookup, keys):
            found[key] = {"id": ident, **dict(zip(reference.extras, extras))}
            if column.ref == "county":
                found[extras[0]] = found[key]
        resolved[column.field] = found
        for row in rows:
            key = row.values.get(column.field)
            if key is None or key in found:
                continue
            if column.field == template.self_reference and key in own_codes:
                continue
            row.bad = True
            outcome.problems.append(Problem(outcome.file_name, row.number, column.header,
                                            f"{reference.label}“{key}”不存在,{reference.unknown_hint}"))
    return resolved


def _derive(connection: Connection, template: Template, rows: list[Row], resolved: dict,
            outcome: Outcome) -> list[dict]:
    communities = {ident: {"street_id": street, "county_id": county} for ident, street, county in
                   connection.execute(select(Community.id, Community.street_id, Community.county_id)).all()}
    filled = []
    for row in rows:
        refs = {"_communities": communities}
        record = {}
        for name, value in row.values.items():
            if name in resolved:
                refs[name] = resolved[name].get(value) if value is not None else None
                value = refs[name]["id"] if refs[name] else None
            record[name] = value
        filled.append((record, refs))
    if template.lookups:
        looked_up = template.lookups(lambda make_select, keys: _in_chunks(connection, make_select, keys),
                                     [record for record, _refs in filled])
        for _record, refs in filled:
            refs.update(looked_up)
    records, columns = [], set(template.table.c.keys())
    for row, (record, refs) in zip(rows, filled):
        if template.self_reference:
            parent = row.values[template.self_reference]
            if parent is not None and parent == row.values["code"]:
                outcome.problems.append(Problem(outcome.file_name, row.number,
                                                template.column(template.self_reference).header, "不能是自己"))
        for header, message in (template.derive(record, refs) if template.derive else []):
            outcome.problems.append(Problem(outcome.file_name, row.number, header, message))
        records.append({k: val for k, val in record.items() if k in columns})
    return records


def _check_unique_in_store(connection: Connection, template: Template, rows: list[Row], outcome: Outcome) -> None:
    table = template.table
    for unique in template.checked_unique:
        column = table.c[unique]
        keys = sorted({row.values[unique] for row in rows} - {None})
        owners = dict(_in_chunks(connection, lambda chunk, column=column: select(column, table.c.code).where(
            column.in_(chunk)), keys))
        header = template.column(unique).header
        for row in rows:
            owner = owners.get(row.values[unique])
            if owner is not None and owner != row.values["code"]:
                outcome.problems.append(Problem(outcome.file_name, row.number, header, f"已属于另一条记录({owner})"))


def _existing(connection: Connection, template: Template, records: list[dict]) -> dict[tuple, tuple]:
    """Rows already in the store with the file's natural keys: key -> (id, current values of the record)."""
    table, key = template.table, template.natural_key
    fields = [name for name in records[0] if name != "id"]
    wanted = {tuple(record[k] for k in key) for record in records}
    by_column: dict[str, set] = {}  # a record is looked for by the first column of its key that it fills
    for record in records:
        column = next((k for k in key if record[k] is not None), None)
        if column is not None:
            by_column.setdefault(column, set()).add(record[column])
    found = {}
    for column, values in by_column.items():
        for ident, *current in _in_chunks(connection, lambda chunk, column=column: select(
                table.c.id, *(table.c[f] for f in fields)).where(table.c[column].in_(chunk)), sorted(values)):
            row = dict(zip(fields, current))
            natural = tuple(row[k] for k in key)
            if natural in wanted:
                found[natural] = (ident, row)
    return found


def _write(connection: Connection, template: Template, rows: list[Row], outcome: Outcome,
           period: tuple[dt.date, dt.date] | None) -> set[int] | None:
    """Write the file's rows; returns the communities whose summary rows they change (None: any of them)."""
    resolved = _resolve(connection, template, rows, outcome)
    rows = [row for row in rows if not row.bad]
    records = _derive(connection, template, rows, resolved, outcome)
    _check_unique_in_store(connection, template, rows, outcome)
    if outcome.problems or not records:
        return set()
    table = template.table
    if period is not None:
        column = table.c[template.period_field]
        outcome.deleted = connection.execute(delete(table).where(column.between(*period))).rowcount
    existing = _existing(connection, template, records)
    inserts, updates, replaced = [], [], []
    for record in records:
        natural = tuple(record[k] for k in template.natural_key)
        if natural not in existing:
            inserts.append(record)
            continue
        ident, current = existing[natural]
        if any(_differs(current[name], value) for name, value in record.items()):
            updates.append({**{f"new_{k}": val for k, val in record.items()}, "target_id": ident})
            replaced.append(current)
        else:
            outcome.unchanged += 1
    self_field = template.self_reference
    deferred = []
    if self_field:
        codes = resolved.get(self_field, {})
        for row, record in zip(rows, records):
            parent = row.values[self_field]
            if parent is not None and parent not in codes:
                record[self_field] = None
                deferred.append((record["code"], parent))
    if inserts:
        connection.execute(table.insert(), inserts)
    if updates:
        names = [k for k in records[0]]
        statement = table.update().where(table.c.id == bindparam("target_id")).values(
            {name: bindparam(f"new_{name}") for name in names})
        connection.execute(statement, updates)
    if deferred:
        ids = dict(_in_chunks(connection, lambda chunk: select(table.c.code, table.c.id).where(table.c.code.in_(chunk)),
                              sorted({c for pair in deferred for c in pair})))
        connection.execute(table.update().where(table.c.id == bindparam("target_id")).values(
            {self_field: bindparam("parent")}), [{"target_id": ids[c], "parent": ids[p]} for c, p in deferred])
    outcome.inserted, outcome.updated = len(inserts), len(updates)
    if period is not None:
        return None  # the period's rows of every community were replaced
    return touched_communities(connection, table.name, [*inserts, *_new_values(updates), *replaced],
                               {u["target_id"] for u in updates})


def _new_values(updates: list[dict]) -> list[dict]:
    """The new values of update parameters (`new_<column>`) as records."""
    return [{k[4:]: v for k, v in update.items() if k.startswith("new_")} for update in updates]


def _differs(current, new) -> bool:
    if current is None or new is None:
        return current is not new
    if isinstance(current, dt.datetime) and not isinstance(new, dt.datetime):
        current = current.date()
    return current != new


def _record(connection: Connection, outcome: Outcome, username: str | None, source: str,
            period: tuple[dt.date, dt.date] | None) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    replaced = f"{period[0]}~{period[1]}" if period else None
    connection.execute(ImportRun.__table__.insert(), {
        "imported_at": now, "username": username, "source": source, "template": outcome.template.key,
        "file_name": outcome.file_name[:200], "file_sha256": outcome.sha256, "rows_read": outcome.rows,
        "rows_inserted": outcome.inserted, "rows_updated": outcome.updated, "rows_deleted": outcome.deleted,
        "replaced_period": replaced})
    connection.execute(AuditEntry.__table__.insert(), {
        "occurred_at": now, "username": username, "event": "导入",
        "detail": (f"{outcome.template.title} {outcome.file_name} sha256={outcome.sha256[:12]} 新增{outcome.inserted} "
                   f"更新{outcome.updated} 删除{outcome.deleted}")[:1000]})
    meta = StoreMeta.__table__
    connection.execute(meta.delete().where(meta.c.meta_key == "last_import_at"))
    connection.execute(meta.insert(), {"meta_key": "last_import_at", "value": now.isoformat(sep=" "),
                                       "updated_at": now})


def _short(error: DBAPIError) -> str:
    return str(error.orig).splitlines()[0][:200] if error.orig is not None else type(error).__name__

