"""The write side: the operations a user performs (record a visit, open a task, close out...).

Each service takes ``(db, actor, input)``, runs one transaction, validates every field first
(ValidationError with one FieldError per bad field), checks the actor's permission
(``permissions.require``), writes the rows with one audit entry per changed record, and returns
what it saved. Nothing is written when it raises.
"""

from db.services.closeout import close_out, reopen
from db.services.org import (
    BranchInput,
    PairingInput,
    SavedPairing,
    UnitInput,
    create_branch,
    create_pairing,
    create_unit,
    pairing_mode,
    update_branch,
    update_unit,
)
from db.services.people import (
    AssignmentInput,
    CadreInput,
    add_assignment,
    change_assignment,
    create_cadre,
    end_assignment,
    name_initials,
    update_cadre,
)
from db.services.permissions import allowed, require
from db.services.problems import (
    ProblemInput,
    create_problem,
    delete_problem,
    mark_strongly_reported,
    merge_problem,
    update_problem,
)
from db.services.tasks import (
    EffectInput,
    EvaluationInput,
    ProgressInput,
    TaskChanges,
    TaskInput,
    add_progress,
    open_task,
    record_effect,
    record_evaluation,
    update_task,
)
from db.services.visits import (
    FindingInput,
    SavedVisit,
    VisitInput,
    delete_visit,
    record_visit,
    update_visit,
)

__all__ = [
    "AssignmentInput", "BranchInput", "CadreInput", "EffectInput", "EvaluationInput",
    "FindingInput", "PairingInput", "ProblemInput", "ProgressInput", "SavedPairing",
    "SavedVisit", "TaskChanges", "TaskInput", "UnitInput", "VisitInput", "add_assignment",
    "add_progress", "allowed", "change_assignment", "close_out", "create_branch",
    "create_cadre", "create_pairing", "create_problem", "create_unit", "delete_problem",
    "delete_visit",
    "end_assignment", "mark_strongly_reported", "merge_problem", "name_initials", "open_task",
    "pairing_mode", "record_effect", "record_evaluation", "record_visit", "reopen", "require",
    "update_branch", "update_cadre", "update_problem", "update_task", "update_unit",
    "update_visit",
]
