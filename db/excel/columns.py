"""The columns of each importable kind, in one place: templates, the reader, the importers and
the exporters all read them from here.

A column names its header (the label a template writes), the other headers clerks write for
the same thing (matched after normalising, see ``cells.header_key``), its type, its vocabulary
or the table its values refer to (both become drop-downs in a template), whether it is
required, and how wide it is. A column's vocabulary is the fixed one; ``column_vocab`` gives it
with the terms the bureau added (areas, categories, source channels), for drop-downs, the
importers and the exports alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.vocab import (
    ACTIVITIES,
    AREAS,
    ASSIGNMENT_KINDS,
    CATEGORIES,
    METHODS,
    REPORTER_TYPES,
    SOURCE_CHANNELS,
    TIERS,
    UNIT_KINDS,
    Vocabulary,
)
from db.vocab_extra import FIXED, Vocabularies

# Cell types. "multi" is a list of vocabulary labels or names in one cell; "phone" is text that
# Excel likes to turn into a number.
TEXT, DATE, INT, BOOL, MULTI, PHONE = "text", "date", "int", "bool", "multi", "phone"

# What a column's values refer to, when they name a stored record rather than a vocabulary term.
REF_REGION, REF_UNIT, REF_CADRE, REF_BRANCH = "region", "unit", "cadre", "branch"


@dataclass(frozen=True)
class Column:
    key: str  # the field name used by the importers (and in error records)
    label: str  # the header a template writes
    type: str = TEXT
    required: bool = False
    aliases: tuple[str, ...] = ()
    vocab: Vocabulary | None = None
    ref: str | None = None
    width: int = 14
    help: str = ""  # what the column means, for the 说明 sheet
    example: str = ""  # the example row of the 说明 sheet
    # Written by exports (e.g. 编号) but never read back: the importer ignores the column.
    export_only: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class KindSpec:
    kind: str  # units, cadres, assignments, visits, problems
    title: str  # the data sheet's name and the kind in messages, e.g. 走访登记
    noun: str  # what one row is, e.g. 走访记录
    columns: tuple[Column, ...] = field(default_factory=tuple)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def import_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.export_only)

    @property
    def template_columns(self) -> tuple[Column, ...]:
        return self.import_columns


_REGION_HELP = "单位所在的县（市、区），同名单位在不同区域时用来区分，可留空"
_DATE_HELP = "日期，可写 2022-06-03、2022/6/3、2022.6.3 或 2022年6月3日，必须写年份"

UNITS = KindSpec("units", "单位名单", "单位", (
    Column("name", "单位名称", required=True, aliases=("单位", "名称", "学校名称", "学校"),
           width=28, help="单位全称，同一区域内不能重名", example="曾都区第一中学"),
    Column("kind", "单位类型", required=True, aliases=("类型", "类别", "单位类别"),
           vocab=UNIT_KINDS, width=18, help="单位的类型", example="中小学校"),
    Column("region", "所属区域", required=True, aliases=("区域", "县市区", "县（市、区）", "地区"),
           ref=REF_REGION, width=14, help="单位所在的县（市、区）", example="曾都区"),
    Column("address", "地址", aliases=("单位地址", "详细地址"), width=30,
           help="单位地址，可留空", example="随州市曾都区青年路1号"),
))

CADRES = KindSpec("cadres", "干部名单", "干部", (
    Column("name", "姓名", required=True, aliases=("干部姓名", "名字"), width=10,
           help="干部姓名", example="张三"),
    Column("unit", "所在单位", required=True, aliases=("单位", "工作单位", "单位名称"),
           ref=REF_UNIT, width=26, help="干部所在单位，须是单位名单中已有的单位",
           example="教育局机关"),
    Column("region", "所属区域", aliases=("区域", "县市区", "县（市、区）", "地区"),
           ref=REF_REGION, width=12, help=_REGION_HELP, example="曾都区"),
    Column("tier", "人员层级", required=True, aliases=("层级", "干部层级", "人员类别", "类别"),
           vocab=TIERS, width=20, help="决定干部的任务指标", example="党员干部"),
    Column("position", "职务", aliases=("职位", "职称"), width=16, help="职务，可留空",
           example="科员"),
    Column("phone", "联系电话", type=PHONE,
           aliases=("电话", "手机", "手机号", "手机号码", "联系方式"),
           width=16, help="11 位手机号或带区号的座机号，可留空", example="13912345678"),
    Column("gender", "性别", width=6, help="男或女，可留空", example="男"),
    Column("branch", "所在党支部", aliases=("党支部", "支部"), ref=REF_BRANCH, width=20,
           help="干部所在党支部，须是已有的党支部，可留空", example=""),
))

ASSIGNMENTS = KindSpec("assignments", "联系点", "联系点", (
    Column("cadre", "干部", required=True, aliases=("姓名", "干部姓名", "联系干部"),
           ref=REF_CADRE, width=12,
           help="干部姓名；有同名干部时写成“姓名（单位）”", example="张三"),
    Column("unit", "联系单位", required=True, aliases=("单位", "联系点", "单位名称"),
           ref=REF_UNIT, width=26, help="联系的学校、社区、村或企业，须是已有单位",
           example="曾都区第一中学"),
    Column("region", "所属区域", aliases=("区域", "县市区", "县（市、区）", "地区"),
           ref=REF_REGION, width=12, help=_REGION_HELP, example="曾都区"),
    Column("kind", "联系类型", required=True, aliases=("类型", "联系方式"), vocab=ASSIGNMENT_KINDS,
           width=18, help="联系点的类型", example="基层联系点"),
    Column("started_on", "开始日期", type=DATE, required=True, aliases=("开始时间", "起始日期"),
           width=12, help=_DATE_HELP, example="2022-05-20"),
    Column("ended_on", "结束日期", type=DATE, aliases=("结束时间", "截止日期"), width=12,
           help="联系结束的日期，仍在联系可留空", example=""),
    Column("note", "备注", aliases=("说明",), width=24, help="可留空", example=""),
))

VISITS = KindSpec("visits", "走访登记", "走访记录", (
    Column("number", "走访编号", aliases=("编号",), width=18, export_only=True,
           help="系统生成的编号，导入时不读取"),
    Column("visit_date", "走访日期", type=DATE, required=True, aliases=("日期", "时间", "走访时间"),
           width=12, help=_DATE_HELP + "，不能晚于今天", example="2022-06-03"),
    Column("cadres", "参加干部", type=MULTI, required=True,
           aliases=("走访干部", "干部", "走访人", "走访人员", "参加人员", "姓名"), ref=REF_CADRE,
           width=16, help="一人或多人，用顿号、逗号、分号、斜杠或空格分开；"
                          "有同名干部时写成“姓名（单位）”", example="张三、李四"),
    Column("unit", "走访单位", required=True,
           aliases=("单位", "走访对象单位", "被走访单位", "学校"),
           ref=REF_UNIT, width=24, help="须是单位名单中已有的单位", example="曾都区第一中学"),
    Column("region", "所属区域", aliases=("区域", "县市区", "县（市、区）", "地区"),
           ref=REF_REGION, width=12, help=_REGION_HELP, example="曾都区"),
    Column("method", "走访方式", required=True, aliases=("方式", "形式", "走访形式"), vocab=METHODS,
           width=12, help="问、访、查、梳、研的方式", example="实地走访"),
    Column("activities", "活动内容", type=MULTI, aliases=("活动", "九个一", "活动项目"),
           vocab=ACTIVITIES, width=24, help="本次走访做了哪几个“一”，可多项，用顿号分开，可留空",
           example="暗访食堂餐饮、走访学生宿舍"),
    Column("students_met", "走访学生人数", type=INT, aliases=("学生人数", "学生数", "学生"),
           width=10, help="交流的学生人数，整数，可留空（按 0）", example="5"),
    Column("teachers_met", "走访教师人数", type=INT, aliases=("教师人数", "教师数", "教师"),
           width=10, help="交流的教师人数，整数，可留空（按 0）", example="3"),
    Column("parents_met", "走访家长人数", type=INT, aliases=("家长人数", "家长数", "家长"),
           width=10, help="交流的家长人数，整数，可留空（按 0）", example="2"),
    Column("content", "走访内容", aliases=("内容", "主要内容", "工作内容", "走访情况"), width=36,
           help="做了什么，最多 5000 字", example="检查食堂卫生，与师生座谈"),
    Column("talked_with", "交流对象", aliases=("访谈对象", "座谈对象"), width=16,
           help="与谁交流，最多 500 字", example="学生、食堂负责人"),
    Column("findings", "发现的情况", aliases=("发现问题", "发现的问题", "存在问题", "问题"),
           width=36,
           help="发现了什么，最多 5000 字", example="食堂饭菜价格偏高"),
    Column("reported_to_branch", "已向党组织报告", type=BOOL, aliases=("已报告", "是否报告"),
           width=10, help="是或否，可留空（按否）", example="是"),
))

PROBLEMS = KindSpec("problems", "问题清单", "问题", (
    Column("number", "问题编号", aliases=("编号",), width=18, export_only=True,
           help="系统生成的编号，导入时不读取"),
    Column("reported_on", "反映日期", type=DATE, required=True,
           aliases=("日期", "时间", "反映时间", "登记日期"), width=12,
           help=_DATE_HELP + "，不能晚于今天", example="2022-06-03"),
    Column("source_channel", "来源渠道", required=True, aliases=("来源", "渠道", "问题来源"),
           vocab=SOURCE_CHANNELS, width=12, help="问题从哪里来", example="走访"),
    Column("reporter_type", "反映人类型", required=True, aliases=("反映人身份", "反映对象", "身份"),
           vocab=REPORTER_TYPES, width=10, help="谁反映的", example="家长"),
    Column("reporter_name", "反映人姓名", aliases=("反映人",), width=10,
           help="个人信息，不公开，可留空", example="王某"),
    Column("reporter_phone", "反映人电话", type=PHONE, aliases=("联系电话", "电话"), width=14,
           help="个人信息，不公开，可留空", example="13800000000"),
    Column("unit", "涉及单位", aliases=("单位", "所在单位", "学校"), ref=REF_UNIT, width=24,
           help="须是已有单位；没有具体单位时留空并填写所属区域", example="曾都区第一中学"),
    Column("region", "所属区域", aliases=("区域", "县市区", "县（市、区）", "地区"),
           ref=REF_REGION, width=12, help="没有涉及单位时必填", example="曾都区"),
    Column("area", "问题领域", required=True, aliases=("领域",), vocab=AREAS, width=10,
           help="入学、课后、招考……", example="食堂"),
    Column("category", "问题类别", required=True, aliases=("类别", "问题类型", "类型"),
           vocab=CATEGORIES, width=22, help="问题属于哪一类", example="管理服务类（食宿交通）"),
    Column("description", "问题描述", required=True,
           aliases=("问题", "内容", "具体问题", "问题内容"),
           width=40, help="反映的问题，最多 2000 字", example="学校食堂饭菜价格偏高"),
    Column("strongly_reported", "群众反映强烈", type=BOOL, aliases=("反映强烈", "是否反映强烈"),
           width=10, help="是或否，可留空（按否）", example="否"),
    Column("collected_by", "收集干部", aliases=("收集人", "登记人", "干部"), ref=REF_CADRE,
           width=12,
           help="收集问题的干部，可留空；有同名干部时写成“姓名（单位）”", example="张三"),
))

KINDS: dict[str, KindSpec] = {k.kind: k for k in (UNITS, CADRES, ASSIGNMENTS, VISITS, PROBLEMS)}


def column_vocab(column: Column, vocabs: Vocabularies = FIXED) -> Vocabulary | None:
    """*column*'s vocabulary with the bureau's additions in *vocabs* (loaded once per template,
    import or export, e.g. ``Lookups.vocabs``); None for a column without one."""
    return vocabs.extend(column.vocab) if column.vocab is not None else None


def spec_for(kind: str) -> KindSpec:
    try:
        return KINDS[kind]
    except KeyError:
        known = "、".join(KINDS)
        raise ValueError(f"未知的导入类型“{kind}”，可选：{known}") from None
