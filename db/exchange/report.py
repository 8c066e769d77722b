"""What an import found and did, for the preview dialog and the clerk's review of conflicts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from db.exchange.tables import LABELS


@dataclass
class TableCounts:
    new: int = 0  # not here yet: inserted
    changed: int = 0  # newer than ours: updated
    same: int = 0  # already here with the same content
    older: int = 0  # we already have a newer version: kept ours
    conflicts: int = 0  # changed on both sides: one version kept, the other in the audit log
    ignored: int = 0  # not accepted from this sender (settings from below, ...)

    @property
    def already_here(self) -> int:
        return self.same + self.older

    @property
    def total(self) -> int:
        return (self.new + self.changed + self.same + self.older + self.conflicts
                + self.ignored)


@dataclass(frozen=True)
class Conflict:
    table: str
    record_id: uuid.UUID
    label: str  # the record's number or name, for the clerk
    winner: str  # "incoming" or "local"
    incoming_updated_at: datetime
    local_updated_at: datetime

    def describe(self, sender: str) -> str:
        kept = f"来自 {sender} 的版本" if self.winner == "incoming" else "本站的版本"
        other = "本站的版本" if self.winner == "incoming" else f"来自 {sender} 的版本"
        return (f"{LABELS.get(self.table, self.table)}“{self.label}”在两处都被修改：保留了{kept}"
                f"（修改时间较晚），{other}已完整记录在审计日志中，请核对。")


@dataclass
class ImportReport:
    package: str
    sender: str
    sender_name: str
    created_at: datetime
    applied: bool  # False for a preview
    tables: dict[str, TableCounts] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    seconds: float = 0.0

    def counts(self, table: str) -> TableCounts:
        return self.tables.setdefault(table, TableCounts())

    @property
    def written(self) -> int:
        return sum(c.new + c.changed for c in self.tables.values()) + sum(
            1 for c in self.conflicts if c.winner == "incoming")

    @property
    def nothing_to_do(self) -> bool:
        return self.written == 0 and not self.conflicts

    def summary(self) -> str:
        """A few lines in Chinese for the result dialog."""
        verb = "已导入" if self.applied else "预览（尚未导入）"
        lines = [f"{verb}来自 {self.sender_name}（{self.sender}）的交换包 {self.package}："]
        for table, c in self.tables.items():
            if c.total == 0:
                continue
            parts = [f"新增 {c.new}", f"更新 {c.changed}", f"已有 {c.already_here}"]
            if c.conflicts:
                parts.append(f"冲突 {c.conflicts}")
            if c.ignored:
                parts.append(f"未采用 {c.ignored}")
            lines.append(f"  {LABELS.get(table, table)}：" + "，".join(parts))
        if self.nothing_to_do:
            lines.append("  交换包中的内容本站都已有，没有需要更新的记录。")
        for conflict in self.conflicts:
            lines.append("  " + conflict.describe(self.sender))
        return "\n".join(lines)
