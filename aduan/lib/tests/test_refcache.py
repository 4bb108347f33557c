"""Reference data cached per process: kept for its seconds, dropped when its rows change,
never left stale by a rolled-back change."""

from __future__ import annotations

import pytest
from django.db import transaction

from aduan.lib import refcache
from aduan.organisation.models import Area
from aduan.organisation.selectors import area_resolve

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(refcache, "_clock", lambda: now[0])
    return now


def test_a_value_is_kept_for_its_seconds_then_read_again(clock):
    cache: refcache.LocalCache[int] = refcache.LocalCache("t", seconds=5, invalidated_by=())
    loads = []

    def load() -> int:
        loads.append(1)
        return len(loads)

    assert cache.get("k", load) == 1
    clock[0] += 4
    assert cache.get("k", load) == 1
    clock[0] += 2
    assert cache.get("k", load) == 2


def test_areas_cost_no_query_until_one_changes(pekalongan, django_assert_num_queries, clock):
    assert area_resolve(jurisdiction=pekalongan, text="Kauman") is not None
    with django_assert_num_queries(0):
        assert area_resolve(jurisdiction=pekalongan, text="kel. kauman").name == "Kauman"
    area = Area.objects.get(jurisdiction=pekalongan, name="Kauman")
    area.name = "Kauman Baru"
    area.save()  # the signal drops the cached areas at once in this process
    assert area_resolve(jurisdiction=pekalongan, text="Kauman Baru") == area


def test_a_change_made_elsewhere_is_seen_after_the_seconds(pekalongan, clock):
    area = area_resolve(jurisdiction=pekalongan, text="Kauman")
    Area.objects.filter(pk=area.pk).update(name="Kauman Lama")  # no signal: another process
    assert area_resolve(jurisdiction=pekalongan, text="Kauman Lama") is None  # still cached
    clock[0] += refcache_seconds() + 1
    assert area_resolve(jurisdiction=pekalongan, text="Kauman Lama") == area


def test_a_rolled_back_change_leaves_nothing_stale(pekalongan, clock):
    area = area_resolve(jurisdiction=pekalongan, text="Kauman")
    with pytest.raises(RuntimeError), transaction.atomic():
        area.name = "Kauman Sementara"
        area.save()
        assert area_resolve(jurisdiction=pekalongan, text="Kauman Sementara") is not None
        raise RuntimeError
    assert area_resolve(jurisdiction=pekalongan, text="Kauman Sementara") is None
    assert area_resolve(jurisdiction=pekalongan, text="Kauman") is not None


def refcache_seconds() -> float:
    from aduan.organisation.selectors import REFERENCE_SECONDS

    return REFERENCE_SECONDS
