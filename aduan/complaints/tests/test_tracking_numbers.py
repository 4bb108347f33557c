"""Tracking numbers: per jurisdiction and year, continuing an existing counter, and on
PostgreSQL taken from a sequence that does not make concurrent submissions wait."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from aduan.complaints.models import Complaint, TrackingSequence
from aduan.complaints.services import tracking_numbers_take
from conftest import in_another_transaction

pytestmark = pytest.mark.django_db


def take(jurisdiction, year, count=1):
    with transaction.atomic():
        return tracking_numbers_take(jurisdiction=jurisdiction, year=year, count=count)


def test_numbers_run_on_per_year_and_continue_an_existing_counter(pekalongan):
    TrackingSequence.objects.create(jurisdiction=pekalongan, year=2024, last=41)
    assert take(pekalongan, 2024) == [42]
    assert take(pekalongan, 2024, 3) == [43, 44, 45]
    assert take(pekalongan, 2023) == [1]
    assert take(pekalongan, 2024) == [46]


def test_submissions_get_the_next_codes_of_their_year(submit, pekalongan):
    first = submit().complaint.tracking_code
    prefix, year, number = first.rsplit("-", 2)
    (following,) = take(pekalongan, int(year))
    assert following == int(number) + 1
    assert submit().complaint.tracking_code == f"{prefix}-{year}-{following + 1:06d}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's sequences")
def test_a_rolled_back_number_is_not_given_again(pekalongan):
    (first,) = take(pekalongan, 2030)
    with pytest.raises(RuntimeError), transaction.atomic():
        tracking_numbers_take(jurisdiction=pekalongan, year=2030, count=1)
        raise RuntimeError
    assert take(pekalongan, 2030) == [first + 2]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's sequences")
def test_an_open_submission_does_not_make_another_wait(pekalongan):
    """A transaction that took a number and has not committed yet (as a submission does
    while it writes its timeline) holds nothing another submission needs."""
    take(pekalongan, 2031)  # the year's sequence exists
    got: list[int] = []
    with transaction.atomic():
        (mine,) = tracking_numbers_take(jurisdiction=pekalongan, year=2031, count=1)
        errors = in_another_transaction(
            lambda: got.extend(tracking_numbers_take(jurisdiction=pekalongan, year=2031, count=1))
        )
    assert not errors, errors
    assert got == [mine + 1]
    assert not Complaint.objects.exists()
