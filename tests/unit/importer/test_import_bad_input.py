"""Files that cannot be lists: each ends in a clear, bilingual message and nothing in the database."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.importer import import_file, preview_file, reading
from desktop.models import AuditEvent, DailyList, ImportIssue, VaccinationRecord
from tests.unit.importer.listfiles import LONG_HEADER, write_csv, write_encrypted_workbook, write_xlsx


def assert_nothing_stored(ws) -> None:
    with ws.db.session() as s:
        for model in (DailyList, VaccinationRecord, ImportIssue, AuditEvent):
            assert s.execute(select(func.count()).select_from(model)).scalar() == 0, model


def refused(ws, path, code: str) -> UserError:
    with pytest.raises(UserError) as info:
        import_file(ws, path, "lan")
    assert info.value.code == code, info.value.message.en
    assert info.value.message.vi and info.value.message.en and info.value.message.vi != info.value.message.en
    assert_nothing_stored(ws)
    return info.value


def test_empty_file(workspace, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    error = refused(workspace, path, "empty_file")
    assert "empty.csv" in error.message.en


def test_blank_lines_only(workspace, tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("\n\n ; ;\n", encoding="utf-8")
    refused(workspace, path, "empty_file")


def test_header_only(workspace, tmp_path):
    path = write_csv(tmp_path / "header.csv", [LONG_HEADER, [], []])
    error = refused(workspace, path, "no_rows")
    assert "no data rows" in error.message.en


def test_header_only_xlsx(workspace, tmp_path):
    refused(workspace, write_xlsx(tmp_path / "h.xlsx", [LONG_HEADER]), "no_rows")


def test_binary_garbage_renamed_xlsx(workspace, tmp_path):
    path = tmp_path / "garbage.xlsx"
    path.write_bytes(os.urandom(64 * 1024))
    refused(workspace, path, "not_a_list_file")


def test_zip_that_is_not_a_workbook(workspace, tmp_path):
    import zipfile

    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    refused(workspace, path, "not_a_workbook")


def test_truncated_xlsx(workspace, tmp_path, long_rows):
    good = write_xlsx(tmp_path / "good.xlsx", long_rows).read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    refused(workspace, path, "not_a_workbook")


def test_password_protected_workbook(workspace, tmp_path):
    path = write_encrypted_workbook(tmp_path / "secret.xlsx")
    error = refused(workspace, path, "password_protected")
    assert "mật khẩu" in error.message.vi and "password" in error.message.en


def test_file_open_elsewhere(workspace, tmp_path, long_rows, monkeypatch):
    path = write_csv(tmp_path / "locked.csv", long_rows)
    real_open = open

    def locked_open(file, mode="r", *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "The process cannot access the file because it is being used by another process")
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", locked_open)
    error = refused(workspace, path, "file_locked")
    assert "Excel" in error.message.en


def test_unreadable_permissions(workspace, tmp_path, long_rows):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = write_csv(tmp_path / "noread.csv", long_rows)
    path.chmod(0)
    refused(workspace, path, "file_locked")


def test_missing_file(workspace, tmp_path):
    refused(workspace, tmp_path / "nowhere.csv", "file_not_found")


def test_junk_without_any_header(workspace, tmp_path):
    rows = [[f"x{r}{c}" for c in range(50)] for r in range(30)]
    error = refused(workspace, write_csv(tmp_path / "junk.csv", rows), "no_header")
    assert error.details["missing"]


def test_too_many_rows_is_refused_before_reading(workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 1000)
    rows = [LONG_HEADER] + [["VN", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "Pfizer", "F", "1",
                              "01/09/2021"]] * 1200
    error = refused(workspace, write_csv(tmp_path / "big.csv", rows), "too_many_rows")
    assert "1,000" in error.message.en


def test_too_many_rows_found_while_reading(workspace, tmp_path, monkeypatch):
    """Quoted line breaks hide rows from the line count; the limit still holds row by row."""
    from desktop.importer import load

    monkeypatch.setattr(load, "MAX_ROWS", 10)
    rows = [LONG_HEADER] + [[f"VN-{i}", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "Pfizer", "F", "1",
                             "01/09/2021"] for i in range(20)]
    refused(workspace, write_csv(tmp_path / "rows.csv", rows), "too_many_rows")


@pytest.mark.slow
def test_two_hundred_megabyte_csv_is_refused_quickly(workspace, tmp_path):
    import time

    line = ("VN-0000001,Nguyễn Văn An,12/05/1990,Nam,001090012345,AstraZeneca,ABV5300,1,01/09/2021" + " " * 40
            + "\r\n").encode()
    path = tmp_path / "huge.csv"
    target = 200 * 1024 * 1024
    block = line * 10_000
    with open(path, "wb") as fh:
        fh.write((",".join(LONG_HEADER) + "\r\n").encode())
        while fh.tell() < target:
            fh.write(block)
    started = time.perf_counter()
    error = refused(workspace, path, "too_many_rows")
    assert "1,000,000" in error.message.en
    assert time.perf_counter() - started < 30


def test_large_workbook_limit(workspace, tmp_path, long_rows, monkeypatch):
    monkeypatch.setattr(reading, "MAX_WORKBOOK_BYTES", 1000)
    refused(workspace, write_xlsx(tmp_path / "big.xlsx", long_rows), "file_too_large")


def test_preview_refuses_the_same_way(tmp_path):
    path = tmp_path / "garbage.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2000))
    with pytest.raises(UserError) as info:
        preview_file(path)
    assert info.value.code == "not_a_workbook"
