"""Indexes for finding people the way people ask: by phone, health-insurance number and vaccine
(migration 0009_search).

Phone numbers and insurance numbers are kept as the list wrote them ("0912 345 678",
"+84 912.345.678", "dn 479 7915165430"); the indexes are on their compact forms, written as SQL
text so that the queries in ``desktop.certificates.search`` use exactly the indexed expression.
"""

from __future__ import annotations

from sqlalchemy import ColumnClause, Index, literal_column, text

from desktop.models.records import VaccinationRecord

PHONE_DIGITS_SQL = ("replace(replace(replace(replace(replace(replace("
                    "phone, ' ', ''), '.', ''), '-', ''), '+', ''), '(', ''), ')', '')")
INSURANCE_COMPACT_SQL = "upper(replace(insurance_number, ' ', ''))"

PHONE_DIGITS: ColumnClause[str] = literal_column(PHONE_DIGITS_SQL)
INSURANCE_COMPACT: ColumnClause[str] = literal_column(INSURANCE_COMPACT_SQL)

# The certificates' records: a record gets a certificate when it becomes "certified" and never goes
# back to "loaded" or "signed". On PostgreSQL the three indexes hold these records only (migration
# 0015), so importing, checking and signing a record write no entry in them; the search repeats the
# condition (``desktop.certificates.search``) so that it can read them.
CERTIFIED_SQL = "stage NOT IN ('loaded', 'signed')"
CERTIFIED_RECORDS: ColumnClause[bool] = literal_column(f"vaccination_record.{CERTIFIED_SQL}")

PHONE_INDEX = Index("ix_record_phone_digits", PHONE_DIGITS, postgresql_where=text(CERTIFIED_SQL))
INSURANCE_INDEX = Index("ix_record_insurance_compact", INSURANCE_COMPACT, postgresql_where=text(CERTIFIED_SQL))
VACCINE_INDEX = Index("ix_record_vaccine_mp", VaccinationRecord.vaccine_mp, postgresql_where=text(CERTIFIED_SQL))
