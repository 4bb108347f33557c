"""Keyset pages over any ordering: every row once, in order, forward and back."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from aduan.complaints.models import Complaint
from aduan.lib import keyset

pytestmark = pytest.mark.django_db

NULLABLE = frozenset({"due_at"})


@pytest.fixture
def complaints(pekalongan):
    base = timezone.now() - timedelta(days=3)
    Complaint.objects.bulk_create(
        Complaint(
            jurisdiction=pekalongan,
            tracking_code=f"KS-{i:03d}",
            access_salt="s",
            channel="web",
            description=f"Laporan {i}",
            status="baru",
            stage="verifikasi",
            submitted_at=base + timedelta(minutes=i // 3),  # ties on purpose
            due_at=None if i % 4 == 0 else base + timedelta(hours=(i * 7) % 5),
        )
        for i in range(23)
    )
    return Complaint.objects.filter(jurisdiction=pekalongan)


ORDERINGS = [
    (("id", False),),
    (("submitted_at", True), ("id", True)),
    (("submitted_at", False), ("id", False)),
    (("due_at", False), ("id", False)),
    (("due_at", True), ("id", True)),
    (("due_at", False), ("submitted_at", True), ("id", False)),
]


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_pages_walk_every_row_once_in_the_order_and_back(complaints, ordering):
    expected = list(
        complaints.order_by(*keyset.order_by(ordering, nullable=NULLABLE)).values_list(
            "pk", flat=True
        )
    )
    pages = [keyset.read(complaints, ordering, None, size=4, nullable=NULLABLE)]
    while pages[-1].has_next:
        after = keyset.position(pages[-1].rows[-1], ordering)
        pages.append(keyset.read(complaints, ordering, after, size=4, nullable=NULLABLE))
    assert [row.pk for page in pages for row in page.rows] == expected
    assert not pages[0].has_previous and all(page.has_previous for page in pages[1:])
    for older, newer in zip(pages, pages[1:], strict=False):
        before = keyset.position(newer.rows[0], ordering)
        back = keyset.read(complaints, ordering, before, size=4, reverse=True, nullable=NULLABLE)
        assert [row.pk for row in back.rows] == [row.pk for row in older.rows]
        assert back.has_next and back.has_previous == (older is not pages[0])


def test_a_null_position_needs_a_nullable_column():
    with pytest.raises(ValueError):
        keyset.seek((("submitted_at", True), ("id", True)), [None, 3])


def test_lists_page_the_same_way():
    rows = [SimpleNamespace(n=n % 3, id=n) for n in range(10)]
    ordering = (("n", True), ("id", True))
    first = keyset.read_list(rows, ordering, None, size=4)
    assert [(r.n, r.id) for r in first.rows] == [(2, 8), (2, 5), (2, 2), (1, 7)]
    second = keyset.read_list(rows, ordering, keyset.position(first.rows[-1], ordering), size=4)
    assert [r.id for r in second.rows] == [4, 1, 9, 6]
    back = keyset.read_list(
        rows, ordering, keyset.position(second.rows[0], ordering), size=4, reverse=True
    )
    assert back.rows == first.rows and not back.has_previous
    mixed = keyset.read_list(rows, (("n", True), ("id", False)), None, size=4)
    assert [(r.n, r.id) for r in mixed.rows] == [(2, 2), (2, 5), (2, 8), (1, 1)]


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_a_page_among_matches_is_the_page_the_list_gives(complaints, ordering):
    """The inbox picks a page among its matches in one query (``keyset.among``, used by
    ``selectors._page_by_ids``): NULLs, ties and mixed directions must come out in the
    order ``read`` gives, forward and back, from any position, with every match counted."""
    columns = [column for column, _desc in ordering]
    values = list(complaints.values_list(*columns))
    for reverse in (False, True):
        starts = [None, *values[::5]]
        for start in starts:
            if start is not None and start[0] is None and len(ordering) == 1:
                continue
            in_db = keyset.read(
                complaints, ordering, start, size=4, reverse=reverse, nullable=NULLABLE
            )
            found = keyset.among(
                complaints, ordering, start, size=4, cap=100, reverse=reverse, nullable=NULLABLE
            )
            assert found.count == len(values)
            chosen = keyset.window(found.ids, 4, started=start is not None, reverse=reverse)
            assert chosen.rows == [row.pk for row in in_db.rows]
            assert (chosen.has_next, chosen.has_previous) == (in_db.has_next, in_db.has_previous)


def test_a_page_among_matches_counts_to_the_cap_and_past_the_end(complaints):
    ordering = (("submitted_at", True), ("id", True))
    capped = keyset.among(complaints, ordering, None, size=4, cap=10)
    assert capped.count == 11 and len(capped.ids) == 5
    last = complaints.order_by("submitted_at", "id").first()
    beyond = keyset.among(complaints, ordering, keyset.position(last, ordering), size=4, cap=100)
    assert beyond.count == complaints.count() and beyond.ids == []
    for nothing in (complaints.filter(pk=0), complaints.filter(pk__in=[])):
        found = keyset.among(nothing, ordering, None, size=4, cap=100)
        assert found.count == 0 and found.ids == []
