"""Smart triage for the intake and the verifier: suggestions, duplicates, corrections.

``suggest`` proposes category, report type, kelurahan, urgency and, through the routing
rules (``organisation.selectors.route_complaint``), the handling unit. ``find_duplicates``
finds open complaints that may report the same incident, with an indexed, bounded candidate
query. ``correction_examples`` turns the verifiers' decisions (``ComplaintEvent`` rows of
kind "verified") into labelled examples for ``aduan triage train --with-corrections``.

Nothing here writes: the complaint and its timeline stay with ``complaints.services``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from aduan.complaints.choices import OPEN_STATUSES, EventKind
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.organisation.models import Area, Category, Jurisdiction, Unit
from aduan.organisation.selectors import active_category, area_by_code, route_complaint
from aduan.triage.model import REVIEW_THRESHOLD, get_model
from aduan.triage.places import Gazetteer, gazetteer_for

#: How far back the duplicate finder looks.
DUPLICATE_WINDOW = timedelta(days=30)
#: Most candidates read from the database per query (by place, by point): the finder never
#: compares a report with more than twice this many complaints, whatever the table's size.
CANDIDATE_LIMIT = 200
#: Two points closer than this are "the same place" (metres).
SAME_PLACE_METRES = 400.0
_METRES_PER_DEGREE = 111_320.0


@dataclass(frozen=True)
class Suggestion:
    """What the triage proposes for one report; the verifier decides."""

    category_code: str
    confidence: float
    top3: list[tuple[str, float]]
    report_type: str
    kelurahan_area: Area | None
    urgent: bool
    unit: Unit | None
    category: Category | None = None
    urgent_reasons: list[str] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        """Too uncertain to pre-select: the verifier chooses among ``top3``."""
        return self.confidence < REVIEW_THRESHOLD

    def as_event_data(self) -> dict:
        """What to keep on the "submitted" event (``data["triage"]``) so that a verifier's
        later change of category can be read as a correction."""
        return {
            "category": self.category_code,
            "confidence": self.confidence,
            "top3": [[c, p] for c, p in self.top3],
            "report_type": self.report_type,
            "kelurahan": self.kelurahan_area.code if self.kelurahan_area else None,
            "urgent": self.urgent,
            "unit": self.unit.code if self.unit else None,
        }


def _area_ids(jurisdiction: Jurisdiction) -> dict[str, int]:
    return dict(Area.objects.filter(jurisdiction=jurisdiction).values_list("code", "pk"))


def suggest(*, jurisdiction: Jurisdiction, text: str) -> Suggestion:
    """Category, type, kelurahan, urgency and unit proposed for ``text``.

    No query while the jurisdiction's gazetteer, areas, categories and routing rules are
    cached (``places.gazetteer_for``, ``aduan.lib.refcache``).
    """
    gazetteer = gazetteer_for(jurisdiction)
    prediction = get_model().predict([text], gazetteer=gazetteer)[0]
    area = None
    code = prediction.kelurahan or gazetteer.area(text)
    if code:
        area = area_by_code(jurisdiction=jurisdiction, code=code)
    category = active_category(jurisdiction=jurisdiction, code=prediction.category)
    unit = (
        route_complaint(jurisdiction=jurisdiction, category=category, area=area, text=text)
        if category is not None
        else None
    )
    return Suggestion(
        category_code=prediction.category,
        confidence=prediction.confidence,
        top3=prediction.top3,
        report_type=prediction.report_type,
        kelurahan_area=area,
        urgent=prediction.urgent,
        unit=unit,
        category=category,
        urgent_reasons=prediction.urgent_reasons,
    )


def _complaint_text(c: Complaint) -> str:
    return " ".join(p for p in (c.title, c.description, c.address) if p)


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = (lat2 - lat1) * _METRES_PER_DEGREE
    dlon = (lon2 - lon1) * _METRES_PER_DEGREE * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dlat, dlon)


_CANDIDATE_FIELDS = (
    "id", "tracking_code", "title", "description", "address", "area_id", "latitude",
    "longitude", "submitted_at", "status", "category_id", "jurisdiction_id",
)  # fmt: skip


def duplicate_candidates(
    *,
    jurisdiction: Jurisdiction,
    area_ids: list[int],
    latitude: float | None,
    longitude: float | None,
    category: Category | None,
    since: datetime,
    exclude: int | None = None,
) -> list[Complaint]:
    """Open complaints of ``jurisdiction`` since ``since`` in one of ``area_ids`` or within
    ``SAME_PLACE_METRES`` of the point; without either, of the same ``category``. At most
    ``CANDIDATE_LIMIT`` per query, newest first; one query per criterion.

    Indexes used (see docs/triage.md): ``(jurisdiction, area, -submitted_at)`` for the
    place, ``(jurisdiction, latitude, longitude)`` for the point and
    ``(jurisdiction, category, -submitted_at)`` for the category.
    """
    base = Complaint.objects.filter(
        jurisdiction=jurisdiction, submitted_at__gte=since, status__in=list(OPEN_STATUSES)
    ).only(*_CANDIDATE_FIELDS)
    if exclude is not None:
        base = base.exclude(pk=exclude)
    found: dict[int, Complaint] = {}
    if area_ids:
        for c in _newest_in_areas(base, area_ids):
            found[c.pk] = c
    if latitude is not None and longitude is not None:
        dlat = SAME_PLACE_METRES / _METRES_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(latitude)), 0.1)
        box = base.filter(
            latitude__range=(latitude - dlat, latitude + dlat),
            longitude__range=(longitude - dlon, longitude + dlon),
        ).order_by("-submitted_at")[:CANDIDATE_LIMIT]
        for c in box:
            if (
                c.latitude is not None
                and c.longitude is not None
                and _distance_m(latitude, longitude, c.latitude, c.longitude) <= SAME_PLACE_METRES
            ):
                found.setdefault(c.pk, c)
    if not area_ids and (latitude is None or longitude is None) and category is not None:
        for c in base.filter(category=category).order_by("-submitted_at")[:CANDIDATE_LIMIT]:
            found[c.pk] = c
    return list(found.values())


def _newest_in_areas(base: QuerySet[Complaint], area_ids: list[int]) -> list[Complaint]:
    """The ``CANDIDATE_LIMIT`` newest complaints of ``base`` in ``area_ids``, in one query:
    each area's newest read from its own range of the area index, then the newest of those.
    (With ``area_id IN (…)`` PostgreSQL 15 reads every open complaint of the window in
    those areas and sorts them all: 26,000 rows for one report on a busy month.)"""
    parts: list[str] = []
    params: list[object] = []
    for k, area_id in enumerate(dict.fromkeys(area_ids)):
        newest = base.filter(area_id=area_id).order_by("-submitted_at")[:CANDIDATE_LIMIT]
        sql, args = newest.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS area_{k}")  # noqa: S608 - the ORM's own SQL
        params.extend(args)
    sql = " UNION ALL ".join(parts)
    return list(
        Complaint.objects.db_manager(base.db).raw(
            f'{sql} ORDER BY "submitted_at" DESC LIMIT {CANDIDATE_LIMIT:d}', params
        )
    )


def find_duplicates(
    *,
    jurisdiction: Jurisdiction,
    text: str,
    area: Area | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    category: Category | None = None,
    now: datetime | None = None,
    limit: int = 5,
    exclude: Complaint | None = None,
    min_score: float | None = None,
) -> list[tuple[Complaint, float]]:
    """Open complaints that may report the same incident as ``text``, best first.

    Candidates come from the place (the kelurahan, given or named in the text, and its
    neighbours; or a few hundred metres around the point) and the last 30 days, never from
    the whole table (``duplicate_candidates``). Each is scored by the trained duplicate
    scorer (text similarity, same category, same or different street, landmark, RT, number,
    kelurahan); those at or above ``min_score`` (default: the scorer's threshold) are
    returned, at most ``limit``. Queries: the areas (cached), one or two candidate queries.
    """
    now = now or timezone.now()
    gazetteer: Gazetteer = gazetteer_for(jurisdiction)
    area_code = area.code if area is not None else gazetteer.area(text)
    ids = gazetteer.ids or _area_ids(jurisdiction)
    area_ids: list[int] = []
    if area_code:
        area_ids = [ids[c] for c in gazetteer.neighbourhood(area_code) if c in ids]
    candidates = duplicate_candidates(
        jurisdiction=jurisdiction,
        area_ids=area_ids,
        latitude=latitude,
        longitude=longitude,
        category=category,
        since=now - DUPLICATE_WINDOW,
        exclude=exclude.pk if exclude is not None else None,
    )
    if not candidates:
        return []
    model = get_model()
    code_of = {pk: code for code, pk in ids.items()}
    pairs = [(text, _complaint_text(c)) for c in candidates]
    kel = [(area_code, code_of.get(c.area_id) if c.area_id else None) for c in candidates]
    scores = model.pair_scores(pairs, kelurahan=kel, gazetteer=gazetteer)
    threshold = model.pair_threshold if min_score is None else min_score
    ranked = sorted(
        (
            (c, round(float(s), 4))
            for c, s in zip(candidates, scores, strict=True)
            if s >= threshold
        ),
        key=lambda cs: (-cs[1], -cs[0].submitted_at.timestamp(), cs[0].pk),
    )
    return ranked[:limit]


def duplicates_of(complaint: Complaint) -> list[tuple[Complaint, float]]:
    """``find_duplicates`` for a complaint on file, itself left out: its title and
    description, kelurahan, point, and category (or the suggested one). The verifier's
    "possible same report" panel."""
    return find_duplicates(
        jurisdiction=complaint.jurisdiction,
        text=f"{complaint.title}\n{complaint.description}",
        area=complaint.area,
        latitude=complaint.latitude,
        longitude=complaint.longitude,
        category=complaint.category or complaint.suggested_category,
        exclude=complaint,
    )


# =========================================================================== corrections


def correction_examples(
    *,
    jurisdiction: Jurisdiction | None = None,
    since: datetime | None = None,
    include_confirmed: bool = False,
) -> list[dict]:
    """Labelled examples from the verifiers' decisions, for retraining.

    Reads the "verified" events: the category the verifier chose is
    ``event.data["category"]`` when the event records it, else the complaint's current
    category; the triage's suggestion is ``data["triage"]["category"]`` of the complaint's
    "submitted" event (``Suggestion.as_event_data``) or ``data["suggested_category"]`` of
    the verified event. A verifier who changed the suggested category made a correction: it
    is always returned. A complaint verified without a recorded suggestion is returned too
    (a person chose its category). One that confirmed the suggestion is returned only with
    ``include_confirmed`` (it teaches the model nothing new). Two queries.
    """
    events = ComplaintEvent.objects.filter(kind=EventKind.VERIFIED).select_related(
        "complaint__category"
    )
    if jurisdiction is not None:
        events = events.filter(complaint__jurisdiction=jurisdiction)
    if since is not None:
        events = events.filter(created_at__gte=since)
    events = events.order_by("complaint_id", "created_at", "pk")
    latest: dict[int, ComplaintEvent] = {}
    for event in events:
        latest[event.complaint_id] = event  # the last verification wins
    if not latest:
        return []
    suggested: dict[int, str] = {}
    for complaint_id, data in ComplaintEvent.objects.filter(
        kind=EventKind.SUBMITTED, complaint_id__in=list(latest)
    ).values_list("complaint_id", "data"):
        triage = (data or {}).get("triage") or {}
        if triage.get("category"):
            suggested[complaint_id] = triage["category"]
    rows = []
    for complaint_id, event in sorted(latest.items()):
        complaint = event.complaint
        data = event.data or {}
        chosen = data.get("category") or (complaint.category.code if complaint.category else None)
        if not chosen:
            continue
        was = data.get("suggested_category") or suggested.get(complaint_id)
        corrected = was is not None and was != chosen
        if was is not None and not corrected and not include_confirmed:
            continue
        text = " ".join(p for p in (complaint.title, complaint.description) if p)
        if not text.strip():
            continue
        rows.append(
            {
                "id": f"complaint-{complaint_id}",
                "text": text,
                "category": chosen,
                "type": complaint.report_type,
                "suggested": was,
                "corrected": corrected,
            }
        )
    return rows
