"""Regenerate the translation catalogue from the source and compile it.

    uv run python tools/update_translations.py [--check]

1. ``pyside6-lupdate`` reads every ``tr()`` / ``translate()`` / ``QT_TRANSLATE_NOOP`` in
   ``desktop/`` and updates ``resources/i18n/minqing_<lang>.ts``: new strings are added as
   unfinished, vanished ones are dropped (``-no-obsolete``), existing translations are kept.
2. Translate the unfinished entries (Qt Linguist: ``uv run pyside6-linguist FILE.ts``, or by
   hand in the XML), then run this again.
3. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the application loads.

``--check`` changes nothing: it exits 1 when the catalogue lacks strings that the source uses
or has unfinished entries (for CI).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "desktop"]
I18N = ROOT / "resources" / "i18n"
CATALOG = "minqing"
LANGUAGES = ["zh_CN"]


def qt_tool(name: str) -> str:
    """The pyside6 tool next to the running interpreter (the project's venv), else on PATH."""
    suffix = ".exe" if sys.platform == "win32" else ""
    local = Path(sys.executable).parent / f"{name}{suffix}"
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this with `uv run` from the project folder")
    return found


def ts_path(lang: str) -> Path:
    return I18N / f"{CATALOG}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N / f"{CATALOG}_{lang}.qm"


def source_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCES:
        files += sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)
    return files


def lupdate(ts: Path) -> None:
    # -locations none: line numbers would change the .ts on every edit of the code.
    command = [qt_tool("pyside6-lupdate"), *map(str, source_files()),
               "-no-obsolete", "-locations", "none", "-source-language", "en",
               "-target-language", ts.stem.split("_", 1)[1], "-ts", str(ts)]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def lrelease(ts: Path, qm: Path) -> None:
    # Written beside and renamed over: a running application maps the .qm file into memory,
    # and rewriting it in place would pull the pages from under it (SIGBUS).
    partial = qm.with_suffix(".qm.partial")
    command = [qt_tool("pyside6-lrelease"), str(ts), "-qm", str(partial)]
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    os.replace(partial, qm)


def unfinished(ts: Path) -> list[str]:
    """Source texts whose translation is missing, unfinished, empty or obsolete."""
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            text = (translation.text or "") if translation is not None else ""
            if kind in ("unfinished", "obsolete", "vanished", "missing") or not text.strip():
                problems.append(f"{name}: {message.findtext('source', '')!r} ({kind or 'empty'})")
    return problems


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> int:
    """Fill unfinished entries from {context: {source: translation}}; returns how many.

    For translations written outside Qt Linguist (a JSON file per area). Finished entries are
    left alone, so a translation fixed in the .ts is never overwritten.
    """
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        known = translations.get(context.findtext("name", ""), {})
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None or source not in known:
                continue
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                translation.text = known[source]
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def check() -> int:
    failed = False
    for lang in LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / ts_path(lang).name
            shutil.copyfile(ts_path(lang), copy)
            lupdate(copy)
            problems = unfinished(copy)
        for problem in problems:
            print(f"{lang}: {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="update and compile the translations")
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("--fill", type=Path, nargs="*", default=[], metavar="FILE.json",
                        help="fill unfinished zh_CN entries from {context: {source: text}}")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    I18N.mkdir(parents=True, exist_ok=True)
    extra: dict[str, dict[str, str]] = {}
    for path in args.fill:
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            extra.setdefault(context, {}).update(messages)
    for lang in LANGUAGES:
        lupdate(ts_path(lang))
        if extra and lang == "zh_CN":
            print(f"filled {fill(ts_path(lang), extra)} entries from {len(args.fill)} file(s)")
            lupdate(ts_path(lang))  # back to lupdate's own layout of the file
        lrelease(ts_path(lang), qm_path(lang))
        problems = unfinished(ts_path(lang))
        print(f"{ts_path(lang).relative_to(ROOT)}: {len(problems)} to translate")
        for problem in problems:
            print(f"  {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
