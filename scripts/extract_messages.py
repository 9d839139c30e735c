#!/usr/bin/env python3
"""Collect every ``tr("vi", "en")`` message of the source into Qt Linguist catalogues.

Writes ``resources/i18n/vaxdesk_en.ts`` (Vietnamese source → English) and ``vaxdesk_vi.ts``
(English source → Vietnamese), one context per module, with file and line of each message, and
compiles them to ``.qm`` with ``pyside6-lrelease`` when it is installed. Translators review the
catalogues in Qt Linguist; the program itself renders messages through ``desktop.i18n.tr``.

The catalogues in ``resources/i18n/`` are generated and committed; after changing messages, bring
them up to date with the one command ``.venv/bin/python scripts/extract_messages.py`` (a unit test
fails while they are behind the code). The installer writes its own copies into its build folder.

``--check`` only reports problems (empty text, placeholders that differ between the languages,
catalogues behind the code) and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("desktop", "services", "main.py")
OUT = ROOT / "resources" / "i18n"


@dataclass(frozen=True)
class Entry:
    file: str  # relative to the project root
    line: int
    vi: str
    en: str

    @property
    def context(self) -> str:
        return self.file.removesuffix(".py").replace("/", ".")


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for name in SOURCES:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*.py") if "migrations" not in p.parts)
    return files


def _is_tr(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (isinstance(func, ast.Attribute) and func.attr == "tr")


def extract(path: Path, root: Path = ROOT) -> tuple[list[Entry], int]:
    """The literal messages of one file, and how many ``tr`` calls are built at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    entries, dynamic = [], 0
    rel = path.relative_to(root).as_posix()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_tr(node)) or len(node.args) < 2:
            continue
        vi, en = node.args[0], node.args[1]
        if isinstance(vi, ast.Constant) and isinstance(en, ast.Constant) \
                and isinstance(vi.value, str) and isinstance(en.value, str):
            entries.append(Entry(rel, node.lineno, vi.value, en.value))
        else:
            dynamic += 1
    return entries, dynamic


def placeholders(text: str) -> set[str]:
    """The ``str.format`` fields of a template (``{n}``, ``{value!r}`` → ``n``, ``value``)."""
    names = set()
    for _literal, field, _spec, _conversion in string.Formatter().parse(text):
        if field is not None:
            names.add(field.split(".")[0].split("[")[0])
    return names


def _same_value(names: set[str], suffix: str) -> set[str]:
    """``{n_vi}`` in Vietnamese and ``{n_en}`` in English are one value, pre-formatted per language."""
    return {name.removesuffix(suffix) for name in names}


def problems(entries: list[Entry]) -> list[str]:
    out = []
    for e in entries:
        where = f"{e.file}:{e.line}"
        if not e.vi.strip() or not e.en.strip():
            out.append(f"{where}: a language is empty (vi={e.vi!r}, en={e.en!r})")
            continue
        try:
            vi, en = _same_value(placeholders(e.vi), "_vi"), _same_value(placeholders(e.en), "_en")
        except ValueError as exc:
            out.append(f"{where}: broken braces ({exc})")
            continue
        if vi != en:
            out.append(f"{where}: placeholders differ: vi {sorted(vi)} vs en {sorted(en)}")
    return out


def collect(root: Path = ROOT) -> tuple[list[Entry], int]:
    entries, dynamic = [], 0
    for path in source_files(root):
        found, dyn = extract(path, root)
        entries += found
        dynamic += dyn
    return entries, dynamic


def write_ts(entries: list[Entry], path: Path, source: str, target: str, language: str) -> int:
    """One Linguist file; the same source text twice in a module becomes one message."""
    by_context: dict[str, dict[tuple[str, str], list[Entry]]] = {}
    for e in entries:
        key = (getattr(e, source), getattr(e, target))
        by_context.setdefault(e.context, {}).setdefault(key, []).append(e)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="{"vi_VN" if source == "vi" else "en_GB"}">']
    count = 0
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        seen_sources: dict[str, int] = {}
        for (src, translation), group in by_context[context].items():
            lines.append("    <message>")
            for e in group:
                lines.append(f'        <location filename="../../{escape(e.file)}" line="{e.line}"/>')
            lines.append(f"        <source>{escape(src)}</source>")
            n = seen_sources.get(src, 0)
            seen_sources[src] = n + 1
            if n:  # the same words translated two ways in one module: keep both apart
                lines.append(f"        <comment>variant {n + 1}</comment>")
            lines.append(f"        <translation>{escape(translation)}</translation>")
            lines.append("    </message>")
            count += 1
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


CATALOGUES = ("vaxdesk_en.ts", "vaxdesk_vi.ts")


def write_catalogues(entries: list[Entry], out: Path) -> tuple[int, int]:
    out.mkdir(parents=True, exist_ok=True)
    return (write_ts(entries, out / "vaxdesk_en.ts", "vi", "en", "en_GB"),
            write_ts(entries, out / "vaxdesk_vi.ts", "en", "vi", "vi_VN"))


def messages_of(ts: Path) -> set[tuple[str, str, str, str]]:
    """(context, source, comment, translation) of every message of a catalogue; lines do not count."""
    if not ts.is_file():
        return set()
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "",
             m.findtext("translation") or "")
            for context in root.iter("context") for m in context.iter("message")}


def behind(entries: list[Entry], committed: Path = OUT) -> list[str]:
    """How the catalogues in ``committed`` differ from what the code says now (empty: up to date)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        write_catalogues(entries, Path(tmp))
        for name in CATALOGUES:
            fresh, stored = messages_of(Path(tmp) / name), messages_of(committed / name)
            for context, source, _comment, _translation in sorted(fresh - stored)[:10]:
                out.append(f"{name}: missing or changed in {context}: {source[:70]!r}")
            for context, source, _comment, _translation in sorted(stored - fresh)[:10]:
                out.append(f"{name}: no longer in the code, {context}: {source[:70]!r}")
            if fresh != stored:
                out.append(f"{name}: {len(fresh - stored)} messages to add or change, {len(stored - fresh)} to drop")
    return out


def lrelease(ts: Path) -> bool:
    tool = shutil.which("pyside6-lrelease") or shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if not tool:
        return False
    subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report problems")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    entries, dynamic = collect()
    found = problems(entries)
    if args.check:
        found += behind(entries, args.out)
    for problem in found:
        print(problem, file=sys.stderr)
    if args.check:
        print(f"{len(entries)} messages, {dynamic} built at run time, {len(found)} problems", file=sys.stderr)
        return 1 if found else 0
    en, vi = write_catalogues(entries, args.out)
    compiled = all(lrelease(args.out / name) for name in CATALOGUES)
    print(f"{len(entries)} messages ({en} en, {vi} vi entries) from {len(source_files())} files; "
          f"{dynamic} built at run time; {len(found)} problems; .qm {'written' if compiled else 'skipped'}",
          file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
