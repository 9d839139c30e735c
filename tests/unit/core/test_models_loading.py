"""Models load by module: a command builds only the mappers it uses, and every flush still finds its tables."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_accounts_alone_do_not_build_the_records_tables():
    out = _run("""
        import sys
        from desktop.models import User, AuditEvent
        print(sorted(m for m in sys.modules if m.startswith("desktop.models.")))
    """)
    assert out == ("['desktop.models.accounts', 'desktop.models.audit', 'desktop.models.base', "
                   "'desktop.models.tables', 'desktop.models.tables.accounts', 'desktop.models.tables.audit', "
                   "'desktop.models.tables.base']")


def test_base_from_the_package_holds_the_whole_schema():
    out = _run("""
        from desktop.models import Base
        print(len(Base.metadata.tables))
    """)
    assert int(out) == 14


def test_records_alone_can_be_written(workspace):
    assert workspace.db is not None  # migrated here: the process below opens a workspace already at the newest schema
    out = _run(f"""
        import sys
        from desktop.workspace import Workspace
        from desktop.models.records import DailyList, VaccinationRecord
        ws = Workspace.open({str(workspace.path)!r})
        with ws.db.session() as session:
            daily = DailyList(file_name="a.csv", file_sha256="0" * 64, layout="pl1")
            session.add(daily)
            session.flush()
            session.add(VaccinationRecord(list_id=daily.id, source_row=2, full_name="A", date_of_birth="1990-01-01",
                                          sex="M", vaccine_name="Comirnaty", vaccine_mp="EU/1/20/1528",
                                          vaccine_ma="ORG-100030215", vaccine_vp="J07BX03", lot="L1", dose_number=1,
                                          dn=1, sd=2, vaccination_date="2021-09-01"))
        with ws.db.session() as session:
            record = session.query(VaccinationRecord).one()
            record.stage = "loaded"
            record.full_name = "B"
        ws.close()
        print("desktop.models.certificates" in sys.modules)
    """)
    assert out == "False"
