"""Clerk decisions on checked records (resolve, undo, bulk) and the review queue."""

from desktop.review.decisions import bulk_resolve, count_affected, resolve, undo_last
from desktop.review.queue import queue_counts, queue_ids, review_item

__all__ = ["resolve", "undo_last", "bulk_resolve", "count_affected", "queue_ids", "queue_counts", "review_item"]
