"""Two clerks decide the same record: the second is told who decided what and when; nothing is overwritten."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.models import Decision, VaccinationRecord
from desktop.review import resolve
from desktop.review.queue import review_item
from desktop.workspace import Workspace
from tests.integration.workstations.shared import workstations
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture
from tests.unit.registry.factory import add_checked, citizen

pytestmark = [pytest.mark.integration]

AN = citizen("001090012345", None, "Nguyễn Văn An", "1990-05-12", "M")


def _mismatch(ws: Workspace) -> int:
    return add_checked(ws, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN)])[0]


def _decisions(ws: Workspace, record_id: int) -> list[tuple[str, str]]:
    with ws.db.session() as session:
        return [(d.actor, d.action) for d in session.scalars(
            select(Decision).where(Decision.record_id == record_id).order_by(Decision.id))]


def test_versions_go_up_by_one_with_each_change(workspace):
    record_id = _mismatch(workspace)
    seen = review_item(workspace, record_id)
    assert seen["version"] == 2  # loaded (1), checked (2)
    after = resolve(workspace, record_id, "defer", "", "lan", version=seen["version"])
    assert after["version"] == 3 == review_item(workspace, record_id)["version"]
    with workspace.db.session() as session:
        session.get(VaccinationRecord, record_id).lot = "FK9999"  # any change, by any code
    assert review_item(workspace, record_id)["version"] == 4


def test_the_second_clerk_is_told_and_nothing_is_overwritten(workspace):
    record_id = _mismatch(workspace)
    lan = review_item(workspace, record_id)
    minh = review_item(workspace, record_id)
    resolve(workspace, record_id, "reject", "hồ sơ trùng", "lan", version=lan["version"])
    with pytest.raises(UserError) as refused:
        resolve(workspace, record_id, "accept_registry", "", "minh", version=minh["version"])
    error = refused.value
    assert error.code == "record_changed"
    assert error.details["decided_by"] == "lan" and error.details["action"] == "reject"
    assert error.details["seen_version"] == minh["version"] and error.details["version"] == minh["version"] + 1
    assert "lan" in error.message.en and "Reject" in error.message.en and "hồ sơ trùng" in error.message.en
    assert "lan" in error.message.vi and "Loại khỏi ký số" in error.message.vi
    when = datetime.fromisoformat(error.details["at"]).astimezone().strftime("%H:%M:%S %d/%m/%Y")
    assert when in error.message.en and when in error.message.vi
    assert _decisions(workspace, record_id) == [("lan", "reject")]
    fresh = review_item(workspace, record_id)
    assert fresh["decision"] == "reject"
    # seen again, the record can be decided
    assert resolve(workspace, record_id, "keep_list", "CCCD gốc đã xem", "minh", version=fresh["version"])["decision"] \
        == "keep_list"


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=POSTGRES)])
def test_two_workstations_decide_at_the_same_moment(tmp_path, request, engine):
    url = request.getfixturevalue("pg_url") if engine == "postgresql" else f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    pc1, pc2 = (Workspace.open(folder) for folder in workstations(tmp_path, url))
    try:
        record_id = _mismatch(pc1)
        version = review_item(pc1, record_id)["version"]
        start = threading.Barrier(2)
        outcomes: dict[str, object] = {}

        def clerk(ws: Workspace, name: str, action: str) -> None:
            start.wait()
            try:
                outcomes[name] = resolve(ws, record_id, action, "đã đối chiếu", name, version=version)
            except UserError as exc:
                outcomes[name] = exc

        threads = [threading.Thread(target=clerk, args=(pc1, "lan", "keep_list")),
                   threading.Thread(target=clerk, args=(pc2, "minh", "reject"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        refused = {name: out for name, out in outcomes.items() if isinstance(out, UserError)}
        assert len(refused) == 1, outcomes
        (loser, error), = refused.items()
        winner = "minh" if loser == "lan" else "lan"
        assert error.code == "record_changed" and error.details["decided_by"] == winner
        assert [actor for actor, _ in _decisions(pc2, record_id)] == [winner]
        with pc2.db.session() as session:
            assert session.scalar(select(func.count()).select_from(Decision)) == 1
    finally:
        pc1.close()
        pc2.close()


def test_the_command_line_refuses_a_stale_version(workspace):
    from tests.helpers import run_cli

    record_id = _mismatch(workspace)
    seen = review_item(workspace, record_id)["version"]
    resolve(workspace, record_id, "defer", "", "lan", version=seen)
    workspace.close()
    refused = run_cli("--json", "resolve", str(record_id), "--action", "reject", "--reason", "trùng",
                      "--seen-version", str(seen), workspace=workspace.path)
    assert refused.code == 1 and refused.json["error"]["code"] == "record_changed"
    assert refused.json["error"]["details"]["decided_by"] == "lan"
    done = run_cli("--json", "resolve", str(record_id), "--action", "reject", "--reason", "trùng",
                   "--seen-version", str(seen + 1), workspace=workspace.path)
    assert done.code == 0, done.stderr
    assert done.json["version"] == seen + 2
