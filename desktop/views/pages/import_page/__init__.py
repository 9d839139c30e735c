"""Import page: preview and check a list, load it, correct its rejected rows in place."""

from __future__ import annotations

from desktop.views.pages.import_page.page import STATE_FILTERS, ImportPage, create_page

__all__ = ["ImportPage", "STATE_FILTERS", "create_page"]
