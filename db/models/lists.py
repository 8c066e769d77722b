"""The three lists (三个清单): problems, tasks and their effects, closed out one by one."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, Column, ForeignKey, Text, Uuid
from sqlmodel import Field, SQLModel

from db.models.base import Record, code_field, fk


class Problem(Record, table=True):
    """问题清单: what people raised.

    The reporter's name and phone are personal data: never published, masked for roles that do
    not need them. ``sort_key`` plays the same part as on ``Visit`` (date order, search row id).
    """

    __tablename__ = "problem"

    number: str = Field(max_length=40, unique=True)
    sort_key: int = Field(sa_type=BigInteger, unique=True)
    reported_on: date = Field(index=True)
    source_channel: str = code_field(index=True)  # vocab.SOURCE_CHANNELS
    reporter_type: str = code_field()  # vocab.REPORTER_TYPES
    reporter_name: str = Field(default="", max_length=50)
    reporter_phone: str = Field(default="", max_length=30)
    unit_id: uuid.UUID | None = fk("unit", nullable=True)
    region_id: uuid.UUID | None = fk("region", nullable=True)
    area: str = code_field(index=True)  # vocab.AREAS
    category: str = code_field(index=True)  # vocab.CATEGORIES
    description: str = Field(sa_type=Text)
    strongly_reported: bool = Field(default=False, index=True)  # 群众反映强烈
    collected_by_id: uuid.UUID | None = fk("cadre", nullable=True)
    visit_id: uuid.UUID | None = fk("visit", nullable=True)
    status: str = code_field(index=True, default="open")  # vocab.PROBLEM_STATUSES
    merged_into_id: uuid.UUID | None = fk("problem", nullable=True, index=False)
    closed_on: date | None = None


class Task(Record, table=True):
    """任务清单: what the bureau commits to do for one or more problems."""

    __tablename__ = "task"

    number: str = Field(max_length=40, unique=True)
    title: str = Field(max_length=200)
    measures: str = Field(default="", sa_type=Text)
    responsible_unit_id: uuid.UUID | None = fk("unit", nullable=True)
    responsible_person: str = Field(default="", max_length=50)
    lead_leader_id: uuid.UUID | None = fk("cadre", nullable=True)  # 领办领导
    is_livelihood_project: bool = Field(default=False, index=True)  # 民生实事项目
    resolution_mode: str = code_field()  # vocab.RESOLUTION_MODES
    opened_on: date = Field(index=True)
    deadline: date = Field(index=True)
    status: str = code_field(index=True, default="open")  # vocab.TASK_STATUSES
    progress_pct: int = Field(default=0)
    closed_on: date | None = None
    approved_by: str = Field(default="", max_length=50)  # the named approver of the close-out
    approved_by_user_id: uuid.UUID | None = fk("app_user", nullable=True, index=False)
    # The highest step of the escalation ladder taken ("" none, or vocab.ESCALATION_STAGES
    # chase / supervision / criticism) and since when; the steps themselves are TaskStep rows.
    # Kept on the task so the lists filter by it in SQL. (Due soon / overdue follow from the
    # deadline and are computed, never stored.)
    escalation: str = Field(default="", max_length=32, index=True,
                            sa_column_kwargs={"server_default": ""})
    escalated_on: date | None = None


class TaskProblem(SQLModel, table=True):
    """Which problems a task serves (part of the task; travels with it)."""

    __tablename__ = "task_problem"

    task_id: uuid.UUID = Field(sa_column=Column(Uuid, ForeignKey("task.id"), primary_key=True))
    problem_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("problem.id"), primary_key=True, index=True)
    )


class TaskProgress(Record, table=True):
    """A progress note on a task, with the percentage reached."""

    __tablename__ = "task_progress"

    task_id: uuid.UUID = fk("task")
    noted_on: date
    note: str = Field(sa_type=Text)
    percent: int = Field(default=0)
    author: str = Field(default="", max_length=50)


class TaskStep(Record, table=True):
    """A step in a task's deadline story: an approved extension, a chase notice (催办), the
    start of supervision (督办) with its named supervisor, or listing for public criticism
    (通报) in the monthly study. Written once, never edited; the task carries the latest stage.
    """

    __tablename__ = "task_step"

    task_id: uuid.UUID = fk("task")
    kind: str = code_field(index=True)  # vocab.TASK_STEP_KINDS
    taken_on: date
    by_name: str = Field(max_length=50)  # who approved (extension) or issued / decided it
    by_user_id: uuid.UUID | None = fk("app_user", nullable=True, index=False)
    by_role: str = Field(default="", max_length=32)  # vocab.ROLES of that person, as checked
    reason: str = Field(default="", sa_type=Text)
    old_deadline: date | None = None  # extension: the deadline before
    new_deadline: date | None = None  # extension: the deadline after
    supervisor_id: uuid.UUID | None = fk("cadre", nullable=True, index=False)  # 督办: who
    supervisor_name: str = Field(default="", max_length=50)  # as printed, kept if renamed


class Effect(Record, table=True):
    """效果清单: what came of a task (one effect per task)."""

    __tablename__ = "effect"

    task_id: uuid.UUID = Field(foreign_key="task.id", unique=True)
    completed_on: date
    result: str = Field(sa_type=Text)
    evidence_note: str = Field(default="", max_length=500)


class Evaluation(Record, table=True):
    """回访: the people's evaluation of a task's effect (满意 / 基本满意 / 不满意)."""

    __tablename__ = "evaluation"

    task_id: uuid.UUID = fk("task")
    evaluated_on: date
    respondent: str = Field(default="", max_length=100)  # who was asked (never published)
    respondent_type: str = code_field(default="public")  # vocab.REPORTER_TYPES
    method: str = code_field(default="phone")  # vocab.FOLLOWUP_METHODS
    rating: str = code_field()  # vocab.RATINGS
    asked_count: int = Field(default=1)
    note: str = Field(default="", max_length=500)


class Attachment(Record, table=True):
    """A file copied into the data folder: evidence of an effect, or part of a write-up."""

    __tablename__ = "attachment"

    owner_kind: str = Field(max_length=32, index=True)  # "effect" or "outcome"
    owner_id: uuid.UUID = Field(index=True)
    file_name: str = Field(max_length=255)  # as the user named it
    stored_name: str = Field(max_length=255)  # under the data folder's attachments/
    sha256: str = Field(max_length=64)
    size: int = Field(default=0, sa_type=BigInteger)
    note: str = Field(default="", max_length=200)


class StudySession(Record, table=True):
    """局党组每月专题研究: a monthly study of the three lists, frozen as they stood that day."""

    __tablename__ = "study_session"

    held_on: date = Field(index=True)
    title: str = Field(max_length=200)
    note: str = Field(default="", sa_type=Text)
    snapshot: str = Field(default="", sa_type=Text)  # JSON, written once when the study is made
