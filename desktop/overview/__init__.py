"""Today's picture: where every record stands, per list and per day, and what to do next.

Each record is in exactly one state on its way to a certificate:
``loaded`` (not yet checked against the registry), ``needs_review`` (a mismatch waiting for a clerk's
decision, or deferred), ``ready_to_sign``, ``signed`` (not yet sent), ``sent`` (waiting for the central
service), ``certified`` and ``rejected`` (by the clerk or by the central service). Superseded and
revoked records are history and are not counted.
"""

from desktop.overview.picture import (
    STATES,
    DayRow,
    ListRow,
    NextAction,
    Picture,
    next_action,
    record_ids,
    state_clause,
    state_label,
    todays_picture,
)

__all__ = [
    "STATES", "DayRow", "ListRow", "NextAction", "Picture", "next_action", "record_ids", "state_clause",
    "state_label", "todays_picture",
]
