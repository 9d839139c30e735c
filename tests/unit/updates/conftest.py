from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _bundled_data_afterwards():
    """Tests after these read the bundled value sets and vaccine table again, whatever was applied."""
    yield
    from desktop.dcc._resources import set_override
    from desktop.updates import activation, store

    set_override(None)
    store._active = None
    activation._engaged = False
    store._forget_loaded_data()
