"""The tables declared in ``desktop/models`` are exactly the schema the migrations build."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.models import Base


@pytest.mark.fresh_migration
def test_models_match_the_migrated_schema(workspace):
    with workspace.db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # the certificates' substring index (FTS5 and its shadow tables) is no table of the models
    differences = [d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith("certificate_search"))]
    assert differences == []
    assert {"record_difference", "outbox_lease", "sync_state"} <= set(Base.metadata.tables)
    indexes = {i.name for i in Base.metadata.tables["certificate"].indexes}
    assert {"ix_certificate_issued_at", "ix_certificate_state"} <= indexes
