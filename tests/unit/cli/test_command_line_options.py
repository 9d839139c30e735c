"""The command line's shape: lazy start, ``--json`` on either side of the command, ``resolve --from``
a decisions file (all or none), ``records`` without a limit."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import select

from desktop.models import Decision, VaccinationRecord
from tests.helpers import ROOT, run_cli


def _modules_after(*args: str) -> set[str]:
    code = ("import io, contextlib, sys\n"
            "from desktop.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            f"    main({list(args)!r})\n"
            "print(__import__('json').dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(json.loads(done.stdout))


def test_version_and_help_import_no_command_and_no_database_library():
    for args in (["--version"], ["--help"]):
        loaded = _modules_after(*args)
        assert not {"sqlalchemy", "argon2", "desktop.accounts", "desktop.db"} & loaded, args
        assert not any(m.startswith("desktop.cli.") for m in loaded), args
    only_sign = _modules_after("sign", "--help")
    assert "desktop.cli.sign" in only_sign
    assert not {"desktop.cli.records", "desktop.cli.central", "desktop.cli.users"} & only_sign


def test_every_command_of_the_table_is_registered_by_its_module():
    from desktop.cli import COMMANDS, build_parser

    parser = build_parser()
    choices = parser._subparsers._group_actions[0].choices
    assert set(COMMANDS) <= set(choices)
    for name in COMMANDS:
        sub = choices[name]
        assert sub.get_default("handler") is not None or sub._subparsers is not None, name
    help_listing = run_cli("--help", sign_in=False).stdout
    for name in COMMANDS:
        assert name in help_listing


def test_json_before_or_after_the_command(workspace):
    from tests.unit.signing.support import add_list, add_records

    add_records(workspace, 2, list_id=add_list(workspace))
    before = run_cli("--json", "records", workspace=workspace.path)
    after = run_cli("records", "--json", workspace=workspace.path)
    assert before.code == after.code == 0, after.stderr
    assert before.json == after.json and after.json["total"] == 2
    everything = run_cli("records", "--limit", "0", "--json", workspace=workspace.path)
    assert everything.json["shown"] == 2


def test_record_rows_takes_more_ids_than_sqlite_binds_in_one_statement(workspace):
    from desktop.importer.queries import record_rows
    from tests.unit.signing.support import add_records

    [record_id] = add_records(workspace, 1)
    ids = list(range(record_id + 1, record_id + 300_001)) + [record_id]
    with workspace.db.session() as session:
        rows = record_rows(session, ids)
    assert list(rows) == [record_id]


def _decisions_file(path, rows):
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _mismatches(workspace, n=3):
    from tests.unit.signing.support import add_list, add_records

    return add_records(workspace, n, list_id=add_list(workspace), check_status="mismatch")


def test_resolve_from_a_file_applies_every_row(workspace, tmp_path):
    first, second, third = _mismatches(workspace)
    csv_file = _decisions_file(tmp_path / "d.csv", [
        "record_id,action,reason", f"{first},reject,trùng người", f"{second},keep_list,đã đối chiếu CCCD gốc",
        f"{third},defer,"])
    result = run_cli("resolve", "--from", str(csv_file), "--json", workspace=workspace.path)
    assert result.code == 0, result.stderr
    assert result.json["applied"] == 3
    with workspace.db.session() as s:
        got = dict(s.execute(select(VaccinationRecord.id, VaccinationRecord.decision)).all())
        actors = {d.actor for d in s.execute(select(Decision)).scalars()}
    assert got == {first: "reject", second: "keep_list", third: "defer"}
    assert actors == {"quantri"}


def test_resolve_from_a_file_is_all_or_nothing_and_names_row_and_field(workspace, tmp_path):
    first, second, third = _mismatches(workspace)
    cases = [
        (["record_id,action,reason", f"{first},reject,x", f"{second},edit,sai ngày,", ], "row 3", "full_name"),
        (["record_id,action,reason,date_of_birth", f"{first},reject,x,", f"{second},edit,sai,31/02/1990"],
         "Row 3", "date_of_birth"),
        (["record_id,action,reason", f"{first},reject,x", f"{second},approve,x"], "Row 3", "action"),
        (["record_id,action,reason", f"{first},reject,x", f"{third},keep_list,"], "Row 3", "reason"),
        (["record_id,action,reason", f"{first},reject,x", "abc,reject,x"], "Row 3", "record_id"),
        (["record_id,action,reason", f"{first},reject,x", f"{first},defer,"], "Row 3", "record_id"),
        (["record_id,action,reason", f"{first},reject,x", "999999,reject,x"], "Row 3", "record_id"),
        (["record_id,action,colour", f"{first},reject,x"], "Row 1", "colour"),
    ]
    for rows, row, field in cases:
        result = run_cli("--lang", "en", "resolve", "--from", str(_decisions_file(tmp_path / "d.csv", rows)),
                         workspace=workspace.path)
        assert result.code == 1, (rows, result.stderr)
        message = result.stderr.lower()
        assert row.lower() in message and field in message, (rows, result.stderr)
        with workspace.db.session() as s:
            assert s.execute(select(Decision)).first() is None, rows
    vi = run_cli("resolve", "--from", str(_decisions_file(tmp_path / "d.csv", cases[2][0])), workspace=workspace.path)
    assert "Dòng 3" in vi.stderr and "action" in vi.stderr
