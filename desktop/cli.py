"""The command line: ``main.py`` opens the GUI; subcommands do headless work.

Every subcommand that reads a database takes ``--db PATH`` (default: the file in the per-user
data folder) or ``--db-url URL`` (a PostgreSQL server). Errors a user can act on are printed in
Chinese with a non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.engine import Database
    from desktop.progress import Progress

EXIT_OK = 0
EXIT_ERROR = 1  # the command ran and found a problem (e.g. an unhealthy database)
EXIT_USAGE = 2  # argparse's own code for bad arguments


def _add_db_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    # A subcommand's --db must not reset one given before the subcommand
    # (``main.py --db x.db check``): only the top level has a default.
    default = None if top_level else argparse.SUPPRESS
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", type=Path, metavar="PATH", default=default,
                       help="数据库文件（默认：用户数据文件夹中的 minqing.db）")
    group.add_argument("--db-url", metavar="URL", default=default,
                       help="数据库服务器地址，例如 postgresql+psycopg://user:pass@host/minqing")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="民情台账：党员干部下基层察民情解民忧暖民心实践活动台账。"
                    "不带子命令时打开桌面程序。",
    )
    _add_db_options(parser, top_level=True)
    parser.add_argument("--demo", action="store_true",
                        help="打开演示数据库（首次使用时在数据文件夹中生成，不会触碰正式数据库）")
    parser.add_argument("--lang", default=None, choices=["zh_CN", "en"],
                        help="界面语言（默认：设置中选择的语言，未选择时为 zh_CN 中文）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="生成演示数据库",
                          description="生成一个内容逼真、可重复的随州市教育系统演示数据库。")
    demo.add_argument("out", type=Path, metavar="OUT.db", help="要生成的数据库文件（不能已存在）")
    demo.add_argument("--scale", type=float, default=1.0,
                      help="规模倍数：1 约为 8,000 条走访、2,000 个问题（默认 1）")
    demo.add_argument("--seed", type=int, default=1,
                      help="随机种子，相同种子生成相同数据（默认 1）")
    demo.set_defaults(func=cmd_demo)

    check = sub.add_parser("check", help="检查数据库的完整性和数据结构版本",
                           description="只读检查，不修改数据库。健康时退出码为 0，否则为 1。")
    _add_db_options(check)
    check.set_defaults(func=cmd_check)

    backup = sub.add_parser("backup", help="备份数据库",
                            description="用 SQLite 在线备份接口把数据库复制到指定文件夹。")
    _add_db_options(backup)
    backup.add_argument("--to", type=Path, required=True, metavar="DIR", help="备份到的文件夹")
    backup.add_argument("--keep", type=int, default=30, help="保留的备份份数（默认 30）")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="从备份恢复数据库",
                             description="先检查备份文件是否完好，再把当前数据库另存一份，然后恢复。")
    _add_db_options(restore)
    restore.add_argument("file", type=Path, metavar="FILE", help="备份文件（.db）")
    restore.set_defaults(func=cmd_restore)

    copy = sub.add_parser(
        "copy-to-server", help="把本机数据库文件整体复制到数据库服务器（服务器上须为空库）",
        description="把 --db 指定的本机数据库（默认：用户数据文件夹中的 minqing.db）的全部记录、"
                    "审计日志和编号原样复制到 --to-url 指定的 PostgreSQL 数据库，一次完成；"
                    "出错时服务器上不留任何数据。本机文件只被读取（较旧版本的文件按惯例先备份、"
                    "再升级数据结构）。服务器上的数据库必须是空的。")
    copy.add_argument("--db", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                      help="要复制的数据库文件（默认：用户数据文件夹中的 minqing.db）")
    copy.add_argument("--to-url", required=True, metavar="URL",
                      help="服务器上的空数据库，例如 postgresql+psycopg://user:pass@host/minqing")
    copy.set_defaults(func=cmd_copy_to_server)

    publish = sub.add_parser(
        "publish", help="导出供门户网站公布的三个清单（个人信息已屏蔽）",
        description="把问题、任务、效果三个清单导出为 HTML 网页、Excel 或 PDF。反映人姓名和电话、"
                    "回访对象、关爱帮扶记录一律不导出；文字中的手机号、身份证号、学号、电子邮箱和"
                    "姓名都会被屏蔽。")
    _add_db_options(publish)
    publish.add_argument("--out", type=Path, required=True, metavar="FILE.html|.xlsx|.pdf")
    publish.set_defaults(func=cmd_publish)

    _add_exchange_parser(sub)
    _add_excel_parser(sub)
    _add_report_parser(sub)

    selftest = sub.add_parser(
        "selftest", help="自检：检查本机安装的程序能否正常工作",
        description="在临时文件夹中生成演示数据库，在后台绘制主窗口，生成一份报表 PDF 和一张图表，"
                    "再读回检查。全部通过时退出码为 0。不会触碰正式数据。")
    selftest.add_argument("--keep", type=Path, metavar="DIR",
                          help="把自检生成的文件写到这个文件夹并保留（默认用临时文件夹，通过后删除）")
    selftest.set_defaults(func=cmd_selftest)
    return parser


class _ReportHelp(argparse.Action):
    """-h for ``report``: lists the kinds with their titles. The catalog is read only here, so
    that building the parser (on every start, the GUI's too) does not import the reports."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kw: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="显示帮助（含全部报告种类）并退出")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        parser.epilog = _report_kinds_text()
        parser.print_help()
        parser.exit()


REPORT_OPTIONS = {"month": "--month", "region": "--region", "study_id": "--study",
                  "task_id": "--task", "branch_id": "--branch", "phase": "--phase"}


def _report_kinds_text() -> str:
    from desktop.reports.catalog import REPORTS

    lines = ["报告种类（KIND）："]
    for kind in REPORTS.values():
        used = " ".join(REPORT_OPTIONS[p] for p in kind.params)
        lines.append(f"  {kind.key:<15}{kind.title}" + (f"（可用 {used}）" if used else ""))
    lines.append("每种报告只给 --out 即可生成：默认为最近的月份、最近一次专题研究、全部逾期任务、"
                 "全部党支部、当前阶段。")
    return "\n".join(lines)


def _add_report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report", help="生成正式报告（PDF，按 GB/T 9704 公文格式）", add_help=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="从数据库生成一份正式报告（PDF）。出错时不写出任何文件。")
    report.add_argument("-h", "--help", action=_ReportHelp)
    report.add_argument("kind", metavar="KIND", help="报告种类（见下）")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                        help="要写出的 PDF 文件（已存在时覆盖）")
    _add_db_options(report)
    report.add_argument("--month", metavar="YYYY-MM", help="月份，例如 2022-11（默认：最近的月份）")
    report.add_argument("--region", metavar="名称", help="区域名称，例如 曾都区（默认：全部）")
    report.add_argument("--study", metavar="编号或日期",
                        help="局党组专题研究的编号或日期（默认：最近一次）")
    report.add_argument("--task", metavar="任务编号", help="催办的任务编号（默认：全部逾期任务）")
    report.add_argument("--branch", metavar="党支部", help="党支部名称或编号（默认：全部党支部）")
    report.add_argument("--phase", metavar="阶段",
                        help="活动阶段代码或名称，例如 deepening 或 持续深化（默认：当前阶段）")
    report.set_defaults(func=cmd_report)


