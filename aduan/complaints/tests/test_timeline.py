"""``{% timeline_items %}`` (``_timeline.html``) gives the markup, whitespace included, of
the template loop it replaces, for the officer's page and the citizen's, in both languages."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.template import engines
from django.template.loader import get_template
from django.utils import translation

from aduan.complaints.models import Attachment, Complaint, ComplaintEvent
from aduan.organisation.models import Unit

#: The loop as the template had it.
LOOP = (Path(__file__).parent / "timeline_loop.html").read_text()


def _event(pk: int, attachments: list[Attachment], **fields) -> ComplaintEvent:
    event = ComplaintEvent(pk=pk, complaint_id=1, **fields)
    found = event.attachments.get_queryset()  # as ``selectors.timeline`` hands them out
    found._result_cache = attachments
    found._prefetch_done = True
    event._prefetched_objects_cache = {"attachments": found}
    return event


def _events() -> list[ComplaintEvent]:
    unit = Unit(pk=7, name="Dinas <PU> & Tata Ruang", short_name="DPUPR & <co>")
    photo = Attachment(pk=11, original_name='foto "jalan" <1>.jpg', content_type="image/jpeg")
    kept = Attachment(
        pk=12, original_name="asli.jpg", content_type="image/png", original="a/asli.jpg"
    )
    paper = Attachment(pk=13, original_name="surat & lampiran.pdf", content_type="application/pdf")
    events = []
    kinds = ["submitted", "disposed", "note", "bukan-jenis"]
    flags = itertools.product([True, False], repeat=4)
    for pk, (public, actor, with_unit, with_files) in enumerate(flags, start=1):
        events.append(
            _event(
                pk,
                [photo, kept, paper] if with_files else [],
                kind=kinds[pk % len(kinds)],
                is_public=public,
                created_at=datetime(2026, 1 + pk % 12, 1 + pk, pk % 24, 5 * pk % 60, tzinfo=UTC),
                actor_id=3 if actor else None,
                actor_label="Budi <Verifikator> & co" if pk % 3 else "",
                from_status="baru" if pk % 2 else "",
                to_status=["baru", "diproses", ""][pk % 3],
                to_unit=unit if with_unit else None,
                message='Mohon <b>cek</b> & "balas"' if pk % 4 else "",
                data={"due_at": f"2026-03-0{1 + pk % 9}T10:1{pk % 10}:00+00:00", "stage": "proses"}
                if pk % 3 == 1
                else ({"due_at": "2026-03-04T08:00:00"} if pk % 5 == 0 else {}),
            )
        )
    return events


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("staff_view", [True, False])
@pytest.mark.parametrize("show_identity", [True, False])
def test_the_items_are_the_loops_markup(language, staff_view, show_identity):
    context = {
        "events": _events(),
        "complaint": Complaint(tracking_code="ADU-2026-000001"),
        "staff_view": staff_view,
        "show_identity": show_identity,
        "secret": "rahasia-&-x",
    }
    with translation.override(language):
        expected = engines["django"].from_string(LOOP).render(context)
        assert get_template("complaints/_timeline.html").render(context) == expected


def test_no_events_is_an_empty_list():
    context = {"events": [], "complaint": Complaint(tracking_code="ADU-2026-000001")}
    expected = engines["django"].from_string(LOOP).render(context)
    assert get_template("complaints/_timeline.html").render(context) == expected
