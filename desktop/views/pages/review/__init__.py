"""The Review page (a workbench: the queue grid beside the record's card), its Edit form and what they show."""

from desktop.views.pages.review.dialogs import EditDialog, ask_edit
from desktop.views.pages.review.page import ReviewPage, create_page

__all__ = ["create_page", "ReviewPage", "EditDialog", "ask_edit"]
