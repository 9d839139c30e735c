"""Migration 0015: on PostgreSQL a signed (matched) record has no entry in the state and batch indexes,
the queries that read those indexes still find their records through them, and SQLite is unchanged."""

from __future__ import annotations

import os

import cbor2
import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from desktop.db import Database
from desktop.importer.queries import RecordFilter, record_ids
from desktop.models import (
    INSURANCE_COMPACT,
    PHONE_DIGITS,
    Base,
    Certificate,
    SignedRecord,
    SigningBatch,
    VaccinationRecord,
)
from desktop.models.record_search import CERTIFIED_RECORDS
from desktop.registry.check import _to_check_query
from desktop.review.queue import NEEDS_DECISION, open_condition
from desktop.signing.batch import Selection, plan_batches, ready_condition, sign_ready
from desktop.signing.handler import ScriptedHandler
from desktop.signing.merkle import leaf_hash, verify_inclusion
from tests.pg import PG_ENV, scratch_database
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace

R = VaccinationRecord
SEARCH = ("ix_record_phone_digits", "ix_record_insurance_compact", "ix_record_vaccine_mp")
PARTIAL = ("ix_record_state", "ix_vaccination_record_batch_id", *SEARCH)


def on_postgres(test):
    marks = (pytest.mark.integration, pytest.mark.postgres,
             pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set"))
    for mark in marks:
        test = mark(test)
    return test


def _migrate_to(database: Database, revision: str, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config

    from desktop.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = database.engine
    (command.downgrade if down else command.upgrade)(config, revision)


def _pg_indexes(database: Database) -> dict[str, str]:
    with database.engine.connect() as c:
        return dict(c.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes "
                                      "WHERE tablename = 'vaccination_record'").all())


def _version_trigger_condition(database: Database) -> str | None:
    with database.engine.connect() as c:
        return c.exec_driver_sql("SELECT pg_get_triggerdef(oid) FROM pg_trigger "
                                 "WHERE tgname = 'vaccination_record_version'").scalar()


def _index_entries(url: str) -> dict[str, float]:
    """Entries of the partial indexes after a VACUUM (which counts them exactly)."""
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as c:
        c.execute("VACUUM vaccination_record")
        rows = c.execute("SELECT relname, reltuples FROM pg_class WHERE relname = ANY(%s)", (list(PARTIAL),))
        return dict(rows.fetchall())


def _uses(session, query, index: str) -> bool:
    compiled = query.compile(session.get_bind(), compile_kwargs={"render_postcompile": True})
    plan = session.connection().exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).all()
    return any(index in row[0] for row in plan)


@on_postgres
def test_signed_records_leave_the_partial_indexes_on_postgresql(tmp_path_factory, tmp_path):
    with scratch_database("signing") as url:
        ws = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
        try:
            ws.settings.set("database_url", url)
            ids = add_records(ws, 40)
            with ws.db.session() as s:  # records the review queue and the registry check look for
                s.execute(R.__table__.update().where(R.id.in_(ids[:3])).values(check_status="mismatch"))
                s.execute(R.__table__.update().where(R.id.in_(ids[3:5])).values(check_status="unchecked"))
            no_certificates = dict.fromkeys(SEARCH, 0)
            assert _index_entries(url) == {"ix_record_state": 5, "ix_vaccination_record_batch_id": 40,
                                           **no_certificates}
            [batch] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
            assert batch.records == 35
            # 35 matched records signed: in none of the five; the 5 open ones in the state and batch indexes
            assert _index_entries(url) == {"ix_record_state": 5, "ix_vaccination_record_batch_id": 5,
                                           **no_certificates}
            with ws.db.session() as s:  # the COPY text of the signed records: every proof leads to the root
                root = bytes.fromhex(s.scalar(select(SigningBatch.merkle_root)))
                rows = s.execute(select(SignedRecord.leaf_index, SignedRecord.attestation, SignedRecord.proof)).all()
                assert sorted(i for i, _a, _p in rows) == list(range(35))
                assert all(verify_inclusion(leaf_hash(att), i, 35, [bytes.fromhex(h) for h in proof], root)
                           for i, att, proof in rows)
                assert all(cbor2.loads(att)["record_key"] for _i, att, _p in rows)
                assert all(isinstance(proof, list) for _i, _a, proof in rows)  # text in the database, a list here
                with pytest.raises(Exception, match="immutable"):
                    with s.begin_nested():
                        s.execute(text("UPDATE signed_record SET proof = '[]'"))
            with ws.db.session() as s:
                assert s.scalar(select(func.count()).select_from(R).where(R.stage == "signed")) == 35
                assert sorted(s.scalars(select(R.version).where(R.stage == "signed"))) == [2] * 35  # one raise each
                s.execute(text("SET LOCAL enable_seqscan = off"))
                either = ("ix_record_state", "ix_vaccination_record_batch_id")
                queries = [
                    (("ix_vaccination_record_batch_id",), select(R.id).where(ready_condition())),
                    (("ix_vaccination_record_batch_id",), select(R.id).where(open_condition(), R.decision.is_(None))),
                    (either, _to_check_query(None)),
                    (("ix_record_state",),
                     select(func.count()).select_from(R).where(R.stage == "loaded", R.check_status == "unchecked")),
                    (("ix_record_state",), select(R.id).where(R.check_status.in_(NEEDS_DECISION))),
                    (("ix_record_state",), RecordFilter(status="mismatch").apply(select(R.id))),
                ]
                for indexes, query in queries:
                    assert any(_uses(s, query, index) for index in indexes), (indexes, str(query))
                assert [r.id for r in s.execute(_to_check_query(None))] == ids[3:5]
                assert sorted(record_ids(s, RecordFilter(status="mismatch"))) == ids[:3]
                assert plan_batches(s, ws.settings, Selection())[0] == []
        finally:
            ws.close()


