"""Tables as SQLAlchemy Core ``Table`` objects, for the paths that run without the ORM.

Signing in (``user_account``, ``audit_event``) and listing records (``vaccination_record``) are what
every command starts with; the ORM (``sqlalchemy.orm`` and the mappers of the classes) costs more to
load than the command's own work, so these paths use the tables alone, on a Core connection
(``Database.connect``). The ORM classes in ``desktop/models/`` map the very same ``Table`` objects
(``__table__``), so there is one definition of each table and one schema.
"""
