"""Excel import and export: templates, reading clerks' own sheets, planning and applying
imports (the services' rules, in bulk), and exports that re-import as no-ops.

    write_template(kind, path, session=None)
    read_rows(path, kind) -> ReadResult
    plan_import(db_or_session, kind, path) -> ImportPlan      (writes nothing)
    apply_import(db, actor, plan) -> ImportResult             (one transaction)
    export_rows(path, columns, rows) -> int
    export_kind(session, kind, path, filters=None) -> int

Kinds: units, cadres, assignments, visits, problems (``columns.KINDS``).
"""

from db.excel.apply import ImportResult, apply_import
from db.excel.columns import KINDS, Column, KindSpec, spec_for
from db.excel.export import ExportColumn, export_kind, export_rows
from db.excel.issues import ImportIssue, ImportRefused
from db.excel.plan import ImportPlan, PlannedChange, PlannedRow, SkippedRow, plan_import
from db.excel.reader import ReadResult, SheetRow, SheetRows, read_rows, read_workbook
from db.excel.template import write_template

__all__ = [
    "KINDS", "Column", "ExportColumn", "ImportIssue", "ImportPlan", "ImportRefused",
    "ImportResult", "KindSpec", "PlannedChange", "PlannedRow", "ReadResult", "SheetRow",
    "SheetRows", "SkippedRow", "apply_import", "export_kind", "export_rows", "plan_import",
    "read_rows", "read_workbook", "spec_for", "write_template",
]
