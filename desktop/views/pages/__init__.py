"""Pages of the main window; each module exposes ``create_page(ctx)``."""
