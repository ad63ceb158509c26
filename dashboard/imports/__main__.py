"""Command line for imports, for scheduled loads from the platform's exports (same files as the admin page).

    python -m dashboard.imports templates                          list the templates in import order
    python -m dashboard.imports template 党员 -o 党员.xlsx          write one template
    python -m dashboard.imports load 志愿服务记录 服务.csv [--dry-run] [--replace 2018-06-01:2018-06-30]
    python -m dashboard.imports load 行政区划 data/changde_divisions_2016.csv   the official division table
    python -m dashboard.imports init-store                         a new store for real data: schema and counties
    python -m dashboard.imports clear-demo                         empty a demo store for real data
    python -m dashboard.imports history                            the import log

Exit status: 0 imported (or checked, with --dry-run), 1 the file has problems (nothing changed; the report
goes to standard error or --report), 2 the command cannot run (unknown template, a missing file or a folder,
demo store, bad period).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dashboard.db import make_engine, upgrade_store
from dashboard.formatting import terminal_table
from dashboard.imports.divisions import DIVISIONS, import_divisions
from dashboard.imports.history import import_history
from dashboard.imports.load import DemoStoreError, clear_demo, import_file
from dashboard.imports.templates import TEMPLATES, template_named
from dashboard.imports.workbook import report_csv, report_text, template_file_name, template_workbook
from dashboard.new_store import DemoStore, init_store

USER = "命令行"


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """2018-06-01:2018-06-30 as two dates, first not after last."""
    try:
        first, last = (dt.date.fromisoformat(part.strip()) for part in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError("期间应写作 2018-06-01:2018-06-30") from None
    if first > last:
        raise argparse.ArgumentTypeError("期间的开始日期晚于结束日期")
    return first, last


def _file_content(path: Path) -> bytes | None:
    """The bytes of the file to import, or None after saying in Chinese why it cannot be read."""
    if path.is_dir():
        print(f"“{path}”是文件夹,不是文件:请给出要导入的 .xlsx 或 .csv 文件。", file=sys.stderr)
    elif not path.exists():
        print(f"文件“{path}”不存在,请核对路径和文件名。", file=sys.stderr)
    else:
        try:
            return path.read_bytes()
        except OSError as error:
            print(f"无法读取文件“{path}”:{error.strerror or type(error).__name__}。", file=sys.stderr)
    return None


def _named(name: str):
    """A template by key or title; 行政区划 (the official division table) is one too."""
    return DIVISIONS if name in (DIVISIONS.key, DIVISIONS.title) else template_named(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.imports", description="导入真实数据(CSV/Excel)")
    parser.add_argument("--url", help="SQLAlchemy URL of the store (default: the configured store)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("templates", help="list the templates in import order")
    one = commands.add_parser("template", help="write a template as .xlsx")
    one.add_argument("name")
    one.add_argument("-o", "--output", type=Path)
    load = commands.add_parser("load", help="validate a file and import it (all or nothing)")
    load.add_argument("name", help="template key or Chinese title, e.g. service_activity or 志愿服务记录")
    load.add_argument("file", type=Path)
    load.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    load.add_argument("--replace", type=parse_period, metavar="FIRST:LAST",
                      help="first delete this period's rows of the template (service records, disbursements)")
    load.add_argument("--report", type=Path, help="write the problems to this CSV file")
    commands.add_parser("init-store", help="create an empty store for real data with the 15 county-level units")
    commands.add_parser("clear-demo", help="delete the demo data (counties, accounts and settings stay)")
    commands.add_parser("history", help="the import log")
    args = parser.parse_args(argv)

    if args.command == "templates":
        for number, template in enumerate(TEMPLATES, start=1):
            print(f"{number:2d}. {template.key:22s} {template.title}  {template.description}")
        print(f" *  {DIVISIONS.key:22s} {DIVISIONS.title}  {DIVISIONS.description}(可代替 1、2)")
        return 0
    try:
        template = _named(args.name) if args.command in ("template", "load") else None
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 2
    if args.command == "load":
        content = _file_content(args.file)
        if content is None:
            return 2
    if args.command == "template":
        output = args.output or Path(template_file_name(template))
        if output.suffix.lower() != ".xlsx":
            print(f"模板是 Excel 工作簿,请用 .xlsx 作文件扩展名(而不是“{output.suffix or '无扩展名'}”);"
                  "填好后可另存为 CSV 再导入。", file=sys.stderr)
            return 2
        output.write_bytes(template_workbook(template))
        print(output)
        return 0
    engine = make_engine(args.url)
    if args.command == "init-store":
        try:
            added = init_store(engine)
        except DemoStore as error:
            print(error, file=sys.stderr)
            return 2
        print(f"数据库已可导入真实数据:新增县级单位 {added} 个(全市共15个,含6个管理区),未生成演示数据。")
        return 0
    upgrade_store(engine)
    if args.command == "clear-demo":
        clear_demo(engine, USER)
        print("已清空演示数据;县级单位、指标目标、设置和账号保留。")
        return 0
    if args.command == "history":
        print(terminal_table(import_history(engine)))
        return 0
    if args.replace and template.period_field is None:
        print(f"“{template.title}”不能按期间替换。", file=sys.stderr)
        return 2
    try:
        if template is DIVISIONS:
            outcome = import_divisions(engine, args.file.name, content, USER, dry_run=args.dry_run)
        else:
            outcome = import_file(engine, template, args.file.name, content, USER, source="命令行",
                                  replace_period=args.replace, dry_run=args.dry_run)
    except DemoStoreError as error:
        print(f"{error} 请先运行:python -m dashboard.imports clear-demo", file=sys.stderr)
        return 2
    print(outcome.summary(), file=sys.stderr if outcome.problems else sys.stdout)
    if outcome.problems:
        if args.report:
            args.report.write_bytes(report_csv(outcome.problems))
            print(f"问题清单已写入 {args.report}", file=sys.stderr)
        else:
            print(report_text(outcome.problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
