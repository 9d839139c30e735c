"""Indexes for finding people the way people ask: by phone, health-insurance number and vaccine
(migration 0009_search).

Phone numbers and insurance numbers are kept as the list wrote them ("0912 345 678",
"+84 912.345.678", "dn 479 7915165430"); the indexes are on their compact forms, written as SQL
text so that the queries in ``desktop.certificates.search`` use exactly the indexed expression.
"""

from __future__ import annotations

from sqlalchemy import ColumnClause, Index, literal_column

from desktop.models.records import VaccinationRecord

PHONE_DIGITS_SQL = ("replace(replace(replace(replace(replace(replace("
                    "phone, ' ', ''), '.', ''), '-', ''), '+', ''), '(', ''), ')', '')")
INSURANCE_COMPACT_SQL = "upper(replace(insurance_number, ' ', ''))"

PHONE_DIGITS: ColumnClause[str] = literal_column(PHONE_DIGITS_SQL)
INSURANCE_COMPACT: ColumnClause[str] = literal_column(INSURANCE_COMPACT_SQL)

PHONE_INDEX = Index("ix_record_phone_digits", PHONE_DIGITS)
INSURANCE_INDEX = Index("ix_record_insurance_compact", INSURANCE_COMPACT)
VACCINE_INDEX = Index("ix_record_vaccine_mp", VaccinationRecord.vaccine_mp)
