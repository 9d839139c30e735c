"""Alembic environment: runs on the engine handed over by ``desktop.db.Database.migrate``."""

from alembic import context

from desktop.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    from desktop.db import make_engine

    url = config.get_main_option("sqlalchemy.url")
    assert url is not None, "alembic needs sqlalchemy.url or an engine"
    engine = make_engine(url)

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
