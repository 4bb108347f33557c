"""The public statistics are stored and kept fresh by the worker: a visitor reads one row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from aduan.transparency import selectors
from aduan.transparency.models import PublicStatistics
from aduan.transparency.tasks import refresh_statistics

pytestmark = pytest.mark.django_db

INDEX = reverse("transparency:index")


def test_a_visitor_reads_the_stored_figures_not_the_complaints(
    submit, pekalongan, django_assert_num_queries
):
    submit()
    first = selectors.statistics(pekalongan)
    assert first.total == 1 and first.computed_at is not None
    row = PublicStatistics.objects.get(jurisdiction=pekalongan, year=0)
    assert row.data["total"] == 1 and row.computed_at == first.computed_at
    submit()  # not counted until the row is recomputed
    cache.clear()
    with django_assert_num_queries(1):
        again = selectors.statistics(pekalongan)
    assert again.total == 1 and again.computed_at == first.computed_at
    assert again.by_category == first.by_category


def test_the_page_says_when_the_figures_were_computed(client, submit):
    submit()
    body = client.get(INDEX).content.decode()
    assert 'id="stats-time"' in body and "dihitung ulang berkala" in body


def test_the_worker_computes_each_jurisdictions_default_figures_before_anyone_asks(
    submit, pekalongan
):
    submit()
    assert refresh_statistics() == 1
    assert refresh_statistics() == 1
    assert refresh_statistics() == 0  # both rows there and fresh
    years = set(
        PublicStatistics.objects.filter(jurisdiction=pekalongan).values_list("year", flat=True)
    )
    assert years == {0, timezone.localdate().year}


@override_settings(ADUAN_PUBLIC_STATS_SECONDS=600)
def test_the_worker_recomputes_a_stale_row_once(submit, pekalongan):
    submit()
    year = timezone.localdate().year
    selectors.statistics(pekalongan)
    selectors.statistics(pekalongan, year)
    submit()
    now = timezone.now()
    assert refresh_statistics(now + timedelta(seconds=60)) == 0  # still fresh
    later = now + timedelta(seconds=601)
    assert refresh_statistics(later) == 1
    assert refresh_statistics(later) == 1
    assert refresh_statistics(later) == 0  # both claimed and recomputed: nothing left
    cache.clear()
    assert selectors.statistics(pekalongan).total == 2
    assert selectors.statistics(pekalongan, year).total == 2


@override_settings(ADUAN_PUBLIC_STATS_SECONDS=600)
def test_a_row_claimed_by_another_worker_is_left_to_it(submit, pekalongan):
    submit()
    selectors.statistics(pekalongan)
    selectors.statistics(pekalongan, timezone.localdate().year)
    later = timezone.now() + timedelta(seconds=601)
    # Another worker claimed every stale row a moment ago (moved computed_at on).
    PublicStatistics.objects.update(computed_at=later)
    assert refresh_statistics(later) == 0


@override_settings(ADUAN_WORKER_TASKS=["aduan.transparency.tasks.refresh_statistics_task"])
def test_the_worker_command_runs_the_task(submit, pekalongan):
    submit()
    call_command("worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert PublicStatistics.objects.filter(jurisdiction=pekalongan).count() == 2


def test_rahasia_complaints_stay_out_of_the_stored_figures(submit, pekalongan):
    submit(privacy="rahasia")
    submit()
    refresh_statistics()
    row = PublicStatistics.objects.get(jurisdiction=pekalongan, year=0)
    assert row.data["total"] == 1
    assert sum(g["n"] for g in row.data["by_area"]) == 1


@override_settings(ADUAN_PUBLIC_STATS_SECONDS=600)
def test_a_past_years_figures_are_recomputed_once_a_day(submit, pekalongan):
    from aduan.transparency.tasks import PAST_YEAR_SECONDS

    submit()
    last_year = timezone.localdate().year - 1
    selectors.statistics(pekalongan)
    selectors.statistics(pekalongan, timezone.localdate().year)
    selectors.statistics(pekalongan, last_year)
    later = timezone.now() + timedelta(seconds=601)
    assert refresh_statistics(later) == 1
    assert refresh_statistics(later) == 1
    assert refresh_statistics(later) == 0  # last year's row is not due yet
    next_day = timezone.now() + timedelta(seconds=PAST_YEAR_SECONDS + 1)
    PublicStatistics.objects.exclude(year=last_year).update(computed_at=next_day)
    assert refresh_statistics(next_day) == 1
    assert PublicStatistics.objects.get(year=last_year).computed_at == next_day
