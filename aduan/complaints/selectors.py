"""Reads of complaints shared by views and channels; permission-aware."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.choices import (
    OPEN_STATUSES,
    STAFF_STAGES,
    UNIT_STATUSES,
    VERIFIER_STATUSES,
    ComplaintStatus,
    Stage,
)
from aduan.complaints.models import VERIFY_QUEUE_STATUSES, Complaint, ComplaintEvent
from aduan.complaints.search import text_matches
from aduan.lib import keyset
from aduan.organisation.selectors import active_jurisdiction, reference

S = ComplaintStatus


def complaints_visible_to(user: User) -> QuerySet[Complaint]:
    """Every complaint the staff user may see: the jurisdiction's for verifiers, supervisors,
    TAPD and administrators; the current units' for officers; nothing for anyone else."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return Complaint.objects.none()
    qs = Complaint.objects.filter(jurisdiction_id=user.jurisdiction_id)
    if user.reads_everything:
        return qs
    return qs.filter(unit_id__in=permissions.unit_ids(user))


def complaint_get_for_user(user: User, tracking_code: str) -> Complaint:
    """The complaint, or 404 when it does not exist or the user may not see it.

    Its unit, category, kelurahan and jurisdiction come from the reference cache
    (``attach_reference``), not from joins: with seven tables joined, PostgreSQL spent
    2.5–8 ms planning a query that runs in 0.3. The complaint it was merged into is read
    when there is one."""
    complaint = complaints_visible_to(user).filter(tracking_code=tracking_code).first()
    if complaint is None:
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    attach_reference([complaint])
    return complaint


#: Foreign keys of a complaint to reference data, and where ``Reference`` keeps them.
_REFERENCE_FIELDS = (
    ("category", "categories"),
    ("suggested_category", "categories"),
    ("area", "areas"),
    ("unit", "units"),
    ("suggested_unit", "units"),
    ("referred_to", "units"),
)


def attach_reference(complaints: list[Complaint]) -> None:
    """Give each complaint its unit, category, kelurahan (also the suggested ones and the
    body it was referred to) and jurisdiction from the per-process reference cache
    (``organisation.selectors.reference``), so that the query that read the complaints need
    not join those tables. A column left out by ``only()`` is skipped; an id the cache does
    not know (created a moment ago in another process) is read lazily as usual. The objects
    are shared between requests: read them, never change them in place."""
    if not complaints:
        return
    deferred = complaints[0].get_deferred_fields()
    names = [(f, f"{f}_id", kind) for f, kind in _REFERENCE_FIELDS if f"{f}_id" not in deferred]
    for complaint in complaints:
        jurisdiction_id = complaint.jurisdiction_id
        ref = reference(jurisdiction_id)
        for name, attname, kind in names:
            pk = getattr(complaint, attname)
            if pk is not None:
                obj = getattr(ref, kind).get(pk)
                if obj is not None:
                    setattr(complaint, name, obj)
        jurisdiction = active_jurisdiction(jurisdiction_id)
        if jurisdiction is not None:
            complaint.jurisdiction = jurisdiction


def complaint_get_for_citizen(tracking_code: str, secret: str) -> Complaint:
    """The complaint behind a citizen's link: code and secret must both match."""
    complaint = (
        Complaint.objects.select_related(
            "category", "area", "unit", "jurisdiction", "merged_into", "referred_to"
        )
        .filter(tracking_code=tracking_code.strip().upper())
        .first()
    )
    if complaint is None or not complaint.check_secret(secret):
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    return complaint


def timeline(complaint: Complaint, *, public_only: bool) -> list[ComplaintEvent]:
    qs = complaint.events.select_related("from_unit", "to_unit").prefetch_related("attachments")
    if public_only:
        qs = qs.filter(is_public=True)
    return list(qs)