EXCEL_KINDS = ["units", "cadres", "assignments", "visits", "problems"]


def _add_excel_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    excel = sub.add_parser(
        "excel", help="Excel 模板、导入和导出",
        description="种类（KIND）：units 单位、cadres 干部、assignments 联系点、visits 走访、"
                    "problems 问题。可导入 .xlsx、.xls 和 .ods。")
    ex = excel.add_subparsers(dest="excel_command", metavar="ACTION", required=True)

    template = ex.add_parser("template", help="生成带下拉选项和填写说明的导入模板")
    _add_db_options(template)
    template.add_argument("kind", choices=EXCEL_KINDS, metavar="KIND")
    template.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    template.add_argument("--names", action="store_true",
                          help="把数据库中的区域、单位、干部名称做成下拉选项")
    template.set_defaults(func=cmd_excel_template)

    imp = ex.add_parser("import", help="导入 Excel 表格（默认只检查，加 --apply 才写入）")
    _add_db_options(imp)
    imp.add_argument("kind", choices=EXCEL_KINDS, metavar="KIND")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--apply", action="store_true", help="检查无误后写入数据库（一次性全部写入）")
    imp.set_defaults(func=cmd_excel_import)

    export = ex.add_parser("export", help="导出为 Excel 表格（可再导入）")
    _add_db_options(export)
    export.add_argument("kind", choices=EXCEL_KINDS, metavar="KIND")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    export.add_argument("--no-personal", action="store_true",
                        help="不导出反映人姓名和电话等个人信息")
    export.set_defaults(func=cmd_excel_export)


