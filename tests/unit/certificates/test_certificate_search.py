from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from desktop.certificates.search import parse_query, search, search_ids
from desktop.errors import UserError
from desktop.models import Certificate
from desktop.text import fold


def test_fold_name_removes_marks_and_maps_d():
    assert fold("Đặng Văn Đức") == "dang van duc"
    assert fold(unicodedata.normalize("NFD", "Nguyễn Thị  Hồng Nhung ")) == "nguyen thi hong nhung"


@pytest.mark.parametrize("text,kind,value", [
    ("", "all", ""),
    ("01/09/2021", "date", "2021-09-01"),
    ("2021-09-01", "date", "2021-09-01"),
    ("001190012345", "id_number", "001190012345"),
    ("0011900", "id_number", "0011900"),
    ("URN:UVCI:01:VN:ABC", "uvci", "URN:UVCI:01:VN:ABC"),
    ("62da633f", "uvci", "62DA633F"),
    ("Nguyễn Nhung", "name", "nguyen nhung"),
    ("dang van duc", "name", "dang van duc"),
])
def test_parse_query(text, kind, value):
    parsed = parse_query(text)
    assert (parsed.kind, parsed.value) == (kind, value)


def test_bad_date_is_refused_with_the_text():
    with pytest.raises(UserError) as err:
        parse_query("31/02/2021")
    assert "31/02/2021" in err.value.message.en


def names(workspace, text, status=None):
    with workspace.db.session() as session:
        return [r.full_name for r in search(session, text, status)]


@pytest.mark.parametrize("query", ["Đặng Văn Đức", "dang van duc", "DANG VAN DUC", "đức", "duc dang",
                                   unicodedata.normalize("NFD", "Đặng Văn Đức")])
def test_name_search_with_or_without_diacritics(workspace, people, query):
    assert names(workspace, query) == ["Đặng Văn Đức"]


def test_name_search_matches_middle_names(workspace, people):
    assert names(workspace, "thi") == ["Lê Thị Thuý", "Nguyễn Thị Hồng Nhung"]


def test_id_number_prefix_and_uvci_and_date(workspace, people):
    assert names(workspace, "079085") == ["Đặng Văn Đức"]
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[2])
        uvci = cert.uvci
    assert names(workspace, uvci) == ["Trần Bảo Duy"]
    assert names(workspace, uvci[15:27].lower()) == ["Trần Bảo Duy"]
    assert len(names(workspace, "01/09/2021")) == 5
    assert names(workspace, "02/09/2021") == []


def test_like_wildcards_in_query_are_literal(workspace, people):
    assert names(workspace, "%") == []
    assert names(workspace, "_") == []


def test_status_filters(workspace, people):
    now = datetime.now(UTC)
    with workspace.db.session() as session:
        session.get(Certificate, people[0]).status = "revoked"
        session.get(Certificate, people[1]).printed_count = 2
        session.get(Certificate, people[2]).expires_at = now - timedelta(days=1)
        session.get(Certificate, people[3]).expires_at = now + timedelta(days=10)
    assert names(workspace, "", "revoked") == ["Nguyễn Thị Hồng Nhung"]
    assert names(workspace, "", "expired") == ["Trần Bảo Duy"]
    assert names(workspace, "", "expiring") == ["Lê Thị Thuý"]
    assert set(names(workspace, "", "new")) == {"Lê Thị Thuý", "Phạm Quốc Hưng"}  # expired is not "new"
    assert set(names(workspace, "", "valid")) == {"Đặng Văn Đức", "Lê Thị Thuý", "Phạm Quốc Hưng"}
    with pytest.raises(UserError):
        names(workspace, "", "lost")


def test_newest_first_and_limit(workspace, people):
    with workspace.db.session() as session:
        assert search_ids(session) == sorted(people, reverse=True)
        assert search_ids(session, limit=2) == sorted(people, reverse=True)[:2]