def _proof_column_type(database: Database) -> str:
    with database.engine.connect() as c:
        return str(c.exec_driver_sql("SELECT data_type FROM information_schema.columns "
                                     "WHERE table_name = 'signed_record' AND column_name = 'proof'").scalar())


def _partial_and_trigger(database: Database) -> tuple[dict[str, bool], bool]:
    indexes = _pg_indexes(database)
    trigger = _version_trigger_condition(database) or ""
    return {name: " WHERE " in indexes[name] for name in PARTIAL}, "WHEN" in trigger


@on_postgres
def test_migration_0015_on_postgresql_goes_down_and_up():
    with scratch_database("vaxdesk_m0015") as url:
        database = Database(url)
        try:
            database.migrate()
            assert _partial_and_trigger(database) == ({n: True for n in PARTIAL}, True)
            with database.engine.connect() as connection:  # the models say what the migrations built
                differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            assert [d for d in differences if "vaccination_record" in repr(d) or "signed_record" in repr(d)] == []
            assert _proof_column_type(database) == "text"
            _migrate_to(database, "0014", down=True)
            assert _partial_and_trigger(database) == ({n: False for n in PARTIAL}, False)
            assert _proof_column_type(database) == "json"
            _migrate_to(database, "heads")
            assert _partial_and_trigger(database) == ({n: True for n in PARTIAL}, True)
        finally:
            database.dispose()


def _sqlite_indexes(database: Database) -> dict[str, str]:
    with database.engine.connect() as c:
        return dict(c.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                      "AND tbl_name = 'vaccination_record' AND sql IS NOT NULL").all())


@pytest.mark.fresh_migration
def test_migration_0015_leaves_sqlite_as_it_was(workspace):
    database = workspace.db
    now = _sqlite_indexes(database)
    assert set(PARTIAL) <= set(now) and not any(" WHERE " in now[name].upper() for name in PARTIAL)
    _migrate_to(database, "0014", down=True)
    assert _sqlite_indexes(database) == now
    _migrate_to(database, "heads")
    assert _sqlite_indexes(database) == now


@on_postgres
def test_certificates_are_found_by_phone_insurance_and_vaccine_through_the_partial_indexes(tmp_path):
    from desktop.certificates.search import SearchFilters, search
    from desktop.workspace import Workspace
    from tests.unit.certificates.factory import add_people, make_issuer

    with scratch_database("certificates") as url:
        ws = Workspace.open(tmp_path / "ws")
        try:
            ws.settings.set("database_url", url)
            people = add_people(ws, make_issuer())
            loaded = add_records(ws, 3)  # not certified yet: in none of the three indexes
            with ws.db.session() as s:
                s.execute(R.__table__.update().where(R.id.in_(loaded)).values(phone="0912 345 678"))
                for cert_id, phone, insurance in zip(people[:2], ("0912 345 678", "+84 903.111.222"),
                                                     ("DN4797915165430", "hc 479 7900000001"), strict=True):
                    record = s.get(R, s.get(Certificate, cert_id).record_id)
                    record.phone, record.insurance_number = phone, insurance
                    if phone.startswith("+"):
                        record.stage = "revoked"  # a revoked certificate is still found
            assert _index_entries(url) == {"ix_record_state": 0, "ix_vaccination_record_batch_id": 3,
                                           "ix_record_phone_digits": 5, "ix_record_insurance_compact": 5,
                                           "ix_record_vaccine_mp": 5}
            with ws.db.session() as s:
                def names(**filters):
                    return sorted(c.full_name for c in search(s, "", filters=SearchFilters(**filters)))

                assert names(phone="0912345678") == ["Nguyễn Thị Hồng Nhung"]
                assert names(phone="0903111222") == ["Đặng Văn Đức"]
                assert names(insurance_number="7915165430") == ["Nguyễn Thị Hồng Nhung"]
                assert len(names(vaccine="Pfizer")) == 5
                s.execute(text("SET LOCAL enable_seqscan = off"))
                for index, clause in (("ix_record_phone_digits", PHONE_DIGITS == "0912345678"),
                                      ("ix_record_insurance_compact", INSURANCE_COMPACT >= "DN47"),
                                      ("ix_record_vaccine_mp", R.vaccine_mp == "EU/1/20/1528")):
                    assert _uses(s, select(R.id).where(clause, CERTIFIED_RECORDS), index), index
        finally:
            ws.close()