def _add_exchange_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exchange = sub.add_parser(
        "exchange", help="与学校、县（市、区）教育局、市教育局离线交换数据",
        description="用文件（U 盘、电子邮件附件）在站点之间交换数据。先互相配对（交换身份文件），"
                    "再导出、导入交换包。")
    ex = exchange.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        parser = ex.add_parser(name, help=help_, description=help_)
        _add_db_options(parser)
        parser.add_argument("--key-dir", type=Path, metavar="DIR",
                            help="本站密钥所在文件夹（默认：数据文件夹中的 keys）")
        return parser

    identity = action("identity", "导出本站的身份文件（交给对方配对），并显示指纹")
    identity.add_argument("--out", type=Path, metavar="FILE", help="身份文件保存位置")
    identity.set_defaults(func=cmd_exchange_identity)

    pair = action("pair", "信任对方站点：导入对方的身份文件")
    pair.add_argument("file", type=Path, metavar="FILE", help="对方的身份文件")
    pair.add_argument("--fingerprint", metavar="XXXX…",
                      help="对方电话告知的指纹；给出时必须一致才配对")
    pair.add_argument("--replace-key", action="store_true", help="对方更换了密钥时使用")
    pair.set_defaults(func=cmd_exchange_pair)

    export = action("export", "为某个已配对站点导出交换包")
    export.add_argument("--to", required=True, metavar="CODE", help="接收方站点代码")
    export.add_argument("--out", type=Path, default=Path("."), metavar="DIR",
                        help="交换包保存到的文件夹（默认：当前文件夹）")
    export.add_argument("--full", action="store_true", help="导出全部记录，而不只是上次以来的变化")
    export.add_argument("--include-care", action="store_true",
                        help="包含关爱帮扶记录（敏感数据，默认不包含）")
    export.set_defaults(func=cmd_exchange_export)

    imp = action("import", "导入交换包（先校验签名和完整性）")
    imp.add_argument("file", type=Path, metavar="FILE", help="交换包（.mqpkg）")
    imp.add_argument("--preview", action="store_true",
                     help="只预览将新增、更新和冲突的记录，不写入")
    imp.set_defaults(func=cmd_exchange_import)

    peers = action("peers", "列出已配对的站点")
    peers.set_defaults(func=cmd_exchange_peers)


def _db_target(args: argparse.Namespace) -> tuple[Path | None, str | None]:
    from db.paths import default_db_path

    if getattr(args, "db_url", None):
        return None, args.db_url
    return (args.db or default_db_path()), None


def _print_error(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)


def cmd_demo(args: argparse.Namespace) -> int:
    from db.demo import generate

    out: Path = args.out
    if out.exists():
        _print_error(f"文件 {out} 已存在，未做任何修改。请换一个文件名，或先删除该文件。")
        return EXIT_ERROR
    if args.scale <= 0 or args.scale > 1000:
        _print_error("--scale 必须大于 0 且不超过 1000。")
        return EXIT_USAGE

    counts = generate(out, scale=args.scale, seed=args.seed, progress=_cli_progress())
    print(f"已生成演示数据库：{out}（用时 {counts.seconds:.1f} 秒）")
    for key, label in DEMO_COUNT_LABELS.items():
        print(f"  {label}：{getattr(counts, key):,}")
    return EXIT_OK


DEMO_COUNT_LABELS = {
    "units": "单位", "party_branches": "党支部", "cadres": "干部", "assignments": "联系点",
    "branch_pairings": "结对共建", "users": "用户", "visits": "走访", "problems": "问题",
    "tasks": "任务", "task_progress": "进展记录", "effects": "效果", "evaluations": "回访评价",
    "care_records": "关爱对象", "care_entries": "帮扶记录", "outcomes": "五个一批材料",
}


def cmd_check(args: argparse.Namespace) -> int:
    from db.health import check_database

    path, url = _db_target(args)
    report = check_database(path=path, url=url)
    for line in report.lines:
        print(line)
    print("结论：数据库健康。" if report.healthy else "结论：发现问题，见上。", file=sys.stdout)
    return EXIT_OK if report.healthy else EXIT_ERROR


