from __future__ import annotations

import pytest
from django.core.cache import cache

from aduan.open311.tests.conftest import Flow

NAME, PHONE, EMAIL = "Siti Aminah", "0812-1111-2222", "siti@example.org"
#: A description full of personal data: the reporter's own and others'.
LEAKY = (
    "Saya Siti Aminah (WA 0812-1111-2222, siti@example.org), NIK 3375012345670001. "
    "Truk G 1234 AB milik tetangga menutup jalan di depan rumah sejak seminggu."
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Statistics and rate limits live in the cache: every test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def flow(people) -> Flow:
    return Flow(people)
