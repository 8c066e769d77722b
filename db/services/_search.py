"""Keeping the contentless FTS5 index in step with visits and problems.

The index stores tokens, not text, so a document can only be removed with the exact text it was
indexed with. Every service that changes indexed text therefore captures the old document and
row id *before* touching the record, and swaps them for the new ones after the change.

The documents follow the contract in ``db.search`` that the demo generator follows too:
a problem is ``problem_document(number, description)``; a visit is
``visit_document(content, talked_with, findings, [descriptions of its problems])`` with the
visit's live (not deleted) problems in ``sort_key`` order.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlmodel import Session

from db.models import Problem, Visit
from db.search import index_document, problem_document, unindex_document, visit_document


def visit_problem_texts(s: Session, visit_id: uuid.UUID) -> list[str]:
    return list(s.execute(
        select(Problem.description)
        .where(Problem.visit_id == visit_id, Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.sort_key)  # type: ignore[arg-type]
    ).scalars())


def visit_doc(s: Session, visit: Visit) -> str:
    return visit_document(visit.content, visit.talked_with, visit.findings,
                          visit_problem_texts(s, visit.id))


def problem_doc(problem: Problem) -> str:
    return problem_document(problem.number, problem.description)


def index_visit(s: Session, visit: Visit) -> None:
    s.flush()
    index_document(s.connection(), "visit_fts", visit.sort_key, visit_doc(s, visit))


def index_problem(s: Session, problem: Problem) -> None:
    index_document(s.connection(), "problem_fts", problem.sort_key, problem_doc(problem))


class Reindex:
    """Capture a record's indexed document now; ``done()`` replaces it with the current one
    (or just removes it when the record has been deleted).

    Create it before changing anything: capturing runs a query, and a query flushes pending
    changes, which would make the "old" document the new one.
    """

    def __init__(self, s: Session, record: Visit | Problem) -> None:
        self.s = s
        self.record = record
        self.table = "visit_fts" if isinstance(record, Visit) else "problem_fts"
        self.old_key = record.sort_key
        self.old_doc = self._document()

    def _document(self) -> str:
        if isinstance(self.record, Visit):
            return visit_doc(self.s, self.record)
        return problem_doc(self.record)

    def done(self) -> None:
        self.s.flush()
        conn = self.s.connection()
        new_doc = None if self.record.deleted_at is not None else self._document()
        if new_doc == self.old_doc and self.record.sort_key == self.old_key:
            return
        unindex_document(conn, self.table, self.old_key, self.old_doc)
        if new_doc is not None:
            index_document(conn, self.table, self.record.sort_key, new_doc)
