"""The stored records a sheet refers to by name — regions, units, cadres, party branches —
and the vocabularies with the bureau's additions (areas, categories, source channels), loaded
once per import so that 100,000 rows are resolved in memory, not by 100,000 queries.

Names are matched after ``cells.name_key`` (half-width, no spaces). A unit name shared by units
of several regions needs the region; a cadre name shared by several cadres is written
"姓名（单位）", the form the exports write and the drop-downs offer.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from db.excel.cells import name_key, nfkc
from db.models import Cadre, PartyBranch, Region, Unit
from db.vocab_extra import Vocabularies, load_vocabularies


@dataclass(frozen=True)
class RegionRef:
    id: uuid.UUID
    name: str


@dataclass(frozen=True)
class UnitRef:
    id: uuid.UUID
    name: str
    region_id: uuid.UUID
    kind: str


@dataclass(frozen=True)
class CadreRef:
    id: uuid.UUID
    name: str
    unit_id: uuid.UUID
    active: bool


_QUALIFIED = re.compile(r"(.+?)\s*[(](.+)[)]")


class Lookups:
    def __init__(self, session: Session) -> None:
        self.vocabs: Vocabularies = load_vocabularies(session)
        self.regions: dict[uuid.UUID, RegionRef] = {}
        self._region_keys: dict[str, RegionRef] = {}
        for rid, name, code in session.execute(
                select(Region.id, Region.name, Region.code)
                .where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Region.sort_order, Region.name)):
            ref = RegionRef(rid, name)
            self.regions[rid] = ref
            self._region_keys[name_key(name)] = ref
            self._region_keys.setdefault(name_key(code), ref)
        self.units: dict[uuid.UUID, UnitRef] = {}
        self._units_by_name: dict[str, list[UnitRef]] = defaultdict(list)
        for uid, name, region_id, kind in session.execute(
                select(Unit.id, Unit.name, Unit.region_id, Unit.kind)
                .where(Unit.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Unit.sort_order, Unit.name)):
            unit = UnitRef(uid, name, region_id, kind)
            self.units[uid] = unit
            self._units_by_name[name_key(name)].append(unit)
        self.cadres: dict[uuid.UUID, CadreRef] = {}
        self._cadres_by_name: dict[str, list[CadreRef]] = defaultdict(list)
        for cid, name, unit_id, active in session.execute(
                select(Cadre.id, Cadre.name, Cadre.unit_id, Cadre.active)
                .where(Cadre.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Cadre.name)):
            cadre = CadreRef(cid, name, unit_id, active)
            self.cadres[cid] = cadre
            self._cadres_by_name[name_key(name)].append(cadre)
        self._branches: dict[str, uuid.UUID] = {}
        self._branch_names: list[str] = []
        for bid, name in session.execute(
                select(PartyBranch.id, PartyBranch.name)
                .where(PartyBranch.deleted_at.is_(None))):  # type: ignore[union-attr]
            self._branches[name_key(name)] = bid
            self._branch_names.append(name)
        self._cadre_cache: dict[str, tuple[CadreRef | None, str | None]] = {}
        self._unit_cache: dict[tuple[str, uuid.UUID | None], tuple[UnitRef | None, str | None]] \
            = {}

    # -- regions ---------------------------------------------------------------------------

    def region(self, text: str) -> tuple[RegionRef | None, str | None]:
        ref = self._region_keys.get(name_key(text))
        if ref is not None:
            return ref, None
        names = "、".join(r.name for r in self.regions.values())
        return None, f"没有名为“{text}”的区域，请填写以下之一：{names}"

    def region_names(self) -> list[str]:
        return [r.name for r in self.regions.values()]

    # -- units -----------------------------------------------------------------------------

    def unit(self, text: str, region_id: uuid.UUID | None = None
             ) -> tuple[UnitRef | None, str | None]:
        """The live unit named *text* (in *region_id*, when given), or a message."""
        key = (name_key(text), region_id)
        hit = self._unit_cache.get(key)
        if hit is None:
            hit = self._unit_cache[key] = self._find_unit(text, region_id)
        return hit

    def _find_unit(self, text: str, region_id: uuid.UUID | None
                   ) -> tuple[UnitRef | None, str | None]:
        candidates = self._units_by_name.get(name_key(text), [])
        if not candidates:
            return None, (f"找不到名为“{text}”的单位，请先在单位名单中添加该单位，"
                          "或改成单位名单中的名称")
        if region_id is not None:
            inside = [u for u in candidates if u.region_id == region_id]
            if inside:
                return inside[0], None
            where = "、".join(self.regions[u.region_id].name for u in candidates
                             if u.region_id in self.regions)
            return None, (f"“{self.regions[region_id].name}”没有名为“{text}”的单位"
                          f"（该单位在{where}），请检查所属区域")
        if len(candidates) > 1:
            where = "、".join(self.regions[u.region_id].name for u in candidates
                             if u.region_id in self.regions)
            return None, (f"有 {len(candidates)} 个名为“{text}”的单位（{where}），"
                          "请在“所属区域”列填写区域")
        return candidates[0], None

    def unit_names(self) -> list[str]:
        """Unit names for a drop-down, each once."""
        return list(dict.fromkeys(u.name for u in self.units.values()))

    # -- cadres ----------------------------------------------------------------------------

    def cadre(self, text: str) -> tuple[CadreRef | None, str | None]:
        """The live cadre written as "姓名" or "姓名（单位）", or a message."""
        hit = self._cadre_cache.get(text)
        if hit is None:
            hit = self._cadre_cache[text] = self._find_cadre(text)
        return hit

    def _find_cadre(self, text: str) -> tuple[CadreRef | None, str | None]:
        written = nfkc(text).strip()
        unit_text = None
        m = _QUALIFIED.fullmatch(written)
        if m and name_key(written) not in self._cadres_by_name:
            written, unit_text = m[1], m[2]
        candidates = self._cadres_by_name.get(name_key(written), [])
        if not candidates:
            return None, (f"干部名单中没有“{written}”，请先在干部名单中添加，"
                          "或检查姓名是否写错")
        if unit_text is not None:
            wanted = name_key(unit_text)
            inside = [c for c in candidates
                      if c.unit_id in self.units and name_key(self.units[c.unit_id].name) == wanted]
            if len(inside) == 1:
                return inside[0], None
            return None, (f"“{unit_text}”没有名叫“{written}”的干部，"
                          f"可写成：{self._choices(candidates)}")
        if len(candidates) > 1:
            return None, (f"有 {len(candidates)} 名干部叫“{written}”，请写明单位，"
                          f"如：{self._choices(candidates)}")
        return candidates[0], None

    def _choices(self, candidates: list[CadreRef]) -> str:
        return "、".join(self.cadre_label(c.id) for c in candidates[:5])

    def cadre_label(self, cadre_id: uuid.UUID) -> str:
        """How a sheet names the cadre: the name, or "姓名（单位）" when the name is shared."""
        c = self.cadres.get(cadre_id)
        if c is None:
            return ""
        if len(self._cadres_by_name.get(name_key(c.name), ())) > 1:
            unit = self.units.get(c.unit_id)
            return f"{c.name}（{unit.name if unit else ''}）"
        return c.name

    def cadre_labels(self, *, active_only: bool = True) -> list[str]:
        return [self.cadre_label(c.id) for c in self.cadres.values()
                if c.active or not active_only]

    # -- party branches --------------------------------------------------------------------

    def branch_names(self) -> list[str]:
        return sorted(self._branch_names)

    def branch(self, text: str) -> tuple[uuid.UUID | None, str | None]:
        bid = self._branches.get(name_key(text))
        if bid is None:
            return None, f"没有名为“{text}”的党支部，请填写已有的党支部名称，或留空"
        return bid, None