@dataclass
class InboxFilters:
    """The filters of the officer inbox and verification queue (also used by the API)."""

    queue: str = ""  # "verifikasi" | "unit" | "" (everything visible)
    status: str = ""
    category: str = ""  # category code
    area: int | None = None
    unit: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    due: str = ""  # "lewat" (overdue) | "hari_ini" (due today) | ""
    sort: str = ""  # "batas" (due first) | "lama" (oldest first) | "" (newest first)
    channel: str = ""
    report_type: str = ""
    stage: str = ""  # the SLA clock's current stage


#: The inbox's orderings (``aduan.lib.keyset``): (column, descending) pairs, the last one
#: unique. ``due_at`` may be NULL (closed complaints); NULLs sort after every deadline.
ORDERINGS: dict[str, tuple[tuple[str, bool], ...]] = {
    "": (("submitted_at", True), ("id", True)),
    "lama": (("submitted_at", False), ("id", False)),
    "batas": (("due_at", False), ("id", False)),
}


NULLABLE_ORDER_COLUMNS = frozenset({"due_at"})


def complaint_list(user: User, filters: InboxFilters) -> QuerySet[Complaint]:
    """The inbox: visible complaints narrowed by ``filters``, in the order of
    ``filters.sort``; constant queries per page. Page it with ``inbox_page``."""
    qs = complaints_visible_to(user).select_related("category", "area", "unit")
    if filters.queue == "verifikasi":
        # The verifier's statuses, and those waiting for information that came from them.
        # Written as "one of the queue's statuses, and if waiting, waiting from the
        # verifier": each column is named once, so that PostgreSQL estimates the queue's
        # size well (naming the status twice multiplied its share by itself: 3 rows
        # expected for 1,787 at 1M, and a sort of all of them), and the first condition
        # proves the partial index c_verify_queue applies.
        qs = qs.filter(
            ~Q(status=S.MENUNGGU_INFO) | Q(status_before_wait__in=[*VERIFIER_STATUSES]),
            status__in=sorted(VERIFY_QUEUE_STATUSES),
            held_as_spam=False,
        )
    elif filters.queue == "spam":  # held for the verifier (complaints.spam)
        qs = qs.filter(held_as_spam=True) if user.is_verifier else qs.none()
    elif filters.queue == "unit":
        qs = qs.filter(
            unit_id__in=permissions.unit_ids(user), status__in=[*UNIT_STATUSES, S.MENUNGGU_INFO]
        )
    if filters.status == "terbuka":
        qs = qs.filter(status__in=[*OPEN_STATUSES])
    elif filters.status:
        qs = qs.filter(status=filters.status)
    if filters.category:
        qs = qs.filter(category__code=filters.category)
    if filters.area:
        qs = qs.filter(area_id=filters.area)
    if filters.unit:
        qs = qs.filter(unit_id=filters.unit)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.report_type:
        qs = qs.filter(report_type=filters.report_type)
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    tz = timezone.get_current_timezone()
    if filters.date_from:
        qs = qs.filter(submitted_at__gte=datetime.combine(filters.date_from, time.min, tz))
    if filters.date_to and filters.date_to < date.max:
        qs = qs.filter(
            submitted_at__lt=datetime.combine(filters.date_to + timedelta(days=1), time.min, tz)
        )
    if filters.q:
        qs = qs.filter(complaint_search(filters.q))
    now = timezone.now()
    staff_clock = Q(stage__in=[*STAFF_STAGES])
    if filters.due == "lewat":
        qs = qs.filter(staff_clock, due_at__lt=now)
    elif filters.due == "hari_ini":
        today = timezone.localdate()
        end = datetime.combine(today + timedelta(days=1), time.min, tz)
        qs = qs.filter(staff_clock, due_at__gte=now, due_at__lt=end)
    ordering = ORDERINGS.get(filters.sort, ORDERINGS[""])
    return qs.order_by(*keyset.order_by(ordering, nullable=NULLABLE_ORDER_COLUMNS))