def cmd_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_sqlite
    from db.engine import probe_sqlite_file

    path, url = _db_target(args)
    if url is not None or path is None:
        _print_error("服务器数据库请用 PostgreSQL 自带的 pg_dump 备份；本命令备份本机数据库文件。")
        return EXIT_USAGE
    state = probe_sqlite_file(path)
    if not state.exists:
        _print_error(f"数据库文件 {path} 不存在，未做备份。请用 --db 指定数据库文件。")
        return EXIT_ERROR
    dest = backup_sqlite(path, args.to, reason="manual", keep=args.keep)
    print(f"已备份到：{dest}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from db.backup import restore_sqlite
    from db.paths import backup_dir

    path, url = _db_target(args)
    if url is not None or path is None:
        _print_error("服务器数据库请用 PostgreSQL 自带的 pg_restore 恢复；"
                     "本命令恢复本机数据库文件。")
        return EXIT_USAGE
    if not args.file.is_file():
        _print_error(f"备份文件 {args.file} 不存在，未做任何恢复。")
        return EXIT_ERROR
    kept = restore_sqlite(args.file.resolve(), path.resolve(), backup_dir())
    print(f"已从 {args.file} 恢复数据库 {path}。")
    if kept is not None:
        print(f"恢复前的数据库已另存为：{kept}")
    return EXIT_OK


def cmd_copy_to_server(args: argparse.Namespace) -> int:
    from db.transfer import copy_to_server

    path, url = _db_target(args)
    if url is not None or path is None:
        _print_error("--db-url 是服务器地址；请用 --db 指定要复制的本机数据库文件，"
                     "用 --to-url 指定服务器上的空数据库。")
        return EXIT_USAGE
    report = copy_to_server(path, args.to_url, progress=_print_progress)
    print(f"已把 {path} 的 {report.total:,} 行数据复制到服务器，审计日志校验通过。")
    print("请在各台电脑的“设置 → 数据库”中填写服务器地址；本机文件未作修改，可作为备份保留。")
    return EXIT_OK


def _open_existing(args: argparse.Namespace) -> Database:
    """Open the database a command works on; a missing file is refused, not created."""
    from db.engine import open_database

    path, url = _db_target(args)
    if url is not None:
        return open_database(url=url)
    assert path is not None
    return open_database(path, create=False)


def _print_progress(text: str, fraction: float | None) -> None:
    shown = "  … " if fraction is None else f"{fraction:4.0%}"
    print(f"[{shown}] {text}", file=sys.stderr)


def _cli_progress() -> Progress:
    from desktop.progress import Progress

    return Progress(listener=_print_progress)


def cmd_exchange_identity(args: argparse.Namespace) -> int:
    from db.exchange import export_identity, read_identity

    database = _open_existing(args)
    try:
        data = export_identity(database, key_dir=args.key_dir)
    finally:
        database.dispose()
    identity = read_identity(data)
    out: Path = args.out or Path(f"{identity.code}.mqid")
    out.write_bytes(data)
    print(f"已导出本站身份文件：{out}")
    print(f"站点：{identity.code} {identity.name}")
    print(f"指纹：{identity.fingerprint}（请对方核对）")
    return EXIT_OK


def cmd_exchange_pair(args: argparse.Namespace) -> int:
    from db.exchange import pair

    database = _open_existing(args)
    try:
        peer = pair(database, args.file, expected_fingerprint=args.fingerprint,
                    replace_key=args.replace_key)
    finally:
        database.dispose()
    print(f"已与站点 {peer.code} {peer.name} 配对。指纹：{peer.fingerprint}")
    return EXIT_OK


def cmd_exchange_export(args: argparse.Namespace) -> int:
    from db.exchange import export_package

    database = _open_existing(args)
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        result = export_package(database, args.to, args.out, full=args.full,
                                include_care=args.include_care, key_dir=args.key_dir,
                                progress=_cli_progress())
    finally:
        database.dispose()
    total = sum(result.counts.values())
    print(f"已导出交换包：{result.path}（共 {total:,} 条记录）")
    return EXIT_OK


def cmd_exchange_import(args: argparse.Namespace) -> int:
    from db.exchange import import_package, preview_import

    database = _open_existing(args)
    try:
        run = preview_import if args.preview else import_package
        report = run(database, args.file, progress=_cli_progress())
    finally:
        database.dispose()
    print(report.summary())
    return EXIT_OK


def cmd_exchange_peers(args: argparse.Namespace) -> int:
    from db.exchange import list_peers

    database = _open_existing(args)
    try:
        peers = list_peers(database)
    finally:
        database.dispose()
    if not peers:
        print("尚未与任何站点配对。用 exchange pair 导入对方的身份文件。")
    for peer in peers:
        last = peer.last_sent_at or "从未"
        print(f"{peer.code}\t{peer.name}\t指纹 {peer.fingerprint}\t上次发送：{last}")
    return EXIT_OK


def cmd_excel_template(args: argparse.Namespace) -> int:
    from db.excel import write_template

    if args.names:
        database = _open_existing(args)
        try:
            with database.session() as session:
                write_template(args.kind, args.out, session)
        finally:
            database.dispose()
    else:
        write_template(args.kind, args.out)
    print(f"已生成模板：{args.out}")
    return EXIT_OK


def cmd_excel_import(args: argparse.Namespace) -> int:
    from db.audit import SYSTEM
    from db.excel import apply_import, plan_import

    if not args.file.is_file():
        _print_error(f"文件 {args.file} 不存在。请检查路径。")
        return EXIT_ERROR
    database = _open_existing(args)
    try:
        plan = plan_import(database, args.kind, args.file, progress=_cli_progress())
        print(plan.summary())
        for issue in plan.errors:
            print(f"  {issue}")
        if plan.errors:
            print("未写入任何数据。请按上面的提示改正表格后重新导入。")
            return EXIT_ERROR
        if not args.apply:
            print("这是检查（试导入），未写入任何数据。确认无误后加 --apply 导入。")
            return EXIT_OK
        result = apply_import(database, SYSTEM, plan, progress=_cli_progress())
    finally:
        database.dispose()
    print(result.summary())
    return EXIT_OK


def cmd_excel_export(args: argparse.Namespace) -> int:
    from db.excel import export_kind

    database = _open_existing(args)
    try:
        with database.session() as session:
            count = export_kind(session, args.kind, args.out, personal=not args.no_personal)
    finally:
        database.dispose()
    print(f"已导出 {count:,} 行到 {args.out}")
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from db.disclosure import publish

    database = _open_existing(args)
    try:
        summary = publish(database, args.out)
    finally:
        database.dispose()
    print(summary.message())
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    from desktop.selftest import selftest

    return selftest(keep=args.keep, lang=args.lang or "zh_CN")


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.reports.catalog import REPORTS, ReportParams, build_report

    kind = REPORTS.get(args.kind)
    if kind is None:
        _print_error(f"没有“{args.kind}”这种报告。可用的报告种类：{'、'.join(REPORTS)}。"
                     "用 main.py report --help 查看说明。")
        return EXIT_USAGE
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        _print_error(f"--out 应为 .pdf 文件，而不是“{out.name}”。")
        return EXIT_USAGE
    if not out.parent.is_dir():
        _print_error(f"文件夹 {out.parent} 不存在，未生成报告。请先建立该文件夹或换一个位置。")
        return EXIT_ERROR
    params = ReportParams(month=args.month, region=args.region, study_id=args.study,
                          task_id=args.task, branch_id=args.branch, phase=args.phase)
    for field, option in REPORT_OPTIONS.items():
        if getattr(params, field) is not None and field not in kind.params:
            print(f"提示：{kind.title}不使用 {option}，已忽略。", file=sys.stderr)
    database = _open_existing(args)
    try:
        build_report(database, kind.key, out, params, _cli_progress())
    finally:
        database.dispose()
    print(f"已生成{kind.title}：{out}")
    return EXIT_OK


def run_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run_gui as start

    if args.demo:
        if args.db or args.db_url:
            _print_error("--demo 不能与 --db 或 --db-url 同时使用。")
            return EXIT_USAGE
        return start(db_path=ensure_demo_database(), lang=args.lang, demo=True)
    # Nothing named: the database chosen in the settings, or the first-run wizard (app.py).
    return start(db_path=args.db, db_url=args.db_url or None, lang=args.lang)


def ensure_demo_database() -> Path:
    """The demo database in the data folder, generated on first use (never the real one)."""
    from db.paths import demo_db_path

    path = demo_db_path()
    if not path.exists():
        from db.demo import generate

        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.db")
        partial.unlink(missing_ok=True)
        print("正在生成演示数据库……", file=sys.stderr)
        generate(partial, scale=1, seed=1)
        partial.replace(path)  # only a complete demo database ever gets the real name
    return path


def main(argv: Sequence[str] | None = None) -> int:
    from db.errors import AppError

    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", run_gui)
    try:
        return func(args)
    except AppError as exc:
        _print_error(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        _print_error("已中断。")
        return EXIT_ERROR
