"""The newest page of a search (``search_page``) holds exactly the newest of ``search_ids``' matches,
whichever way it is read: the trigram index, the state index or the table in id order."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, text

import desktop.certificates.search as search_module
from desktop.certificates.search import SearchFilters, find_page, search_ids, search_page
from desktop.models import Certificate
from desktop.text import fold
from desktop.workspace import Workspace
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture
from tests.unit.certificates.factory import add_certificate, make_hc1, new_batch

FAMILY = ["Nguyễn", "Trần", "Đặng", "Ngô", "Lê"]
MIDDLE = ["Thị", "Bảo", "Văn"]
GIVEN = ["Nhung", "Yến", "Hưng", "An", "Đức"]
QUERIES = ["", "nhung", "dang thi yen", "Ngô Bảo Hưng", "an", "th an", "hung ngo", "ng", "zzz", "yến đặng",
           "01/09/2021", "0791", "%", "\"nhung", "000042", "079100000007", "00042"]
STATES = [None, "valid", "new", "expiring", "expired", "revoked", "superseded"]


@pytest.fixture
def crowd(workspace, issuer):
    return fill(workspace, issuer)


def fill(workspace, issuer):
    """75 certificates (every name), some printed, revoked, expiring or expired."""
    now = datetime.now(UTC)
    hc1 = make_hc1(issuer, "X", "1980-01-01")
    with workspace.db.session() as session:
        batch_id = new_batch(session, count=75)
        for n, (f, m, g) in enumerate(itertools.product(FAMILY, MIDDLE, GIVEN)):
            cert = add_certificate(session, issuer, f"{f} {m} {g}", "1980-01-01", id_number=f"0791{n:08d}",
                                   batch_id=batch_id, hc1=(hc1[0], f"URN:UVCI:01:VN:{n:04d}ABCDEF{n:06d}"))
            if n % 7 == 0:
                cert.printed_count = 1
            if n % 11 == 0:
                cert.status = "revoked"
            if n % 13 == 0:
                cert.expires_at = now + timedelta(days=5)
            if n % 17 == 0:
                cert.expires_at = now - timedelta(days=5)
    return now


def pages(session, text, status, limit, **kwargs):
    ids, before = [], None
    while True:
        page = search_page(session, text, status, limit=limit, before=before, **kwargs)
        ids += page.ids
        assert page.more == (page.total is None)
        if not page.more:
            assert page.total is None or page.total == len(page.ids)
            return ids
        assert len(page.ids) == limit
        before = page.ids[-1]


@pytest.mark.parametrize("sparse", [0, 1000])
def test_every_page_is_the_newest_of_all_matches(workspace, crowd, monkeypatch, sparse):
    monkeypatch.setattr(search_module, "SPARSE", sparse)  # the state index path, or the id-order walk
    with workspace.db.session() as session:
        for text, status in itertools.product(QUERIES, STATES):
            every = search_ids(session, text, status, now=crowd)
            for limit in (4, 1000):
                assert pages(session, text, status, limit, now=crowd) == every, (text, status, limit)
            assert search_ids(session, text, status, limit=3, now=crowd) == every[:3]
        assert len(search_ids(session, "nhung")) == 15
        tail = search_ids(session, "ABCDEF000042")
        assert len(tail) == 1 and session.get(Certificate, tail[0]).uvci.endswith("ABCDEF000042")


def test_filters_and_scope_combine_with_the_page(workspace, crowd):
    filters = SearchFilters(date_from="01/09/2021", date_to="01/09/2021")
    with workspace.db.session() as session:
        every = search_ids(session, "thi", "valid", filters=filters)
        assert every and pages(session, "thi", "valid", 2, filters=filters) == every
    page = find_page(workspace, "thi", "valid", filters=filters, limit=2)
    assert page.ids == every[:2] and page.more


def test_the_trigram_index_follows_changes_of_names(workspace, crowd, issuer):
    with workspace.db.session() as session:
        cert = add_certificate(session, issuer, "Vương Thừa Lộc", "1980-01-01", id_number="001001001001")
        new_id = cert.id
    assert find_page(workspace, "vuong thua").ids == [new_id]
    with workspace.db.session() as session:
        cert = session.get(Certificate, new_id)
        cert.full_name, cert.name_folded = "Vương Thừa Khải", fold("Vương Thừa Khải")
    assert find_page(workspace, "thua loc").ids == []
    assert find_page(workspace, "thua khai").ids == [new_id]
    with workspace.db.session() as session:
        session.execute(delete(Certificate).where(Certificate.id == new_id))
    assert find_page(workspace, "thua khai").ids == []


def _digit_tails(session, issuer):
    """Certificates whose UVCI ends in digits: one like another's ID number, one like a phone number."""
    hc1 = make_hc1(issuer, "X", "1980-01-01")[0]
    like_id = add_certificate(session, issuer, "Lý Thu", "1980-01-01", id_number="001001001001",
                              hc1=(hc1, "URN:UVCI:01:VN:AAAABBBBCCCCDDDDEEEE079100000007"))
    like_phone = add_certificate(session, issuer, "Lý Hà", "1980-01-01", id_number="001001001002",
                                 hc1=(hc1, "URN:UVCI:01:VN:AAAABBBBCCCCDDDDEEEEFF0912345678"))
    return like_id.id, like_phone.id


def test_a_uvci_tail_of_digits_is_found_beside_id_numbers(workspace, crowd, issuer):
    with workspace.db.session() as session:
        like_id, like_phone = _digit_tails(session, issuer)
        by_id = session.execute(select(Certificate.id).where(Certificate.id_number == "079100000007")).scalar_one()
        tail = search_ids(session, "000042")
        assert len(tail) == 1 and session.get(Certificate, tail[0]).uvci.endswith("ABCDEF000042")
        assert search_ids(session, "079100000007") == sorted([like_id, by_id], reverse=True)
        assert pages(session, "079100000007", None, 1) == [like_id, by_id]
        assert pages(session, "079100000007", "valid", 1, now=crowd) == [like_id, by_id]
        assert search_ids(session, "0912 345 678") == [like_phone]  # read as a phone number, found as a tail
        assert search_ids(session, "0079") == []  # under six digits: an ID-number prefix only
        typed = search_ids(session, "07910000000")  # an ID number being typed: still every ID by prefix
        assert len(typed) == 11 and typed[0] == like_id and by_id in typed


@pytest.mark.integration
@POSTGRES[0]
@POSTGRES[1]
def test_postgresql_pages_and_trigram_indexes(tmp_path, issuer, pg_url):
    workspace = Workspace.open(tmp_path / "ws")
    try:
        workspace.settings.set("database_url", pg_url)
        now = fill(workspace, issuer)
        with workspace.db.session() as session:
            indexes = set(session.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'certificate'"))
                          .scalars())
            assert {"ix_certificate_name_trgm", "ix_certificate_uvci_trgm", "ix_certificate_valid_expiry"} <= indexes
            for text_, status in itertools.product(QUERIES, [None, "new", "expiring", "revoked"]):
                assert pages(session, text_, status, 4, now=now) == search_ids(session, text_, status, now=now)
            like_id, like_phone = _digit_tails(session, issuer)
            assert len(search_ids(session, "000042")) == 1
            assert pages(session, "079100000007", None, 1)[0] == like_id
            assert len(search_ids(session, "079100000007")) == 2
            assert search_ids(session, "0912345678") == [like_phone]
    finally:
        workspace.close()
