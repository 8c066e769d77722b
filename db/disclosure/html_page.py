"""The public page: one self-contained HTML file (inline CSS, no scripts, no external resources)
that the portal's editors can upload as it is."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from db.disclosure.lists import PublicLists

_CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;
color:#222;background:#fff}
h1{text-align:center;font-size:24px;margin:8px 0}
p.meta{text-align:center;color:#555;margin:4px 0 20px}
h2{font-size:19px;border-left:5px solid #b22;padding-left:8px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top}
th{background:#f2e9e9;position:sticky;top:0}
tr:nth-child(even) td{background:#fafafa}
td.n{text-align:right;white-space:nowrap}
td.d{white-space:nowrap}
p.note{color:#666;font-size:12px;margin-top:24px}
"""


def _cell(value: Any) -> str:
    if value is None:
        return "<td></td>"
    if isinstance(value, date):
        return f'<td class="d">{value.isoformat()}</td>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<td class="n">{value}</td>'
    return f"<td>{escape(str(value))}</td>"


def render_html(lists: PublicLists) -> str:
    org = escape(lists.org)
    title = f"{org}“三个清单”公示"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{org} · 截至 {lists.as_of.isoformat()}</p>',
    ]
    done: dict[Any, str] = {}
    for i, (name, headers, rows) in enumerate(lists.sections(), start=1):
        out.append(f'<section id="list{i}"><h2>{escape(name)}（共 {len(rows)} 条）</h2>')
        out.append("<table><thead><tr>"
                   + "".join(f"<th>{escape(h)}</th>" for h in headers)
                   + "</tr></thead><tbody>")
        # Unit names, labels, dates and many texts recur: each distinct value is escaped once
        # (a large database's page has half a million cells).
        for row in rows:
            parts = ["<tr>"]
            for v in row:
                c = done.get(v)
                if c is None:
                    c = done[v] = _cell(v)
                parts.append(c)
            parts.append("</tr>")
            out.append("".join(parts))
        out.append("</tbody></table></section>")
    out.append('<p class="note">说明：为保护个人信息，反映人姓名、联系方式等个人信息不予公开，'
               "文中出现的姓名、电话、身份证号、学号、电子邮箱等已作遮挡处理。</p>")
    out.append(f'<p class="meta">{org}　{lists.as_of.isoformat()}</p></body></html>')
    return "\n".join(out)


def write_html(lists: PublicLists, path: Path) -> None:
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(render_html(lists), encoding="utf-8")
    tmp.replace(path)  # a half-written page never replaces a good one
