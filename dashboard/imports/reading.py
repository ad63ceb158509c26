"""Reading an uploaded file into a header and rows of raw cells, or saying in Chinese why it cannot be read.

Accepted: .xlsx (the first sheet), and .csv in UTF-8 (with or without BOM) or GB18030/GBK. Formula cells and
merged header cells are refused, as is a file larger than the configured limit. Blank rows are skipped;
row numbers are the ones a person sees in Excel (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

DEFAULT_MAX_MEGABYTES = 30


def max_megabytes() -> float:
    """The largest file accepted, in MB: DANGJIAN_IMPORT_MAX_MB or 30."""
    try:
        return float(os.environ.get("DANGJIAN_IMPORT_MAX_MB", DEFAULT_MAX_MEGABYTES))
    except ValueError:
        return DEFAULT_MAX_MEGABYTES


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file; row and column are None when it concerns the whole file or a column."""

    file: str
    row: int | None
    column: str | None
    message: str


@dataclass
class Sheet:
    """A file as read: header cells, then data rows with their Excel row numbers."""

    file: str
    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)
    is_csv: bool = False


class Unreadable(ValueError):
    """The file cannot be read at all; `problems` say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].message)
        self.problems = problems


def read_sheet(file_name: str, content: bytes) -> Sheet:
    """The file's first sheet, or Unreadable with the reasons."""
    limit = max_megabytes()
    if len(content) > limit * 1024 * 1024:
        size = len(content) / 1024 / 1024
        _fail(file_name, f"文件大小 {size:.1f} MB 超过上限 {limit:g} MB,请按月份或区县拆分后分批导入")
    if not content.strip():
        _fail(file_name, "文件是空的")
    suffix = file_name.lower().rsplit(".", 1)[-1] if "." in file_name else ""
    if suffix == "xlsx" or content[:4] == b"PK\x03\x04":
        sheet = _read_xlsx(file_name, content)
    elif suffix in ("csv", "txt", ""):
        sheet = _read_csv(file_name, content)
    else:
        _fail(file_name, f"不支持 .{suffix} 文件,请另存为 .xlsx 或 .csv(UTF-8 或 GBK 编码)")
    if not any(sheet.headers):
        _fail(file_name, "第1行没有表头,请使用导入模板(第1行为列名)")
    if not sheet.rows:
        _fail(file_name, "只有表头,没有数据行")
    return sheet


def _fail(file_name: str, message: str, row: int | None = None, column: str | None = None):
    raise Unreadable([Problem(file_name, row, column, message)])


def _decode(file_name: str, content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in content[:4096]:
        _fail(file_name, "文件是 UTF-16 等编码,请另存为“CSV UTF-8(逗号分隔)”或 GBK 编码的 CSV")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError:
        _fail(file_name, "文件编码无法识别:不是 UTF-8,也不是 GB18030/GBK,请在 Excel 中另存为“CSV UTF-8(逗号分隔)”")


def _read_csv(file_name: str, content: bytes) -> Sheet:
    text = _decode(file_name, content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        headers = [cell.strip() for cell in next(reader, [])]
        rows = [(number, cells) for number, cells in enumerate(reader, start=2) if any(c.strip() for c in cells)]
    except csv.Error as error:
        _fail(file_name, f"CSV 格式有误:{error}")
    return Sheet(file_name, headers, rows, is_csv=True)


def _read_xlsx(file_name: str, content: bytes) -> Sheet:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        _fail(file_name, f"不是有效的 Excel(.xlsx)文件:{type(error).__name__}")
    try:
        worksheet = workbook.worksheets[0]
        _refuse_merged_header(file_name, content, getattr(worksheet, "_worksheet_path", None))
        lines = worksheet.iter_rows()
        header_cells = next(lines, ())
        headers = ["" if c.value is None else str(c.value).strip() for c in header_cells]
        rows, formulas = [], []
        for number, cells in enumerate(lines, start=2):
            values = []
            for index, cell in enumerate(cells):
                if getattr(cell, "data_type", None) == "f":
                    column = headers[index] if index < len(headers) else get_column_letter(index + 1)
                    formulas.append(Problem(file_name, number, column, f"单元格 {get_column_letter(index + 1)}{number} "
                                                                       "是公式,请复制后“粘贴为数值”再导入"))
                values.append(cell.value)
            if any(v is not None and str(v).strip() for v in values):
                rows.append((number, values))
    finally:
        workbook.close()
    if formulas:
        raise Unreadable(formulas)
    return Sheet(file_name, headers, rows)


def _refuse_merged_header(file_name: str, content: bytes, sheet_path: str | None) -> None:
    """Merged cells in the header row make columns ambiguous: refuse them, naming the range."""
    if not sheet_path:
        return
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read(sheet_path.lstrip("/")).decode("utf-8", "replace")
    for reference in re.findall(r'<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"', xml):
        _min_col, min_row, _max_col, _max_row = range_boundaries(reference)
        if min_row == 1:
            _fail(file_name, f"表头有合并单元格 {reference},请取消合并,每列一个列名")
