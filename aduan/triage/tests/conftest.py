"""Triage test fixtures: the committed model, loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def model():
    from aduan.triage.model import get_model

    return get_model()


@pytest.fixture(autouse=True)
def _fresh_gazetteer():
    """Aliases added by one test must not leak into the next through the cache."""
    from aduan.triage.places import gazetteer_cache_clear

    gazetteer_cache_clear()
    yield
    gazetteer_cache_clear()
