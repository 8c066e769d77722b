"""SQLModel tables, one module per area. Importing this package registers them all."""

from db.models.audit import AuditEntry, NumberSequence
from db.models.base import Record, UTCDateTime, utcnow
from db.models.campaign import Campaign, Phase, Setting
from db.models.care import CareEntry, CareRecord
from db.models.lists import (
    Attachment,
    Effect,
    Evaluation,
    Problem,
    StudySession,
    Task,
    TaskProblem,
    TaskProgress,
    TaskStep,
)
from db.models.org import BranchPairing, BranchPairingMember, PartyBranch, Region, Site, Unit
from db.models.outcomes import Outcome
from db.models.people import Assignment, Cadre, User
from db.models.visits import Visit, VisitActivity, VisitCadre

__all__ = [
    "Assignment", "Attachment", "AuditEntry", "BranchPairing", "BranchPairingMember", "Cadre",
    "Campaign", "CareEntry", "CareRecord", "Effect", "Evaluation", "NumberSequence", "Outcome",
    "PartyBranch", "Phase", "Problem", "Record", "Region", "Setting", "Site", "StudySession",
    "Task", "TaskProblem", "TaskProgress", "TaskStep", "UTCDateTime", "Unit", "User", "Visit",
    "VisitActivity", "VisitCadre", "utcnow",
]
