"""The queue and records listings the command line prints: core entry points returning frozen dataclasses."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.importer.listing import list_records
from desktop.importer.queries import LIST_COLUMNS, RecordFilter
from desktop.review.queue import LISTING_COLUMNS, queue_counts, queue_listing
from tests.helpers import run_cli
from tests.unit.registry.factory import add_checked, citizen

AN = citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M")


def _checked(workspace):
    return add_checked(workspace, [
        (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
        (("Nguyễn Văn An", "1990-05-12", "M", "001090012345"), AN),
        (("Le Van Binh", "1970-01-01", "M", "001070012399"), None),
    ])


def test_queue_listing_is_what_review_prints(workspace):
    accents, _matched, missing = _checked(workspace)
    listing = queue_listing(workspace)
    assert [r["record_id"] for r in listing.records] == [accents, missing]
    assert all(tuple(r) == LISTING_COLUMNS for r in listing.records)
    assert listing.records[0]["central_reason"] == "" and listing.records[1]["status"] == "not_found"
    assert dict(listing.counts) == queue_counts(workspace)
    with pytest.raises(dataclasses.FrozenInstanceError):
        listing.records = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        listing.records[0]["decision"] = "defer"  # type: ignore[index]
    assert [r["record_id"] for r in queue_listing(workspace, kind="name:accents", limit=1).records] == [accents]
    printed = run_cli("--json", "review", workspace=workspace.path).json
    assert printed == listing.as_dict()


def test_records_listing_counts_all_and_masks_when_asked(workspace):
    ids = _checked(workspace)
    listing = list_records(workspace, RecordFilter(), limit=2, mask_ids=True)
    assert (listing.total, listing.shown) == (3, 2)
    assert all(tuple(r) == LIST_COLUMNS for r in listing.records)
    assert all(r["id_number"] != "001090012345" and r["id_number"].endswith("45") and "*" in r["id_number"] for r in listing.records)
    assert list_records(workspace, RecordFilter(status="not_found")).as_dict()["records"][0]["id"] == ids[2]
    printed = run_cli("--json", "records", "--limit", "2", "--mask-ids", workspace=workspace.path).json
    assert printed == listing.as_dict()
