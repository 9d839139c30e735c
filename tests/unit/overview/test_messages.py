"""Every message exists in both languages with the same placeholders; the catalogues build."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.helpers import ROOT

_spec = importlib.util.spec_from_file_location("extract_messages", ROOT / "scripts" / "extract_messages.py")
extract_messages = importlib.util.module_from_spec(_spec)
sys.modules["extract_messages"] = extract_messages  # dataclasses look their module up
_spec.loader.exec_module(extract_messages)


def test_every_tr_call_has_both_languages_and_the_same_placeholders():
    entries, _dynamic = extract_messages.collect()
    assert len(entries) > 100
    problems = extract_messages.problems(entries)
    assert not problems, "\n".join(problems)


def test_the_checker_finds_what_it_should(tmp_path):
    source = tmp_path / "desktop" / "sample.py"
    source.parent.mkdir()
    source.write_text(
        'from desktop.i18n import tr\n'
        'a = tr("Còn {n} bản ghi", "{n} records left", n=1)\n'
        'b = tr("Tệp {file}", "File {path}")\n'
        'c = tr("", "Only English")\n'
        'd = tr("Số {n_vi}", "Number {n_en}", n_vi="1", n_en="1")\n'
        'e = tr(x.vi_template, x.en_template)\n', encoding="utf-8")
    entries, dynamic = extract_messages.extract(source, tmp_path)
    assert dynamic == 1 and len(entries) == 4
    problems = extract_messages.problems(entries)
    assert len(problems) == 2
    assert "sample.py:3: placeholders differ" in problems[0] and "file" in problems[0]
    assert "sample.py:4: a language is empty" in problems[1]


def test_catalogues_are_valid_linguist_files(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "extract_messages.py"), "--out", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    en = ET.parse(tmp_path / "vaxdesk_en.ts").getroot()
    vi = ET.parse(tmp_path / "vaxdesk_vi.ts").getroot()
    assert (en.get("language"), en.get("sourcelanguage")) == ("en_GB", "vi_VN")
    assert (vi.get("language"), vi.get("sourcelanguage")) == ("vi_VN", "en_GB")
    messages = {m.findtext("source"): m.findtext("translation") for m in en.iter("message")}
    assert messages["Sai tên đăng nhập hoặc mật khẩu."] == "Wrong user name or password."
    contexts = {c.findtext("name") for c in vi.iter("context")}
    assert "desktop.accounts.users" in contexts
    assert all(m.find("location") is not None for m in vi.iter("message"))
    assert (tmp_path / "vaxdesk_en.qm").stat().st_size > 1000  # compiled with lrelease


def test_qt_vietnamese_for_standard_buttons_is_shipped():
    qm = Path(ROOT / "resources" / "i18n" / "qtbase_vi.qm")
    assert qm.is_file() and qm.stat().st_size > 500
