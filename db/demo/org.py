"""The organisation of the demo: units, party branches, cadres, assignments, pairings, users.

These stay about the same at every scale (a bureau does not grow because it visits more). What
the visit generator needs later (who can go where, who does which of the nine ones) is kept on
``Org``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from db.demo import names as N
from db.demo.writer import RECORD_COLUMNS, BulkWriter, day_text, new_id, stamp

# The nine-ones items a cadre can earn on visits: "school" plus the six activities.
VISIT_ITEMS = ("school", "class_visit", "classroom", "canteen", "dormitory", "family",
               "campus_event")

ORG_DAY = date(2022, 5, 16)  # the mobilisation: units, people and assignments are entered


@dataclass(slots=True)
class UnitInfo:
    id: str
    name: str
    kind: str
    region_code: str
    region_id: str


@dataclass(slots=True)
class CadreInfo:
    id: str
    name: str
    tier: str
    unit: UnitInfo
    position: str
    # Visit items this cadre never does (so the nine-ones checklist shows gaps); None: no visits.
    missing: frozenset[str] | None = frozenset()
    weight: float = 1.0  # how often the cadre leads a visit
    own_units: list[UnitInfo] = field(default_factory=list)  # contact points, community, ...


@dataclass
class Org:
    units: list[UnitInfo]
    by_kind: dict[str, list[UnitInfo]]
    county_bureau: dict[str, UnitInfo]  # region code → its county bureau
    sections: dict[str, UnitInfo]  # name → 机关科室
    cadres: list[CadreInfo]
    users: dict[str, str]  # role → user id
    leader_user_cadre: str  # the cadre id of the leader account
    region_ids: dict[str, str]
    region_names: dict[str, str]


class NameMaker:
    """Chinese personal names: mostly common, some with rare characters (堃, 喆, 昇, 祎)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def person(self, *, rare: bool = False, gender: str | None = None) -> tuple[str, str]:
        rng = self.rng
        for _ in range(50):
            g = gender or rng.choice(("男", "女"))
            surname = rng.choices(N.SURNAMES, weights=N.SURNAME_WEIGHTS)[0]
            if rare:
                given = rng.choice(N.RARE_GIVEN)
            else:
                given = rng.choice(N.GIVEN_MALE if g == "男" else N.GIVEN_FEMALE)
            name = surname + given
            if name not in self.taken:
                self.taken.add(name)
                return name, g
        return name, g  # a duplicate name is real life; 50 tries make it rare

    def anyone(self) -> str:
        """A reporter's or respondent's name: duplicates are fine."""
        rng = self.rng
        surname = rng.choices(N.SURNAMES, weights=N.SURNAME_WEIGHTS)[0]
        if rng.random() < 0.03:
            return surname + rng.choice(N.RARE_GIVEN)
        return surname + rng.choice(N.GIVEN_MALE if rng.random() < 0.5 else N.GIVEN_FEMALE)


def mobile(rng: random.Random) -> str:
    return rng.choice(N.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random) -> str:
    return f"{N.AREA_CODE}-{rng.randrange(3, 9)}{rng.randrange(10**6):06d}"


# Surnames whose reading as a surname differs from the common one (as db.services.people does).
_SURNAME_INITIAL = {"曾": "z", "单": "s", "解": "x", "仇": "q", "查": "z", "覃": "q", "翟": "z"}


def name_initials(name: str) -> str:
    from pypinyin import Style, lazy_pinyin

    head, rest = "", name
    if name[:1] in _SURNAME_INITIAL:
        head, rest = _SURNAME_INITIAL[name[0]], name[1:]
    return (head + "".join(lazy_pinyin(rest, style=Style.FIRST_LETTER))).lower()


UNIT_COLUMNS = (*RECORD_COLUMNS, "name", "kind", "region_id", "parent_id", "address",
                "sort_order")
CADRE_COLUMNS = (*RECORD_COLUMNS, "name", "name_initials", "gender", "tier", "unit_id",
                 "branch_id", "position", "phone", "active")


