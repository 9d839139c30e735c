"""The committed Qt Linguist catalogues match the messages of the code; the build leaves them alone.

When this fails, regenerate them with the one command
``.venv/bin/python scripts/extract_messages.py`` and commit ``resources/i18n/``.
"""

from __future__ import annotations

import importlib.util
import re
import sys

from tests.helpers import ROOT

_spec = importlib.util.spec_from_file_location("extract_messages", ROOT / "scripts" / "extract_messages.py")
extract_messages = importlib.util.module_from_spec(_spec)
sys.modules["extract_messages"] = extract_messages  # dataclasses look their module up
_spec.loader.exec_module(extract_messages)

REGENERATE = ".venv/bin/python scripts/extract_messages.py"


def test_committed_catalogues_are_up_to_date():
    entries, _dynamic = extract_messages.collect()
    differences = extract_messages.behind(entries)
    assert not differences, (f"resources/i18n/ is behind the code; run `{REGENERATE}` and commit it:\n"
                             + "\n".join(differences))


def test_behind_sees_added_changed_and_dropped_messages(tmp_path):
    entries, _dynamic = extract_messages.collect()
    extract_messages.write_catalogues(entries, tmp_path)
    assert extract_messages.behind(entries, tmp_path) == []
    moved = [entries[0].__class__(e.file, e.line + 7, e.vi, e.en) for e in entries]
    assert extract_messages.behind(moved, tmp_path) == []  # line numbers alone do not count
    first = entries[0]
    changed = [first.__class__(first.file, first.line, first.vi, first.en + " (new)"), *entries[1:]]
    report = extract_messages.behind(changed, tmp_path)
    assert any("vaxdesk_en.ts: missing or changed" in line for line in report)
    assert any("vaxdesk_vi.ts: 1 messages to add or change, 1 to drop" == line for line in report)
    assert extract_messages.behind(entries[1:], tmp_path)  # a message gone from the code


def test_the_build_writes_catalogues_into_its_own_folder():
    script = (ROOT / "installer" / "build_linux.sh").read_text(encoding="utf-8")
    calls = [line for line in script.splitlines() if "extract_messages.py" in line and not line.lstrip().startswith("#")]
    assert calls and all(re.search(r'--out "\$WORK/', line) for line in calls), calls
