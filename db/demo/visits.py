"""The visit log and the problems raised (on visits and through other channels), day by day.

Visits are written in chunks as they are made (they are most of the data); problems are kept in
memory, small, because their life (tasks, effects, close-out) is decided afterwards in
``db.demo.lists``. A visit's search document needs the descriptions of the problems found on it,
so both are made here together, in date order, which also makes numbers follow dates.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from db.demo import texts as T
from db.demo.org import NameMaker, Org, UnitInfo, landline, mobile
from db.demo.writer import (
    _VERSION_BITS,
    _VERSION_MASK,
    RECORD_COLUMNS,
    BulkWriter,
    Draw,
    SearchIndexBuilder,
    SpacedCache,
    day_text,
    new_id,
)
from db.numbering import day_base, format_number
from db.vocab import ACTIVITIES, AREAS, CHANNEL_FOR_METHOD, SCHOOL_UNIT_KINDS

FIRST_DAY = date(2022, 5, 16)  # the first working day of the mobilisation phase
LAST_DAY = date(2022, 12, 30)
CHUNK = 20_000  # visits per write

VISITS_PER_SCALE = 8000
PROBLEMS_PER_SCALE = 2000
VISIT_SHARE = 0.78  # of problems, found on visits; the rest came by petition, online, ...

VISIT_COLUMNS = (*RECORD_COLUMNS, "number", "sort_key", "visit_date", "unit_id", "method",
                 "students_met", "teachers_met", "parents_met", "content", "talked_with",
                 "findings", "reported_to_branch")

_METHODS_SCHOOL = (("field_visit", 35), ("heart_talk", 20), ("forum", 18), ("inspection", 15),
                   ("sit_in", 12))
_METHODS_OTHER = (("field_visit", 50), ("heart_talk", 30), ("forum", 20))
_UNIT_KINDS = (("school", 62), ("kindergarten", 12), ("community", 10), ("village", 8),
               ("direct_unit", 6), ("enterprise", 2))
# Areas people raise, by where they were heard.
_AREA_WEIGHTS = {
    "school": {"enrolment": 8, "after_school": 14, "exams": 8, "employment": 2, "canteen": 14,
               "safety": 14, "financial_aid": 8, "assistance": 5, "care": 8},
    "kindergarten": {"enrolment": 10, "after_school": 4, "canteen": 12, "safety": 14,
                     "care": 8, "financial_aid": 4},
    "community": {"enrolment": 14, "after_school": 12, "exams": 5, "financial_aid": 8,
                  "care": 10, "safety": 5, "employment": 4},
    "village": {"assistance": 20, "care": 14, "financial_aid": 12, "enrolment": 5, "safety": 6},
    "enterprise": {"employment": 20, "exams": 2, "financial_aid": 3, "safety": 3},
    "standalone": {"enrolment": 12, "after_school": 10, "exams": 10, "employment": 4,
                   "canteen": 12, "safety": 10, "financial_aid": 10, "assistance": 5, "care": 6},
}
_REPORTER_WEIGHTS = {
    "school": {"parent": 35, "student": 25, "teacher": 25, "public": 10},
    "community": {"parent": 40, "public": 40, "student": 10, "teacher": 10},
    "enterprise": {"enterprise": 60, "student": 20, "teacher": 10, "public": 10},
    "standalone": {"parent": 45, "public": 25, "teacher": 15, "student": 10, "enterprise": 5},
}
_STANDALONE_CHANNELS = (("petition", 25), ("online", 30), ("offline", 20), ("referral", 25))


def _cum(pairs: tuple[tuple[str, int], ...] | dict[str, int]) -> tuple[list[str], list[float]]:
    items = list(pairs.items()) if isinstance(pairs, dict) else list(pairs)
    total = 0.0
    cum = []
    for _, wt in items:
        total += wt
        cum.append(total)
    return [k for k, _ in items], cum


@dataclass(slots=True)
class ProblemInfo:
    """A problem as made here; ``db.demo.lists`` decides its fate and writes it."""

    id: str
    reported: date
    sort_key: int
    number: str
    channel: str
    reporter_type: str
    reporter_name: str
    reporter_phone: str
    unit: UnitInfo | None
    region_id: str
    area: str
    category: str
    issue: str
    description: str
    description_spaced: str
    strong: bool
    collector: str | None
    visit_id: str | None
    status: str = "open"
    merged_into: str | None = None
    closed_on: date | None = None
    updated: date | None = None


def day_counts(total: int, days: list[date], weight: Callable[[date], float]) -> list[int]:
    """*total* spread over *days* in proportion to *weight*, exactly (largest remainder)."""
    ws = [weight(d) for d in days]
    s = sum(ws)
    raw = [total * w / s for w in ws]
    counts = [int(x) for x in raw]
    rest = total - sum(counts)
    order = sorted(range(len(days)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


def visit_weight(d: date) -> float:
    """Visits by phase: few while mobilising, most in June (全面开展), fewer in the summer
    holidays, steady in autumn; weekends see a quarter of a weekday."""
    if d.month == 5:
        w = 0.5
    elif d.month == 6:
        w = 2.6
    elif d.month in (7, 8):
        w = 0.7
    elif d.month in (9, 10):
        w = 1.2
    else:
        w = 0.9
    return w * (0.25 if d.weekday() >= 5 else 1.0)


def problem_weight(d: date) -> float:
    return 0.3 if d.weekday() >= 5 else 1.0


class VisitMaker:
    def __init__(self, w: BulkWriter, rng: random.Random, org: Org, names: NameMaker,
                 site: str, sp: SpacedCache, search: SearchIndexBuilder) -> None:
        self.w, self.rng, self.org, self.names, self.site, self.sp = w, rng, org, names, site, sp
        self.search = search
        self.draw = Draw(rng)
        # Who went and what they did: written after all visits, in key order (see write_links).
        self.visit_cadres: list[tuple[str, str]] = []
        self.visit_activities: list[tuple[str, str]] = []
        self.problems: list[ProblemInfo] = []
        self.visit_seq = 0
        self.problem_seq = 0
        self.problem_day_counter: dict[date, int] = {}
        active = [c for c in org.cadres if c.missing is not None and c.weight > 0]
        self.active = active
        self.lead_cum: list[float] = []
        total = 0.0
        for c in active:
            total += c.weight
            self.lead_cum.append(total)
        # Co-visitors of a lead must be able to do all the lead can (so no one gets credit for
        # an item their profile says they never do).
        self.pools: dict[frozenset[str], list] = {}
        for c in active:
            m = c.missing
            assert m is not None
            if m not in self.pools:
                self.pools[m] = [o for o in active if o.missing is not None and o.missing <= m]
        self.allowed: dict[tuple[frozenset[str], str], tuple[str, ...]] = {}
        self.kind_names, self.kind_cum = _cum(_UNIT_KINDS)
        self.m_school = _cum(_METHODS_SCHOOL)
        self.m_other = _cum(_METHODS_OTHER)
        self.areas = {k: _cum(v) for k, v in _AREA_WEIGHTS.items()}
        self.reporters = {k: _cum(v) for k, v in _REPORTER_WEIGHTS.items()}
        self.channels = _cum(_STANDALONE_CHANNELS)
        # (area) → [(category, issue)], so one pick gives both.
        self.issues: dict[str, list[tuple[str, str]]] = {a: [] for a in AREAS.codes()}
        for (area, category), issues in T.ISSUES.items():
            self.issues[area].extend((category, i) for i in issues)
        self.requests = {a: T.REQUESTS + T.AREA_REQUESTS.get(a, ()) for a in AREAS.codes()}
        # Templates split around the unit's name, with their spaced forms.
        self.content = {k: [self._split(t) for t in v]
                        for k, v in (T.VISIT_CONTENT | T.VISIT_CONTENT_OTHER).items()}
        self.schools = org.by_kind["school"] + org.by_kind["kindergarten"]
        self.all_units = [u for u in org.units if u.kind != "bureau_section"]

    def _combos(self, missing: frozenset[str], kind: str, k: int) -> list[tuple[str, ...]]:
        """The sets of *k* activities a cadre with *missing* items can do at a *kind* unit."""
        allowed = [a for a in ACTIVITIES.codes() if a not in missing
                   and not (kind == "kindergarten" and a == "dormitory")]
        return list(combinations(allowed, min(k, len(allowed)))) or [()]

    def _split(self, template: str) -> tuple[str, str, str, str]:
        before, after = template.split("{u}")
        return before, after, self.sp(before), self.sp(after)

    # -- problems ---------------------------------------------------------------------------

    def _problem(self, d: date, context: str, unit: UnitInfo | None, region_id: str,
                 channel: str, collector: str | None, visit_id: str | None,
                 area: str | None = None) -> ProblemInfo:
        rng, sp, dr = self.rng, self.sp, self.draw
        if area is None:
            keys, cum = self.areas[context if context in self.areas else "school"]
            area = dr.weighted(keys, cum)
        category, issue = dr.pick(self.issues[area])
        rkeys, rcum = self.reporters.get(context, self.reporters["school"])
        rtype = dr.weighted(rkeys, rcum)
        who = dr.pick(T.REPORTERS[rtype])
        verb = dr.pick(T.VERBS)
        request = dr.pick(self.requests[area])
        desc = f"{who}{verb}{issue}，{request}。"
        desc_sp = f"{sp(who)}{sp(verb)}{sp(issue)}，{sp(request)}。"
        name = phone = ""
        if rng.random() < 0.45:
            name = self.names.anyone()
            if rng.random() < 0.7:
                phone = mobile(rng) if rng.random() < 0.8 else landline(rng)
        elif rng.random() < 0.1:
            phone = mobile(rng)
        n = self.problem_day_counter.get(d, 0)
        self.problem_day_counter[d] = n + 1
        self.problem_seq += 1
        p = ProblemInfo(
            new_id(rng), d, day_base(d) + n, format_number(self.site, "problem", d.year,
                                                             self.problem_seq),
            channel, rtype, name, phone, unit, region_id, area, category, issue, desc, desc_sp,
            rng.random() < 0.08, collector, visit_id,
        )
        self.problems.append(p)
        return p

    def _standalone(self, d: date) -> None:
        rng, org = self.rng, self.org
        keys, cum = self.channels
        channel = rng.choices(keys, cum_weights=cum)[0]
        unit: UnitInfo | None = None
        if rng.random() < 0.85:
            unit = rng.choice(self.schools if rng.random() < 0.8 else self.all_units)
            region_id = unit.region_id
        else:
            region_id = rng.choice(list(org.region_ids.values()))
        collector = rng.choice(self.active).id if rng.random() < 0.4 else None
        self._problem(d, "standalone", unit, region_id, channel, collector, None)

    # -- visits -----------------------------------------------------------------------------

    def run(self, scale: float, report: Callable[[float], None]) -> None:
        rng, sp, site = self.rng, self.sp, self.site
        days = [FIRST_DAY + timedelta(days=i) for i in range((LAST_DAY - FIRST_DAY).days + 1)]
        n_visits = max(1, round(VISITS_PER_SCALE * scale))
        n_problems = max(1, round(PROBLEMS_PER_SCALE * scale))
        visit_counts = day_counts(n_visits, days, visit_weight)
        n_found = round(n_problems * VISIT_SHARE)
        standalone_counts = day_counts(n_problems - n_found, days, problem_weight)
        # P(a visit finds a problem); one in eight of those finds two.
        p_found = min(0.95, n_found / n_visits / 1.125)

        visits: list[tuple[object, ...]] = []
        vcadres, vacts = self.visit_cadres, self.visit_activities
        docs: list[tuple[int, str]] = []
        done = 0
        # This loop runs 800,000 times at scale 100: random.choice/randrange/choices cost a
        # Python-level call each, so draws are made from rng.random() directly (same stream,
        # deterministic), weighted picks by bisect over cumulative weights.
        rand, getrandbits = rng.random, rng.getrandbits
        active, lead_cum, pools = self.active, self.lead_cum, self.pools
        kind_names, kind_cum, by_kind = self.kind_names, self.kind_cum, self.org.by_kind
        kind_total = kind_cum[-1]
        ms_names, ms_cum = self.m_school
        mo_names, mo_cum = self.m_other
        ms_total, mo_total = ms_cum[-1], mo_cum[-1]
        cache = sp.cache
        phrase_cache: dict[tuple[str, ...], tuple[str, str]] = {}
        combos_cache: dict[tuple[frozenset[str], str, int], list[tuple[str, ...]]] = {}
        content = self.content
        talked_templates, talked_people = T.TALKED_WITH, T.TALKED_WITH_PEOPLE
        findings_none = {k: [(f, sp(f)) for f in v] for k, v in T.FINDINGS_NONE.items()}
        times = [f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(60, 660)]  # UTC
        prefix = format_number(site, "visit", FIRST_DAY.year, 0)[:-5]
        unit_spaced = {u.id: sp(u.name) for u in self.org.units}

        for day, n_day, n_alone in zip(days, visit_counts, standalone_counts, strict=True):
            dtext = day_text(day)
            base = day_base(day)
            leads = rng.choices(active, cum_weights=lead_cum, k=n_day)
            for i, lead in enumerate(leads):
                missing = lead.missing
                assert missing is not None
                no_school = "school" in missing
                # Where: often one of the cadre's own points, otherwise anywhere.
                unit = None
                own = lead.own_units
                if own and rand() < 0.3:
                    unit = own[int(rand() * len(own))]
                if unit is None or (no_school and unit.kind in SCHOOL_UNIT_KINDS):
                    kind = kind_names[bisect(kind_cum, rand() * kind_total)]
                    if no_school and kind in SCHOOL_UNIT_KINDS:
                        kind = "community"
                    units = by_kind[kind]
                    unit = units[int(rand() * len(units))]
                kind = unit.kind
                at_school = kind in SCHOOL_UNIT_KINDS or kind == "direct_unit"
                if at_school:
                    method = ms_names[bisect(ms_cum, rand() * ms_total)]
                else:
                    method = mo_names[bisect(mo_cum, rand() * mo_total)]

                acts: tuple[str, ...] = ()
                if kind in SCHOOL_UNIT_KINDS:
                    r = rand()
                    k = 0 if r < 0.15 else 1 if r < 0.55 else 2 if r < 0.85 else 3
                    if method == "inspection" and k == 0:
                        k = 1
                    if k:
                        ckey3 = (missing, kind, k)
                        combos = combos_cache.get(ckey3)
                        if combos is None:
                            combos = combos_cache[ckey3] = self._combos(missing, kind, k)
                        acts = combos[int(rand() * len(combos))]
                elif kind in ("community", "village") and "family" not in missing \
                        and rand() < 0.35:
                    acts = ("family",)

                # Who went: the lead and up to two others able to do the same.
                r = rand()
                team = [lead]
                if r < 0.45:
                    pool = pools[missing]
                    for _ in range(1 if r < 0.30 else 2):
                        other = pool[int(rand() * len(pool))]
                        if other not in team:
                            team.append(other)

                # Whom they met.
                if at_school:
                    if method == "forum":
                        s, t, p = int(rand() * 11), 3 + int(rand() * 13), 2 + int(rand() * 11)
                    elif method == "sit_in":
                        s, t, p = 10 + int(rand() * 31), 3 + int(rand() * 8), int(rand() * 4)
                    elif method == "inspection":
                        s, t, p = int(rand() * 9), int(rand() * 4), 0
                    else:
                        s, t, p = 1 + int(rand() * 20), 1 + int(rand() * 10), int(rand() * 6)
                else:
                    s, t, p = int(rand() * 4), int(rand() * 2), 1 + int(rand() * 10)

                # What they did, in words.
                ckey = method if at_school else (kind if kind in T.VISIT_CONTENT_OTHER
                                                 else "office")
                templates = content[ckey]
                before, after, sb, sa = templates[int(rand() * len(templates))]
                phrase = phrase_cache.get(acts)
                if phrase is None:
                    raw = ("，" + "、".join(T.ACTIVITY_PHRASES[a] for a in acts)) if acts else ""
                    phrase = phrase_cache[acts] = (raw, sp(raw))
                text_ = before + unit.name + after + phrase[0]
                text_sp = sb + unit_spaced[unit.id] + sa + phrase[1]
                where = ("school" if at_school else kind if kind in talked_people
                         else "office")
                if rand() < 0.7 and (s or t or p):
                    met = "、".join(part for part in (
                        f"学生{s}名" if s else "", f"教师{t}名" if t else "",
                        f"家长{p}名" if p else "") if part)
                    talked = talked_templates[int(rand() * len(talked_templates))].format(met)
                else:
                    options = talked_people[where]
                    talked = options[int(rand() * len(options))]
                talked_sp = cache.get(talked) or sp(talked)

                self.visit_seq += 1
                vid = "%032x" % ((getrandbits(128) & _VERSION_MASK) | _VERSION_BITS)
                sort_key = base + i
                # Found: problems on the problem list, or nothing worth a line.
                rf = rand()
                found: list[ProblemInfo] = []
                if rf < p_found:
                    context = ("school" if at_school else kind)
                    channel = CHANNEL_FOR_METHOD[method]
                    for _ in range(2 if rf < p_found / 8 else 1):
                        area = None
                        if "canteen" in acts and rand() < 0.5:
                            area = "canteen"
                        elif "dormitory" in acts and rand() < 0.3:
                            area = "safety"
                        found.append(self._problem(day, context, unit, unit.region_id, channel,
                                                   lead.id, vid, area))
                    pre = self.draw.pick(T.FINDINGS_PREFIX)
                    post = self.draw.pick(T.FINDINGS_SUFFIX)
                    findings = pre + "；".join(f.issue for f in found) + post
                    findings_sp = sp(pre) + "；".join(sp(f.issue) for f in found) + sp(post)
                else:
                    options_f = findings_none[where]
                    findings, findings_sp = options_f[int(rand() * len(options_f))]

                created = dtext + times[int(rand() * 600)]
                visits.append((
                    vid, created, created, site, None, 1, f"{prefix}{self.visit_seq:05d}",
                    sort_key, dtext, unit.id, method, s, t, p, text_, talked, findings,
                    0 if rand() < 0.12 else 1,
                ))
                for c in team:
                    vcadres.append((vid, c.id))
                for a in acts:
                    vacts.append((vid, a))
                docs.append((sort_key, "\n".join((text_sp, talked_sp, findings_sp,
                                                  *(f.description_spaced for f in found)))))

            for _ in range(n_alone):
                self._standalone(day)

            if len(visits) >= CHUNK:
                done += len(visits)
                self.search.add("visit_fts", docs)
                self.w.insert("visit", VISIT_COLUMNS, visits)
                visits, docs = [], []
                report(done / n_visits)
        self.search.add("visit_fts", docs)
        self.w.insert("visit", VISIT_COLUMNS, visits)
        report(1.0)

    def write_links(self) -> None:
        """Write visit_cadre and visit_activity sorted by their primary keys: the random visit
        ids would otherwise land all over the key index, one page read per row; in key order
        the index is only ever appended to."""
        self.visit_cadres.sort()
        self.w.insert("visit_cadre", ("visit_id", "cadre_id"), self.visit_cadres)
        self.visit_cadres = []
        self.visit_activities.sort()
        self.w.insert("visit_activity", ("visit_id", "activity"), self.visit_activities)
        self.visit_activities = []

