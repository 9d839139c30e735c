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


# -- finding people by phone, insurance number, list, vaccine and dates ---------------------------

CONTACTS = [  # as lists write them, in NAMES order
    ("0912 345 678", "DN4797915165430", "2021-09-01"),
    ("+84 903.111.222", "hc 479 7900000001", "2021-09-03"),
    ("912345679", "GD4010012345678", "2021-09-05"),
    ("(024) 3869 1234", "", "2021-09-07"),
    ("", "DN4797915165431", "2021-09-09"),
]


@pytest.fixture
def contacts(workspace, people):
    from desktop.models import DailyList, VaccinationRecord

    with workspace.db.session() as session:
        lists = [DailyList(file_name=f"ds-{i}.xlsx", file_sha256=f"{i:064d}", layout="pl1") for i in (1, 2)]
        session.add_all(lists)
        session.flush()
        for index, (cert_id, (phone, insurance, day)) in enumerate(zip(people, CONTACTS, strict=True)):
            cert = session.get(Certificate, cert_id)
            cert.vaccination_date = day
            record = session.get(VaccinationRecord, cert.record_id)
            record.phone, record.insurance_number, record.vaccination_date = phone, insurance, day
            record.list_id = lists[index % 2].id
            if index == 4:
                record.vaccine_name, record.vaccine_mp = "Moderna", "EU/1/20/1507"
        return [dl.id for dl in lists]


def found(workspace, text="", **filters):
    from desktop.certificates.search import SearchFilters

    with workspace.db.session() as session:
        return sorted(r.full_name for r in search(session, text, filters=SearchFilters(**filters)))


@pytest.mark.parametrize("typed", ["0912345678", "0912 345 678", "+84912345678", "84 912-345-678", "912345678"])
def test_phone_in_any_form_finds_the_person(workspace, contacts, typed):
    assert found(workspace, phone=typed) == ["Nguyễn Thị Hồng Nhung"]


def test_phone_typed_in_the_search_box(workspace, contacts):
    assert parse_query("0903 111 222").kind == "phone"
    assert names(workspace, "0903 111 222") == ["Đặng Văn Đức"]
    assert names(workspace, "+84 912 345 679") == ["Trần Bảo Duy"]


def test_phone_prefix_and_landline(workspace, contacts):
    assert found(workspace, phone="0912") == ["Nguyễn Thị Hồng Nhung", "Trần Bảo Duy"]
    assert found(workspace, phone="024 3869 1234") == ["Lê Thị Thuý"]
    with pytest.raises(UserError) as err:
        found(workspace, phone="09")
    assert err.value.code == "bad_phone"


def test_insurance_number(workspace, contacts):
    assert parse_query("DN4797915165430").kind == "insurance"
    assert names(workspace, "DN4797915165430") == ["Nguyễn Thị Hồng Nhung"]
    assert found(workspace, insurance_number="dn479791516543") == ["Nguyễn Thị Hồng Nhung", "Phạm Quốc Hưng"]
    assert found(workspace, insurance_number="HC4797900000001") == ["Đặng Văn Đức"]
    assert found(workspace, insurance_number="7900000001") == ["Đặng Văn Đức"]  # the social-insurance number


def test_list_vaccine_and_dates_combine_with_text(workspace, contacts):
    first, second = contacts
    assert found(workspace, list_id=first) == ["Nguyễn Thị Hồng Nhung", "Phạm Quốc Hưng", "Trần Bảo Duy"]
    assert found(workspace, "thi", list_id=first) == ["Nguyễn Thị Hồng Nhung"]
    assert found(workspace, vaccine="Moderna") == ["Phạm Quốc Hưng"]
    assert found(workspace, vaccine="EU/1/20/1528", list_id=first) == ["Nguyễn Thị Hồng Nhung", "Trần Bảo Duy"]
    assert found(workspace, date_from="03/09/2021", date_to="2021-09-07") == [
        "Lê Thị Thuý", "Trần Bảo Duy", "Đặng Văn Đức"]
    assert found(workspace, date_from="2021-09-05") == ["Lê Thị Thuý", "Phạm Quốc Hưng", "Trần Bảo Duy"]
    assert found(workspace, "079", date_to="2021-09-02") == []
    assert found(workspace, phone="0912", date_from="2021-09-02", list_id=first) == ["Trần Bảo Duy"]
    with pytest.raises(UserError) as err:
        found(workspace, vaccine="Sputnik Z")
    assert err.value.code == "unknown_vaccine"
    with pytest.raises(UserError) as err:
        found(workspace, date_from="2021-09-05", date_to="2021-09-01")
    assert err.value.code == "bad_period"


def test_phone_and_insurance_searches_use_their_indexes(workspace, contacts):
    from sqlalchemy import text as sql

    from desktop.certificates.search import SearchFilters, search_statement

    with workspace.db.session() as session:
        for filters, index in ((SearchFilters(phone="0912345678"), "ix_record_phone_digits"),
                               (SearchFilters(phone="0912"), "ix_record_phone_digits"),
                               (SearchFilters(insurance_number="DN479"), "ix_record_insurance_compact")):
            compiled = search_statement("", filters=filters).compile(
                dialect=session.bind.dialect, compile_kwargs={"literal_binds": True})
            plan = " ".join(str(row[-1]) for row in session.execute(sql(f"EXPLAIN QUERY PLAN {compiled}")))
            assert index in plan, plan


def test_command_line_filters(workspace, contacts):
    from tests.helpers import run_cli

    first, _second = contacts
    result = run_cli("--json", "certificates", "--phone", "+84 912 345 678", workspace=workspace.path)
    assert result.code == 0, result.stderr
    assert [i["full_name"] for i in result.json] == ["Nguyễn Thị Hồng Nhung"]
    result = run_cli("--json", "certificates", "--list", str(first), "--vaccine", "Pfizer", "--from", "02/09/2021",
                     workspace=workspace.path)
    assert [i["full_name"] for i in result.json] == ["Trần Bảo Duy"]
    refused = run_cli("certificates", "--vaccine", "Sputnik Z", workspace=workspace.path)
    assert refused.code == 1 and "Sputnik Z" in refused.stderr


def test_ten_digits_find_a_phone_or_the_start_of_an_id_number(workspace, contacts):
    assert parse_query("0312010045").kind == "phone"
    assert names(workspace, "0312010045") == ["Trần Bảo Duy"]  # ID 031201004567 being typed
