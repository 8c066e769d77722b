"""The campaign's fixed vocabularies, in one place.

Every enumeration is stored in the database as a stable English code; the Chinese label (the
default language of the application) and the English label live here and nowhere else. Forms,
tables, charts, reports, Excel templates and the importers all read labels from this module.

The codes are part of the stored data and of exchange packages: never rename one. A bureau may
extend some vocabularies (areas, categories, source channels) through the settings; those
additions are stored as data and merged with these defaults at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class Vocabulary:
    """An ordered set of terms with lookup by code and by label."""

    def __init__(self, name: str, zh: str, en: str, terms: list[Term]) -> None:
        self.name = name
        self.zh = zh
        self.en = en
        self.terms = tuple(terms)
        self._by_code = {t.code: t for t in self.terms}
        if len(self._by_code) != len(self.terms):
            raise ValueError(f"duplicate code in vocabulary {name}")

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> list[str]:
        return [t.code for t in self.terms]

    def label(self, code: str | None, lang: str = "zh") -> str:
        """The label of a code; an unknown code is shown as itself rather than hidden."""
        if code is None:
            return ""
        term = self._by_code.get(code)
        return term.label(lang) if term else code

    def labels(self, lang: str = "zh") -> list[str]:
        return [t.label(lang) for t in self.terms]

    def code_for(self, text: str) -> str | None:
        """The code whose code, Chinese or English label equals *text* (trimmed), else None."""
        text = text.strip()
        for t in self.terms:
            if text in (t.code, t.zh, t.en) or text.lower() == t.en.lower():
                return t.code
        return None


def _v(name: str, zh: str, en: str, *terms: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, zh, en, [Term(*t) for t in terms])


SITE_LEVELS = _v(
    "site_level", "站点级别", "Site level",
    ("school", "学校", "School"),
    ("county", "县（市、区）教育局", "County bureau"),
    ("city", "市教育局", "City bureau"),
)

UNIT_KINDS = _v(
    "unit_kind", "单位类型", "Unit type",
    ("bureau_section", "机关科室", "Bureau section"),
    ("direct_unit", "直属单位", "Directly affiliated unit"),
    ("county_bureau", "县（市、区）教育局", "County education bureau"),
    ("school", "中小学校", "Primary or secondary school"),
    ("kindergarten", "幼儿园", "Kindergarten"),
    ("community", "社区/小区党支部", "Community party branch"),
    ("village", "乡村振兴村", "Rural revitalisation village"),
    ("enterprise", "企业", "Enterprise"),
)

# Units where a visit counts as "深入1所学校".
SCHOOL_UNIT_KINDS = frozenset({"school", "kindergarten"})

TIERS = _v(
    "tier", "人员层级", "Tier",
    ("bureau_leader", "局领导班子成员", "Bureau leadership member"),
    ("unit_leader", "二级单位领导班子成员", "Affiliated-unit leadership member"),
    ("branch_secretary", "党组织书记", "Party branch secretary"),
    ("cadre", "党员干部", "Party cadre"),
)

# 班子成员: the tiers that must personally lead at least one 民生实事项目.
LEADERSHIP_TIERS = frozenset({"bureau_leader", "unit_leader"})

ASSIGNMENT_KINDS = _v(
    "assignment_kind", "联系类型", "Assignment type",
    ("contact_point", "基层联系点", "Grassroots contact point"),
    ("community", "双报到社区", "Registered community"),
    ("village", "帮扶乡村振兴村", "Rural revitalisation village"),
    ("weak_school", "结对薄弱学校", "Paired weak school"),
    ("hardship_group", "结对困难师生群体", "Paired group in hardship"),
    ("enterprise", "联系企业", "Enterprise served"),
)

METHODS = _v(
    "method", "走访方式", "Method",
    ("field_visit", "实地走访", "Field visit"),
    ("sit_in", "蹲点体验", "Sit-in stay"),
    ("heart_talk", "交流谈心", "Heart-to-heart talk"),
    ("forum", "调研座谈", "Research forum"),
    ("inspection", "明察暗访", "Open or unannounced inspection"),
)

ACTIVITIES = _v(
    "activity", "活动内容", "Activity",
    ("class_visit", "走进班级（支部）", "Visit a class (branch)"),
    ("classroom", "体验课堂教学", "Attend classroom teaching"),
    ("canteen", "暗访食堂餐饮", "Inspect the canteen unannounced"),
    ("dormitory", "走访学生宿舍", "Visit a student dormitory"),
    ("family", "访谈师生家庭", "Interview a student's or teacher's family"),
    ("campus_event", "参加校园活动", "Join a campus activity"),
)

NINE_ONES = _v(
    "nine_ones", "九个一", "The nine ones",
    ("community", "下沉1个社区", "Registered in one community"),
    ("village", "帮扶1个乡村振兴村", "Helps one village"),
    ("school", "深入1所学校", "Went into one school"),
    ("class_visit", "走进1个班级（支部）", "Visited one class"),
    ("classroom", "体验1次课堂教学", "Attended one lesson"),
    ("canteen", "暗访1次食堂餐饮", "Inspected one canteen"),
    ("dormitory", "走访1间学生宿舍", "Visited one dormitory"),
    ("family", "访谈1户师生家庭", "Interviewed one family"),
    ("campus_event", "参加1次校园活动", "Joined one campus activity"),
)

SOURCE_CHANNELS = _v(
    "source_channel", "来源渠道", "Source channel",
    ("visit", "走访", "Visit"),
    ("forum", "座谈", "Forum"),
    ("heart_talk", "交流谈心", "Heart-to-heart talk"),
    ("inspection", "明察暗访", "Inspection"),
    ("petition", "信访上访", "Petition"),
    ("online", "线上", "Online"),
    ("offline", "线下", "Offline"),
    ("referral", "转办转交", "Referred"),
)

# The channel a finding recorded in a visit gets, by the visit's method.
CHANNEL_FOR_METHOD = {
    "field_visit": "visit",
    "sit_in": "visit",
    "heart_talk": "heart_talk",
    "forum": "forum",
    "inspection": "inspection",
}

REPORTER_TYPES = _v(
    "reporter_type", "反映人类型", "Reporter type",
    ("student", "学生", "Student"),
    ("teacher", "教师", "Teacher"),
    ("parent", "家长", "Parent"),
    ("public", "群众", "Member of the public"),
    ("enterprise", "企业", "Enterprise"),
)

AREAS = _v(
    "area", "问题领域", "Area",
    ("enrolment", "入学", "Enrolment"),
    ("after_school", "课后", "After school"),
    ("exams", "招考", "Admissions and exams"),
    ("employment", "就业", "Employment"),
    ("canteen", "食堂", "Canteen"),
    ("safety", "安全", "Safety"),
    ("financial_aid", "资助", "Financial aid"),
    ("assistance", "帮扶", "Assistance"),
    ("care", "关爱", "Care"),
)

CATEGORIES = _v(
    "category", "问题类别", "Category",
    ("teaching_quality", "教学质量类（课业学业）", "Teaching quality"),
    ("management_service", "管理服务类（食宿交通）", "Management and services"),
    ("risk", "风险隐患类（校园安全）", "Risks and hazards"),
    ("fairness", "社会公平类（招生考试）", "Social fairness"),
    ("welfare", "民生保障类（学生资助）", "Livelihood security"),
    ("health", "身心健康类（体育心理）", "Physical and mental health"),
    ("integrity", "廉政风险类（清廉学校）", "Integrity risks"),
)

RESOLUTION_MODES = _v(
    "resolution_mode", "解决方式", "Resolution mode",
    ("on_site", "现场解决", "Solved on the spot"),
    ("supervised", "督促解决", "Solved under supervision"),
    ("systemic", "制度解决", "Solved through rules"),
)

PROBLEM_STATUSES = _v(
    "problem_status", "问题状态", "Problem status",
    ("open", "待办", "Open"),
    ("in_progress", "办理中", "In progress"),
    ("resolved", "已见效", "Effect recorded"),
    ("closed", "已销号", "Closed out"),
    ("merged", "已合并", "Merged"),
)

TASK_STATUSES = _v(
    "task_status", "任务状态", "Task status",
    ("open", "办理中", "In progress"),
    ("done", "已完成待销号", "Done, awaiting close-out"),
    ("closed", "已销号", "Closed out"),
)

# The escalation ladder of a task past its deadline, in order. The first two follow from the
# deadline and the working-day calendar; the last three are steps someone takes (task_step).
ESCALATION_STAGES = _v(
    "escalation_stage", "督办等级", "Escalation stage",
    ("due_soon", "即将到期", "Due soon"),
    ("overdue", "已逾期", "Overdue"),
    ("chase", "已催办", "Chase notice issued"),
    ("supervision", "督办中", "Under supervision"),
    ("criticism", "通报批评", "Listed for public criticism"),
)
# The steps recorded in a task's deadline story (db.models.TaskStep.kind).
TASK_STEP_KINDS = _v(
    "task_step_kind", "督办事项", "Deadline step",
    ("extension", "延期", "Deadline extension"),
    ("chase", "催办", "Chase notice"),
    ("supervision", "督办", "Supervision"),
    ("criticism", "通报", "Public criticism"),
)

RATINGS = _v(
    "rating", "群众评价", "Rating",
    ("satisfied", "满意", "Satisfied"),
    ("basic", "基本满意", "Basically satisfied"),
    ("unsatisfied", "不满意", "Unsatisfied"),
)

FOLLOWUP_METHODS = _v(
    "followup_method", "回访方式", "Follow-up method",
    ("phone", "电话回访", "Phone call"),
    ("in_person", "当面回访", "In person"),
    ("survey", "问卷调查", "Survey"),
    ("online", "网络回访", "Online"),
)

CARE_GROUPS = _v(
    "care_group", "关爱对象类别", "Care group",
    ("disability", "身心障碍学生", "Student with disabilities"),
    ("hardship", "困难师生", "Staff or student in hardship"),
    ("left_behind", "农村留守儿童", "Left-behind rural child"),
)

OUTCOME_BATCHES = _v(
    "outcome_batch", "五个一批", "Five batches",
    ("projects", "办成一批教育民生实事", "Practical projects done"),
    ("problems", "解决一批矛盾问题", "Problems solved"),
    ("experiences", "推出一批实践经验", "Practices worth sharing"),
    ("mechanisms", "完善一批制度机制", "Rules and mechanisms improved"),
    ("stories", "讲好一批暖心故事", "Heart-warming stories"),
)

PHASES = _v(
    "phase", "活动阶段", "Phase",
    ("mobilisation", "动员部署", "Mobilisation"),
    ("rollout", "全面开展", "Full rollout"),
    ("deepening", "持续深化", "Deepening"),
    ("consolidation", "巩固提升", "Consolidation"),
)

ROLES = _v(
    "role", "角色", "Role",
    ("admin", "管理员", "Administrator"),
    ("clerk", "录入员", "Clerk"),
    ("leader", "领导", "Leader"),
    ("school", "学校用户", "School user"),
    ("viewer", "查看", "Viewer"),
)

AUDIT_ACTIONS = _v(
    "audit_action", "操作类型", "Action",
    ("create", "新增", "Create"),
    ("update", "修改", "Update"),
    ("delete", "删除", "Delete"),
    ("close_out", "销号", "Close out"),
    ("reopen", "重新打开", "Reopen"),
    ("extend", "延期", "Extend deadline"),
    ("escalate", "催办督办", "Escalate"),
    ("view", "查看", "View"),
    ("import", "导入", "Import"),
    ("login", "登录", "Login"),
)

ALL: tuple[Vocabulary, ...] = (
    SITE_LEVELS, UNIT_KINDS, TIERS, ASSIGNMENT_KINDS, METHODS, ACTIVITIES, NINE_ONES,
    SOURCE_CHANNELS, REPORTER_TYPES, AREAS, CATEGORIES, RESOLUTION_MODES, PROBLEM_STATUSES,
    TASK_STATUSES, ESCALATION_STAGES, TASK_STEP_KINDS, RATINGS, FOLLOWUP_METHODS, CARE_GROUPS,
    OUTCOME_BATCHES, PHASES, ROLES, AUDIT_ACTIONS,
)