def build_org(w: BulkWriter, rng: random.Random, site: str, region_ids: dict[str, str],
              region_names: dict[str, str], names: NameMaker) -> Org:
    ts = stamp(ORG_DAY, 9 * 60)
    units: list[UnitInfo] = []
    rows: list[tuple[object, ...]] = []
    taken: set[tuple[str, str]] = set()

    def add_unit(name: str, kind: str, region: str, parent: UnitInfo | None = None,
                 address: str = "") -> UnitInfo | None:
        if (region, name) in taken:
            return None
        taken.add((region, name))
        u = UnitInfo(new_id(rng), name, kind, region, region_ids[region])
        units.append(u)
        rows.append((u.id, ts, ts, site, None, 1, name, kind, u.region_id,
                     parent.id if parent else None,
                     address or f"湖北省随州市{region_names[region]}", len(rows)))
        return u

    sections: dict[str, UnitInfo] = {}
    for name in (N.LEADERSHIP_UNIT, *N.BUREAU_SECTIONS):
        u = add_unit(name, "bureau_section", "zengdu", address="湖北省随州市曾都区")
        assert u is not None
        sections[name] = u
    direct = [add_unit(n, "direct_unit", "zengdu") for n in N.DIRECT_UNITS]
    county = {r: add_unit(n, "county_bureau", r) for r, n in N.COUNTY_BUREAUS.items()}

    for region, count in N.SCHOOLS_PER_REGION.items():
        towns = N.TOWNS[region]
        parent = county[region]
        made = [add_unit(n, "school", region, parent) for n in N.COUNTY_SCHOOLS[region]]
        suffixes = [s for s, _ in N.TOWN_SCHOOL_KINDS]
        weights = [wt for _, wt in N.TOWN_SCHOOL_KINDS]
        tries = 0
        while len([m for m in made if m]) < count and tries < count * 20:
            tries += 1
            town = towns[tries % len(towns)] if tries <= len(towns) else rng.choice(towns)
            if rng.random() < 0.25 and not town.endswith("街道"):
                name = town + rng.choice(N.VILLAGES) + rng.choice(N.VILLAGE_SCHOOL_SUFFIX)
            else:
                name = town + rng.choices(suffixes, weights=weights)[0]
            made.append(add_unit(name, "school", region, parent,
                                 f"湖北省随州市{region_names[region]}{town}"))
        n_kg = max(1, count // 4)
        for i in range(n_kg * 3):
            if i >= n_kg and len([u for u in units if u.kind == "kindergarten"
                                  and u.region_code == region]) >= n_kg:
                break
            town = rng.choice(towns)
            add_unit(town + rng.choice(N.KINDERGARTEN_SUFFIX), "kindergarten", region, parent,
                     f"湖北省随州市{region_names[region]}{town}")

    community_plan = {"zengdu": 20, "guangshui": 12, "suixian": 8, "hitech": 4, "dahongshan": 1}
    for region, count in community_plan.items():
        streets = [t for t in N.TOWNS[region] if t.endswith("街道")] or list(N.TOWNS[region])
        made_n = 0
        for _ in range(count * 10):
            if made_n >= count:
                break
            town = rng.choice(streets)
            if add_unit(f"{town}{rng.choice(N.COMMUNITIES)}社区党支部", "community", region):
                made_n += 1
    village_plan = {"suixian": 10, "guangshui": 8, "zengdu": 5, "dahongshan": 2, "hitech": 1}
    for region, count in village_plan.items():
        rural = [t for t in N.TOWNS[region] if not t.endswith("街道")] or list(N.TOWNS[region])
        made_n = 0
        for _ in range(count * 10):
            if made_n >= count:
                break
            if add_unit(f"{rng.choice(rural)}{rng.choice(N.VILLAGES)}村", "village", region):
                made_n += 1
    for name in N.ENTERPRISES:
        region = ("guangshui" if name.startswith("广水") else "suixian" if name.startswith("随县")
                  else "hitech" if "高新区" in name else "zengdu")
        add_unit(name, "enterprise", region)
    w.insert("unit", UNIT_COLUMNS, rows)

    by_kind: dict[str, list[UnitInfo]] = {}
    for u in units:
        by_kind.setdefault(u.kind, []).append(u)
    county_map = {r: u for r, u in county.items() if u}

    # Party branches: four for the bureau's offices, one per direct unit and county bureau, and
    # one in each of some schools (their secretaries are 党组织书记 too).
    branch_rows: list[tuple[object, ...]] = []
    branch_of: dict[str, str] = {}  # unit id → branch id
    secretary_units: list[tuple[UnitInfo, str]] = []  # (unit, branch id)

    def add_branch(name: str, unit: UnitInfo) -> str:
        bid = new_id(rng)
        branch_rows.append((bid, ts, ts, site, None, 1, name, unit.id))
        return bid

    section_list = [sections[n] for n in N.BUREAU_SECTIONS]
    office_branches = []
    for i, numeral in enumerate("一二三四"):
        bid = add_branch(f"市教育局机关第{numeral}党支部", section_list[i * 4])
        office_branches.append(bid)
        secretary_units.append((section_list[i * 4], bid))
    branch_of[sections[N.LEADERSHIP_UNIT].id] = office_branches[0]
    for i, sec in enumerate(section_list):
        branch_of[sec.id] = office_branches[min(i // 4, 3)]
    for u in [d for d in direct if d] + list(county_map.values()):
        suffix = "机关党支部" if u.kind == "county_bureau" else "党总支"
        bid = add_branch(u.name + suffix, u)
        branch_of[u.id] = bid
        secretary_units.append((u, bid))
    schools = by_kind["school"]
    for u in rng.sample(schools, 30):
        bid = add_branch(u.name + "党支部", u)
        branch_of[u.id] = bid
        secretary_units.append((u, bid))
    w.insert("party_branch", (*RECORD_COLUMNS, "name", "unit_id"), branch_rows)

    # Cadres, tier by tier.
    cadres: list[CadreInfo] = []
    cadre_rows: list[tuple[object, ...]] = []
    rare_every = 29  # about one name in thirty uses a rare character

    def add_cadre(tier: str, unit: UnitInfo, position: str) -> CadreInfo:
        name, gender = names.person(rare=len(cadres) % rare_every == 7)
        c = CadreInfo(new_id(rng), name, tier, unit, position)
        cadres.append(c)
        cadre_rows.append((c.id, ts, ts, site, None, 1, name, name_initials(name), gender, tier,
                           unit.id, branch_of.get(unit.id), position, mobile(rng), 1))
        return c

    for pos in N.BUREAU_LEADER_POSITIONS:
        add_cadre("bureau_leader", sections[N.LEADERSHIP_UNIT], pos)
    for u in [d for d in direct if d]:
        for pos in N.SCHOOL_LEADER_POSITIONS[1:4] if "学" in u.name else ("主任", "副主任"):
            add_cadre("unit_leader", u, pos)
    for u in county_map.values():
        for pos in N.COUNTY_LEADER_POSITIONS[: 3 if u.region_code in ("hitech", "dahongshan")
                                             else 4]:
            add_cadre("unit_leader", u, pos)
    for unit, _bid in secretary_units:
        pos = ("科长、支部书记" if unit.kind == "bureau_section"
               else "党总支书记" if unit.kind == "direct_unit"
               else "机关党支部书记" if unit.kind == "county_bureau" else "党支部书记")
        add_cadre("branch_secretary", unit, pos)
    staff_units = ([(s, N.SECTION_POSITIONS) for s in section_list]
                   + [(d, N.SCHOOL_STAFF_POSITIONS if "学" in d.name else N.SECTION_POSITIONS)
                      for d in direct if d]
                   + [(c, N.COUNTY_STAFF_POSITIONS) for c in county_map.values()])
    while len(cadres) < 400:
        unit, positions = rng.choice(staff_units)
        add_cadre("cadre", unit, rng.choice(positions))
    w.insert("cadre", CADRE_COLUMNS, cadre_rows)

    _assign(w, rng, site, cadres, by_kind, ts)
    _profiles(rng, cadres)
    _pairings(w, rng, site, office_branches, branch_rows, by_kind["community"], ts)
    users, leader_cadre = _users(w, rng, site, cadres, sections, schools, ts)
    return Org(units, by_kind, county_map, sections, cadres, users, leader_cadre, region_ids,
               region_names)


def _assign(w: BulkWriter, rng: random.Random, site: str, cadres: list[CadreInfo],
            by_kind: dict[str, list[UnitInfo]], ts: str) -> None:
    """Contact points for leaders, 双报到 communities for most, villages, weak schools, ..."""
    rows: list[tuple[object, ...]] = []
    schools = by_kind["school"]
    village_schools = [u for u in schools if u.name.endswith(("小学", "教学点"))
                       and "镇" in u.name] or schools

    def add(c: CadreInfo, unit: UnitInfo, kind: str, note: str = "") -> None:
        started = date(2022, 5, rng.randrange(16, 32))
        rows.append((new_id(rng), ts, ts, site, None, 1, c.id, unit.id, kind,
                     day_text(started), None, note))
        c.own_units.append(unit)

    for c in cadres:
        if c.tier == "bureau_leader":
            for u in rng.sample(schools, 2):
                add(c, u, "contact_point")
            add(c, rng.choice(village_schools), "weak_school")
            hs = rng.choice(schools)
            add(c, hs, "hardship_group", f"{hs.name}困难师生")
            if rng.random() < 0.5:
                add(c, rng.choice(by_kind["enterprise"]), "enterprise")
        elif c.tier == "unit_leader":
            add(c, rng.choice(schools), "contact_point")
            if rng.random() < 0.4:
                add(c, rng.choice(village_schools), "weak_school")
            if rng.random() < 0.15:
                add(c, rng.choice(by_kind["enterprise"]), "enterprise")
        if rng.random() < 0.92:
            add(c, rng.choice(by_kind["community"]), "community")
        if rng.random() < 0.85:
            add(c, rng.choice(by_kind["village"]), "village")
    w.insert("assignment", (*RECORD_COLUMNS, "cadre_id", "unit_id", "kind", "started_on",
                            "ended_on", "note"), rows)


def _profiles(rng: random.Random, cadres: list[CadreInfo]) -> None:
    """Which nine-ones items each cadre will never do: most miss one or two, some none, a few
    never go down at all (应下尽下 must show them). Names with rare characters always visit, so
    the demo shows those names on visits."""
    activities = VISIT_ITEMS[1:]
    rare = set("".join(N.RARE_GIVEN))
    for c in cadres:
        r = rng.random()
        has_rare = any(ch in rare for ch in c.name)
        if r < 0.03 and not has_rare and c.tier != "bureau_leader":
            c.missing, c.weight = None, 0.0
            continue
        if r < 0.30:
            c.missing = frozenset()
        elif r < 0.75:
            c.missing = frozenset(rng.sample(activities, 1))
        elif r < 0.95:
            c.missing = frozenset(rng.sample(activities, 2))
        else:
            c.missing = frozenset(("school", "class_visit", "classroom", "dormitory",
                                   "campus_event", "canteen"))
        c.weight = {"bureau_leader": 1.2, "unit_leader": 1.1, "branch_secretary": 1.3}.get(
            c.tier, rng.uniform(0.4, 1.6))


def _pairings(w: BulkWriter, rng: random.Random, site: str, office_branches: list[str],
              branch_rows: list[tuple[object, ...]], communities: list[UnitInfo],
              ts: str) -> None:
    """结对共建: each office branch 1+1 with a community, plus N+1 pairings of several branches."""
    pairing_rows: list[tuple[object, ...]] = []
    member_rows: list[tuple[object, ...]] = []
    branch_ids = [str(r[0]) for r in branch_rows]
    chosen = rng.sample(communities, min(len(communities), 16))
    for i, community in enumerate(chosen):
        pid = new_id(rng)
        if i < len(office_branches):
            members = [office_branches[i]]
        elif i < 10:
            members = [rng.choice(branch_ids)]
        else:
            members = rng.sample(branch_ids, rng.randrange(2, 4))
        note = "1+1结对共建" if len(members) == 1 else f"{len(members)}+1结对共建"
        pairing_rows.append((pid, ts, ts, site, None, 1, community.id, "2022-05-20", None, note))
        for b in members:
            member_rows.append((new_id(rng), ts, ts, site, None, 1, pid, b))
    w.insert("branch_pairing", (*RECORD_COLUMNS, "community_unit_id", "started_on", "ended_on",
                                "note"), pairing_rows)
    w.insert("branch_pairing_member", (*RECORD_COLUMNS, "pairing_id", "branch_id"), member_rows)


def _users(w: BulkWriter, rng: random.Random, site: str, cadres: list[CadreInfo],
           sections: dict[str, UnitInfo], schools: list[UnitInfo], ts: str
           ) -> tuple[dict[str, str], str]:
    leader = cadres[0]
    school = schools[0]
    office = sections["办公室"]
    clerk = next((c for c in cadres if c.unit is office and c.tier == "cadre"), cadres[-1])
    # (username, display name, role, unit, cadre, can_view_care); passwords are set by the
    # administrator on first use, so password_hash stays empty.
    spec = (
        ("admin", "系统管理员", "admin", None, None, 1),
        ("clerk", clerk.name, "clerk", office.id, clerk.id, 0),
        ("leader", leader.name, "leader", None, leader.id, 1),
        ("school", school.name, "school", school.id, None, 0),
        ("viewer", "查看用户", "viewer", None, None, 0),
    )
    rows = []
    ids = {}
    for username, display, role, unit_id, cadre_id, care in spec:
        uid = new_id(rng)
        ids[role] = uid
        rows.append((uid, ts, ts, site, None, 1, username, display, role, "", unit_id, cadre_id,
                     care, 1, 0, None))
    w.insert("app_user", (*RECORD_COLUMNS, "username", "display_name", "role", "password_hash",
                          "unit_id", "cadre_id", "can_view_care", "active", "failed_logins",
                          "locked_until"), rows)
    return ids, leader.id