def complaint_search(text: str) -> Q:
    """A tracking code (exactly, any case) or words of the title, description or address
    (full-text: PostgreSQL's ``indonesian`` configuration, SQLite FTS5)."""
    term = " ".join(text.split())
    return Q(tracking_code=term.upper()) | text_matches(term)


# --------------------------------------------------------------------------- keyset pages

#: The inbox counts matching rows up to this many; beyond it says "more than".
COUNT_CAP = 1000


@dataclass
class KeysetPage:
    """One page of a keyset-paginated list: ``rows``, and cursors for the pages around it.

    A cursor is the position of a boundary row (its ordering columns), so a page costs the
    same however deep it is and rows added meanwhile never shift, repeat or skip others."""

    rows: list[Any]
    next_cursor: str = ""
    previous_cursor: str = ""
    count: int = 0
    count_capped: bool = False
    is_first: bool = True
    object_list: list[Any] = field(default_factory=list)

    @property
    def has_next(self) -> bool:
        return bool(self.next_cursor)

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_cursor)


def encode_position(values: list[Any]) -> str:
    """A row's position as a URL-safe string: ISO datetimes, integers, ``-`` for NULL."""
    parts = []
    for value in values:
        if value is None:
            parts.append("-")
        elif isinstance(value, datetime):
            parts.append(value.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%f"))
        else:
            parts.append(str(int(value)))
    return "_".join(parts)


def decode_position(cursor: str, ordering: tuple[tuple[str, bool], ...]) -> list[Any] | None:
    """The values of ``encode_position``, or None when the cursor is not one of ours."""
    parts = cursor.split("_")
    if len(parts) != len(ordering):
        return None
    values: list[Any] = []
    try:
        for (column, _desc), part in zip(ordering, parts, strict=True):
            if part == "-":
                if column not in NULLABLE_ORDER_COLUMNS:
                    return None
                values.append(None)
            elif column == "id":
                values.append(int(part))
            else:
                values.append(datetime.strptime(part, "%Y%m%dT%H%M%S.%f").replace(tzinfo=UTC))
    except ValueError:
        return None
    return values


def position_of(row: Any, ordering: tuple[tuple[str, bool], ...]) -> str:
    """The cursor of ``row`` in ``ordering``."""
    return encode_position(keyset.position(row, ordering))


def keyset_page(
    qs: QuerySet,
    ordering: tuple[tuple[str, bool], ...],
    *,
    after: str = "",
    before: str = "",
    size: int = 50,
    count_cap: int = COUNT_CAP,
) -> KeysetPage:
    """The page of ``qs`` just after the cursor ``after`` (or just before ``before``; the
    first page without either). Two queries: the matching ids up to ``count_cap`` (the
    count) and the rows (one more than ``size``, to know whether another page follows).
    A cursor that does not parse gives the first page."""
    reverse = False
    position = None
    if before:
        position = decode_position(before, ordering)
        reverse = position is not None
    if position is None and after:
        position = decode_position(after, ordering)
    base = qs.order_by()
    # The matching ids, up to the cap, in no particular order: the database picks the
    # cheapest way to find them (for a rare search word, the GIN index). Their number is the
    # count above the list; when the cap is not reached, the page is read among them only,
    # so that a page never walks the date index past rows that all fail the filter (as it
    # would for two common words that never occur together).
    ids = list(base.values_list("pk", flat=True)[: count_cap + 1])
    capped = len(ids) > count_cap
    page_qs = base if capped else base.filter(pk__in=ids)
    window = keyset.read(
        page_qs if ids else page_qs.none(),
        ordering,
        position,
        size=size,
        reverse=reverse,
        nullable=NULLABLE_ORDER_COLUMNS,
    )
    rows = window.rows
    page = KeysetPage(rows=rows, object_list=rows, is_first=not window.has_previous)
    if rows:
        if window.has_next:
            page.next_cursor = position_of(rows[-1], ordering)
        if window.has_previous:
            page.previous_cursor = position_of(rows[0], ordering)
    page.count = min(len(ids), count_cap)
    page.count_capped = capped
    return page


#: What an inbox row shows (``{% inbox_rows %}``) and its cursor needs, not the other
#: forty-odd columns; its category, kelurahan and unit come from ``attach_reference``.
INBOX_ROW_FIELDS = (
    "jurisdiction",
    "category",
    "area",
    "unit",
    "tracking_code",
    "title",
    "description",
    "privacy",
    "needs_tapd",
    "status",
    "is_urgent",
    "stage",
    "due_at",
    "submitted_at",
)


def inbox_page(
    user: User, filters: InboxFilters, *, after: str = "", before: str = "", size: int = 50
) -> KeysetPage:
    """A page of the inbox (``complaint_list``) by keyset, with the columns its rows show."""
    ordering = ORDERINGS.get(filters.sort, ORDERINGS[""])
    page = keyset_page(
        complaint_list(user, filters).select_related(None).only(*INBOX_ROW_FIELDS),
        ordering,
        after=after,
        before=before,
        size=size,
    )
    attach_reference(page.rows)
    return page


def overdue_counts(user: User) -> list[dict]:
    """Open complaints overdue now, per unit and stage (for supervisors and verifiers).

    Counted from the covering index ``c_overdue`` alone (jurisdiction, due time, unit,
    stage): the rows are grouped first and the few unit names looked up after, so that the
    cost is one index-only range scan over the overdue complaints. Two queries."""
    from aduan.organisation.models import Unit

    rows = list(
        complaints_visible_to(user)
        .filter(stage__in=[*STAFF_STAGES], due_at__lt=timezone.now())
        .order_by()
        .values("unit_id", "stage")
        .annotate(n=Count("*"))
    )
    names = dict(
        Unit.objects.filter(pk__in={r["unit_id"] for r in rows if r["unit_id"]}).values_list(
            "pk", "short_name"
        )
    )
    result = [
        {
            "unit__short_name": names.get(row["unit_id"]),
            "stage": row["stage"],
            "stage_label": Stage(row["stage"]).label,
            "n": row["n"],
        }
        for row in rows
    ]
    # NULL unit (still at the verifier) last, as the database sorts NULLs.
    result.sort(
        key=lambda r: (r["unit__short_name"] is None, r["unit__short_name"] or "", r["stage"])
    )
    return result


PLANNING_GROUPS = {
    "kategori": ("complaint__category__name", _("Kategori")),
    "kelurahan": ("complaint__area__name", _("Kelurahan")),
    "unit": ("complaint__unit__short_name", _("Unit")),
}


def planning_queue(user: User, *, group: str = "kategori", decided: bool = False) -> list[dict]:
    """TAPD's planning queue: flagged complaints grouped by category, kelurahan or unit,
    each group with its complaints and the number of supporting reports."""
    from aduan.complaints.models import PlanningItem

    field, _label = PLANNING_GROUPS.get(group, PLANNING_GROUPS["kategori"])
    items = PlanningItem.objects.filter(complaint__in=complaints_visible_to(user))
    items = items.exclude(decision="") if decided else items.filter(decision="")
    items = items.select_related(
        "complaint__category", "complaint__area", "complaint__unit"
    ).order_by(field, "flagged_at")
    groups: dict[str, dict] = {}
    for item in items:
        key = _lookup(item, field) or "—"
        bucket = groups.setdefault(key, {"name": key, "items": [], "supporters": 0})
        bucket["items"].append(item)
        bucket["supporters"] += item.complaint.support_count
    return sorted(groups.values(), key=lambda g: (-len(g["items"]), g["name"]))


def _lookup(obj: object, path: str) -> str:
    for part in path.split("__"):
        obj = getattr(obj, part, None)
        if obj is None:
            return ""
    return str(obj)
