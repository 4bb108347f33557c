"""Reads of complaints shared by views and channels; permission-aware."""

from __future__ import annotations

import hmac
import re
import time as time_module
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.db import connection, connections
from django.db.models import Q, QuerySet
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
from aduan.complaints.models import (
    VERIFY_QUEUE_STATUSES,
    Attachment,
    Complaint,
    ComplaintEvent,
    PlanningItem,
    QueuedSubmission,
)
from aduan.complaints.search import search_query_sql, text_matches
from aduan.lib import keyset
from aduan.lib.sql import first_of
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
    when there is one. Read by ``first_of``: the ORM compiles only the filters."""
    complaint = first_of(complaints_visible_to(user).filter(tracking_code=tracking_code))
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
    meta = Complaint._meta
    cached: list[tuple[Any, str, str]] = [
        (meta.get_field(name), f"{name}_id", kind)
        for name, kind in _REFERENCE_FIELDS
        if f"{name}_id" not in deferred
    ]
    jurisdiction_field: Any = meta.get_field("jurisdiction")
    # What assigning ``complaint.unit = unit`` does for a foreign key whose id is already
    # the object's, without the descriptor's checks (its type, the database router) on every
    # field of fifty rows: the object goes into the field's cache.
    by_jurisdiction: dict[int, tuple[Any, Any]] = {}
    for complaint in complaints:
        jurisdiction_id = complaint.jurisdiction_id
        found = by_jurisdiction.get(jurisdiction_id)
        if found is None:
            found = (reference(jurisdiction_id), active_jurisdiction(jurisdiction_id))
            by_jurisdiction[jurisdiction_id] = found
        ref, jurisdiction = found
        for fk, attname, kind in cached:
            pk = getattr(complaint, attname)
            if pk is not None:
                obj = getattr(ref, kind).get(pk)
                if obj is not None:
                    fk.set_cached_value(complaint, obj)
        if jurisdiction is not None:
            jurisdiction_field.set_cached_value(complaint, jurisdiction)


def complaint_get_for_citizen(tracking_code: str, secret: str) -> Complaint:
    """The complaint behind a citizen's link: code and secret must both match. Its unit,
    category, kelurahan and jurisdiction come from the reference cache (``attach_reference``);
    the complaint it was merged into, shown only when it was, is read when asked for."""
    complaint = Complaint.objects.filter(tracking_code=tracking_code.strip().upper()).first()
    if complaint is None or not complaint.check_secret(secret):
        raise Http404("Laporan tidak ditemukan. / Complaint not found.")
    attach_reference([complaint])
    return complaint


def queued_for_citizen(tracking_code: str, secret: str) -> QueuedSubmission | None:
    """The submission behind a citizen's link that was acknowledged but is not yet a
    complaint (``QueuedSubmission``), when code and secret both match; else None. Nothing of
    it is shown but that it was received."""
    row = (
        QueuedSubmission.objects.filter(tracking_code=tracking_code.strip().upper())
        .only("tracking_code", "access_salt", "received_at")
        .first()
    )
    if row is None:
        return None
    cleaned = secret.strip().upper().replace("-", "").replace(" ", "")
    if not hmac.compare_digest(cleaned, Complaint.secret_for(row.tracking_code, row.access_salt)):
        return None
    return row


def planning_item(complaint: Complaint) -> PlanningItem | None:
    """The complaint's TAPD planning item, without a query for the complaints never flagged:
    the item is made only by ``services.complaint_flag_tapd``, which sets ``needs_tapd`` in
    the same transaction."""
    if not complaint.needs_tapd:
        return None
    return PlanningItem.objects.filter(complaint=complaint).first()


def timeline(
    complaint: Complaint,
    *,
    public_only: bool,
    attachments: list[Attachment] | None = None,
    units: tuple[str, ...] = ("from_unit", "to_unit"),
) -> list[ComplaintEvent]:
    """The complaint's events, oldest first, each with its attachments (``e.attachments.all()``
    answers without a query). ``attachments``: all of the complaint's attachments, already
    read by the caller: handed out to their events instead of a second query. ``units``: the
    unit relations to read along (the pages show only ``to_unit``)."""
    qs = complaint.events.select_related(*units)
    if public_only:
        qs = qs.filter(is_public=True)
    if attachments is None:
        return list(qs.prefetch_related("attachments"))
    events = list(qs)
    by_event: dict[int, list[Attachment]] = {}
    for attachment in attachments:
        if attachment.event_id is not None:
            by_event.setdefault(attachment.event_id, []).append(attachment)
    for event in events:
        # What ``prefetch_related`` stores: a queryset whose results are already known.
        found = event.attachments.get_queryset()
        found._result_cache = by_event.get(event.pk, [])
        found._prefetch_done = True  # type: ignore[attr-defined]
        event._prefetched_objects_cache = {"attachments": found}  # type: ignore[attr-defined]
    return events


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
    #: A search over every complaint by the matching ids (``lengkap=1``), not a walk of the
    #: newest rows (``keyset_page``): exact however sparse, at the cost of every match.
    thorough: bool = False


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
        qs = qs.filter(_category_is(user, filters.category))
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


def _category_is(user: User, code: str) -> Q:
    """Complaints of the category ``code``: by its id from the reference cache, so that the
    filter is a plain column the filter indexes start with (joining the category table by
    its code let the planner scan another index and check each row); by the join when the
    cache does not know the code yet (a category made a moment ago in another process)."""
    if user.jurisdiction_id:
        categories = reference(user.jurisdiction_id).categories.values()
        ids = [category.pk for category in categories if category.code == code]
        if len(ids) == 1:
            return Q(category_id=ids[0])
    return Q(category__code=code)


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
    #: When not 0, ``count`` is of the matches among the first ``count_scope`` rows of the
    #: list without its search (a search for common words counted by walking).
    count_scope: int = 0
    #: A search by walking that found fewer than a page among the ``walked`` rows it looked
    #: at: the rows are those it found, and the next cursor goes on where it stopped.
    walk_stopped: bool = False
    walked: int = 0
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


#: How many rows of a list a search for common words may look at, in page order, to find
#: a page, and to count its matches (``keyset_page``): they bound its work whatever the size
#: of the table.
SEARCH_WALK_ROWS = 10_000
SEARCH_COUNT_ROWS = 2_000


def keyset_page(
    qs: QuerySet,
    ordering: tuple[tuple[str, bool], ...],
    *,
    after: str = "",
    before: str = "",
    size: int = 50,
    count_cap: int = COUNT_CAP,
    matching: Q | None = None,
    walk: bool = False,
) -> KeysetPage:
    """The page of ``qs`` (narrowed by ``matching``, a search, when given) just after the
    cursor ``after`` (or just before ``before``; the first page without either), with the
    number of matching rows up to ``count_cap``. A cursor that does not parse gives the
    first page.

    Two ways to find them. *By the matches* (``_page_by_ids``): the matching ids first,
    in no particular order (for a rare search word, from the GIN index), then the page
    among them; it costs what the number of matches costs. *By walking* (``_page_by_walk``,
    for a search that matches many rows): the list is read in page order with the search
    as a filter until enough rows match, looking at no more than ``SEARCH_WALK_ROWS``; it
    costs what the density of the matches costs, not their number. ``walk`` asks for the
    second way (``search_walks`` decides for the inbox); where the matches turn out sparse
    its page holds fewer rows, and its cursor goes on where the walk stopped
    (``walk_stopped``). Both give the same rows in the same order; the walk may count only
    among the first rows of the list (``count_scope``)."""
    reverse = False
    position = None
    if before:
        position = decode_position(before, ordering)
        reverse = position is not None
    if position is None and after:
        position = decode_position(after, ordering)
    base = qs.order_by()
    if matching is not None:
        if walk:
            return _page_by_walk(
                base, matching, ordering, position, reverse=reverse, size=size, count_cap=count_cap
            )
        base = base.filter(matching)
    return _page_by_ids(base, ordering, position, reverse=reverse, size=size, count_cap=count_cap)


#: How long a process keeps the search column's statistics (``search_walks``).
SEARCH_STATS_SECONDS = 600
_search_stats: dict[str, tuple[float, dict[str, float], float]] = {}


def _lexeme_statistics(alias: str) -> tuple[dict[str, float], float]:
    """The planner's statistics of the search column (PostgreSQL): the share of rows that
    hold each of its most common lexemes, and the number of rows of the table; read once
    per ``SEARCH_STATS_SECONDS`` per process."""
    cached = _search_stats.get(alias)
    now = time_module.monotonic()
    if cached is not None and cached[0] > now:
        return cached[1], cached[2]
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples "
            "FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() "
            "AND s.tablename = c.relname AND s.attname = 'search_vector' "
            "WHERE c.relname = %s AND c.relnamespace = current_schema()::regnamespace",
            [Complaint._meta.db_table],
        )
        row = cursor.fetchone()
    lexemes, shares, rows = row if row else (None, None, 0.0)
    # The shares list ends with three more figures (smallest, largest, empty share).
    table = dict(zip(lexemes or [], shares or [], strict=False))
    _search_stats[alias] = (now + SEARCH_STATS_SECONDS, table, float(rows or 0))
    return table, float(rows or 0)


def search_walks(qs: QuerySet, text: str, *, count_cap: int = COUNT_CAP, size: int = 50) -> bool:
    """Whether ``keyset_page`` should find a search's page by walking the list
    (``_page_by_walk``) rather than from the matching ids: when its rarest word is common,
    by the planner's statistics of the search column (PostgreSQL; elsewhere False).

    Every word must match, so no more rows match than hold the rarest word, and the GIN
    index finds those at about that word's cost. (The planner's estimate for the words
    together multiplies their shares as if words were independent, and words of one place
    name are not: 181 rows expected for *Sapuro Kebulen* at 1M, 8,800 in fact.) The walk
    is chosen when the rarest word is among the column's most common lexemes, in a share
    that puts a page within ``SEARCH_WALK_ROWS`` rows and in more rows than the count's
    cap. A search with OR or a negation, or with a word outside the common lexemes (a
    tracking code, a rare name), reads the matching ids. One small query per search (the
    words' lexemes); the statistics are kept for ``SEARCH_STATS_SECONDS``."""
    alias = qs.db
    if connections[alias].vendor != "postgresql":
        return False
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT querytree({search_query_sql()})::text", [text])
        found = cursor.fetchone()
    tree = (found[0] if found else "") or ""
    if not tree or "|" in tree or "!" in tree or tree.strip() == "T":
        return False
    words = [w.replace("''", "'") for w in re.findall(r"'((?:[^']|'')*)'", tree)]
    table, rows = _lexeme_statistics(alias)
    if not words or not table:
        return False
    rarest = min(table.get(word, 0.0) for word in words)
    return rarest * SEARCH_WALK_ROWS >= size + 1 and rarest * rows > count_cap


def _page_by_ids(
    base: QuerySet,
    ordering: tuple[tuple[str, bool], ...],
    position: list[Any] | None,
    *,
    reverse: bool,
    size: int,
    count_cap: int,
) -> KeysetPage:
    # The matches, up to the cap and one more, found in no particular order: the database
    # picks the cheapest way (for a rare search word, the GIN index; for filters, an index
    # that starts with the filtered columns, read without touching the table). Their number
    # is the count above the list. When the cap is not reached, the page is chosen and
    # sorted among them by the database in the same query (``keyset.among``), so that a
    # page never walks the date index past rows that all fail the filter (as it would for
    # two common words that never occur together), and only the page's rows are read, by
    # id, never every match's row to keep fifty.
    found = keyset.among(
        base,
        ordering,
        position,
        size=size,
        cap=count_cap,
        reverse=reverse,
        nullable=NULLABLE_ORDER_COLUMNS,
    )
    capped = found.count > count_cap
    count = min(found.count, count_cap)
    if capped:  # the page among every match, not only the first found
        window = _read_among(base, None, ordering, position, reverse, size)
    else:
        by_id = {row.pk: row for row in _rows_by_pk(base, found.ids)} if found.ids else {}
        rows = [by_id[pk] for pk in found.ids if pk in by_id]
        window = keyset.window(rows, size, started=position is not None, reverse=reverse)
    return _page_of(window, ordering, count=count, capped=capped)


def _rows_by_pk(base: QuerySet, ids: list[Any]) -> QuerySet:
    """The rows ``ids``, found in ``base``, with ``base``'s columns and joins but looked up
    by primary key alone: with ``base``'s filters repeated, the planner may read every
    match of a filter index and drop all but these (one table row per match)."""
    rows = base.model._default_manager.filter(pk__in=ids).order_by()
    rows.query.deferred_loading = base.query.deferred_loading
    rows.query.select_related = base.query.select_related
    return rows


def _read_among(
    base: QuerySet,
    ids: list[Any] | None,
    ordering: tuple[tuple[str, bool], ...],
    position: list[Any] | None,
    reverse: bool,
    size: int,
) -> keyset.Window:
    """The keyset window of ``base`` at ``position``, among the rows ``ids`` (all of
    ``base`` when None)."""
    if ids is not None:
        base = base.filter(pk__in=ids) if ids else base.none()
    return keyset.read(
        base, ordering, position, size=size, reverse=reverse, nullable=NULLABLE_ORDER_COLUMNS
    )


def _page_by_walk(
    base: QuerySet,
    matching: Q,
    ordering: tuple[tuple[str, bool], ...],
    position: list[Any] | None,
    *,
    reverse: bool,
    size: int,
    count_cap: int,
) -> KeysetPage:
    """The page and the count by walking ``base`` in page order with ``matching`` as a
    filter (``keyset.walk``), looking at no more than ``SEARCH_WALK_ROWS`` rows: what it
    costs is bounded whatever the size of the table.

    The count walks the first ``SEARCH_COUNT_ROWS`` rows: more than ``count_cap`` matches
    there is "more than ``count_cap``"; a walk that saw every row counts exactly; otherwise
    the count is of the matches among the first rows looked at (``count_scope``). The first
    page is the count's first matches when it found a page's worth; otherwise the walk goes
    on from where the count stopped, up to ``SEARCH_WALK_ROWS`` rows in all; another page
    is a walk of up to ``SEARCH_WALK_ROWS`` rows from its cursor. When
    that part of the list holds fewer matches than a page, the page shows those it found
    and says where the walk stopped (``walk_stopped``): its cursor goes on from there, and
    the inbox offers the search over every complaint (``InboxFilters.thorough``, the
    matching ids by the search index) for words that are common in the table but rare
    together or rare in the newest complaints."""
    nullable = NULLABLE_ORDER_COLUMNS
    budget = max(SEARCH_WALK_ROWS, SEARCH_COUNT_ROWS)
    counted = SEARCH_COUNT_ROWS
    top = keyset.walk(
        base, matching, ordering, None, want=count_cap + 1, budget=counted, nullable=nullable
    )
    if top.exhausted:  # every match is known: read the page among them
        window = _read_among(base, top.ids, ordering, position, reverse, size)
        return _page_of(window, ordering, count=len(top.ids), capped=False)
    capped = len(top.ids) > count_cap
    count = min(len(top.ids), count_cap)
    scope = 0 if capped else counted
    if position is None and len(top.ids) > size:
        part = keyset.Walk(ids=top.ids[: size + 1], exhausted=False)
    elif position is None:  # go on from where the count stopped, up to the same budget
        rest = (
            keyset.walk(
                base,
                matching,
                ordering,
                top.stopped_at,
                want=size + 1 - len(top.ids),
                budget=budget - counted,
                nullable=nullable,
            )
            if budget > counted
            else keyset.Walk([], exhausted=False, stopped_at=top.stopped_at)
        )
        part = keyset.Walk(top.ids + rest.ids, rest.exhausted, rest.stopped_at)
        if part.exhausted:  # it saw every row: an exact count
            count, capped, scope = min(len(part.ids), count_cap), False, 0
        elif part.stopped_at is not None:  # the matches of more rows
            count, scope = len(part.ids), budget
    else:
        part = keyset.walk(
            base,
            matching,
            ordering,
            position,
            want=size + 1,
            budget=budget,
            reverse=reverse,
            nullable=nullable,
        )
    by_id = {row.pk: row for row in base.filter(pk__in=part.ids)}
    rows = [by_id[pk] for pk in part.ids if pk in by_id]
    if part.stopped_at is None:
        window = keyset.window(rows, size, started=position is not None, reverse=reverse)
        return _page_of(window, ordering, count=count, capped=capped, scope=scope)
    # Fewer than a page in the rows looked at: those found, and a cursor that goes on
    # from the last row looked at (an empty page goes on from there both ways, since no
    # row between it and the position matches).
    if reverse:
        rows.reverse()
    window = keyset.Window(rows, has_next=True, has_previous=reverse or position is not None)
    page = _page_of(window, ordering, count=count, capped=capped, scope=scope)
    stop = encode_position(part.stopped_at)
    if (reverse or not rows) and window.has_previous:
        page.previous_cursor = stop
    if not reverse or not rows:
        page.next_cursor = stop
    page.walk_stopped, page.walked = True, budget
    return page


def _page_of(
    window: keyset.Window,
    ordering: tuple[tuple[str, bool], ...],
    *,
    count: int,
    capped: bool,
    scope: int = 0,
) -> KeysetPage:
    rows = window.rows
    page = KeysetPage(rows=rows, object_list=rows, is_first=not window.has_previous)
    if rows:
        if window.has_next:
            page.next_cursor = position_of(rows[-1], ordering)
        if window.has_previous:
            page.previous_cursor = position_of(rows[0], ordering)
    page.count = count
    page.count_capped = capped
    page.count_scope = scope
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
        complaint_list(user, replace(filters, q="")).select_related(None).only(*INBOX_ROW_FIELDS),
        ordering,
        after=after,
        before=before,
        size=size,
        matching=complaint_search(filters.q) if filters.q else None,
        walk=bool(filters.q)
        and not filters.thorough
        and search_walks(Complaint.objects.all(), filters.q, size=size),
    )
    attach_reference(page.rows)
    return page


#: The overdue view counts each unit and stage up to this many ("more than").
OVERDUE_CAP = COUNT_CAP


def overdue_counts(user: User, *, cap: int = OVERDUE_CAP) -> list[dict]:
    """Open complaints overdue now, per unit and stage (for supervisors and verifiers), each
    counted up to ``cap`` (``capped`` says "more than"), with its oldest deadline.

    One query, whose cost does not grow with the overdue complaints: for each unit of the
    jurisdiction (and for the complaints without a unit) and each staff stage, a range of
    the index ``c_overdue`` (jurisdiction, unit, stage, due time), read index-only and
    stopped after ``cap + 1`` entries, and the first entry of that range for the oldest
    deadline (216 short ranges for 71 units). A plain GROUP BY read every overdue complaint
    (146 ms p95 at 10M). Two queries with the unit names.

    The SQL is built from the code's constants (table names, stages); every value is a
    parameter."""
    from aduan.organisation.models import Unit

    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return []
    table = Complaint._meta.db_table
    units_table = Unit._meta.db_table
    stages = sorted(STAFF_STAGES)
    # The stages are constants of the code, written out so that the planner proves the
    # partial index's condition (equalities joined by OR) from ``stage = '…'``; everything
    # else is a parameter.
    # The groups: each unit of the jurisdiction (only the user's own for an officer), and
    # the complaints without a unit for those who read everything.
    sources: list[tuple[str, str, list[Any]]] = []
    if user.reads_everything:
        sources.append(
            (
                f"(SELECT u.id FROM {units_table} u WHERE u.jurisdiction_id = %s) g",  # noqa: S608
                "c.unit_id = g.id",
                [user.jurisdiction_id],
            )
        )
        sources.append(("(SELECT CAST(NULL AS INTEGER) AS id) g", "c.unit_id IS NULL", []))
    else:
        mine = sorted(permissions.unit_ids(user)) or [0]
        sources.append(
            (
                f"(SELECT u.id FROM {units_table} u WHERE u.jurisdiction_id = %s "  # noqa: S608
                f"AND u.id IN ({', '.join(['%s'] * len(mine))})) g",
                "c.unit_id = g.id",
                [user.jurisdiction_id, *mine],
            )
        )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    branches: list[str] = []
    params: list[Any] = []
    for stage in stages:
        for source, unit_condition, source_params in sources:
            where = (
                f"c.jurisdiction_id = %s AND {unit_condition} AND c.stage = '{stage}' "
                "AND c.due_at < %s"
            )
            branches.append(
                f"SELECT g.id, '{stage}', "  # noqa: S608
                f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} c WHERE {where} LIMIT %s) x), "
                # The oldest deadline: the first entry of the range, asked for in the
                # index's own order (a MIN would let the planner walk c_jur_due instead).
                f"(SELECT c.due_at FROM {table} c WHERE {where} "
                "ORDER BY c.jurisdiction_id, c.unit_id, c.stage, c.due_at LIMIT 1) "
                f"FROM {source}"
            )
            params += [user.jurisdiction_id, now, cap + 1, user.jurisdiction_id, now]
            params += source_params
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)  # noqa: S608
        rows = [row for row in cursor.fetchall() if row[2]]
    names = dict(
        Unit.objects.filter(pk__in={r[0] for r in rows if r[0]}).values_list("pk", "short_name")
    )
    result = [
        {
            "unit_id": unit_id,
            "unit__short_name": names.get(unit_id),
            "stage": stage,
            "stage_label": Stage(stage).label,
            "n": min(n, cap),
            "capped": n > cap,
            "oldest_due": _aware(oldest),
        }
        for unit_id, stage, n, oldest in rows
    ]
    # NULL unit (still at the verifier) last, as the database sorts NULLs.
    result.sort(
        key=lambda r: (r["unit__short_name"] is None, r["unit__short_name"] or "", r["stage"])
    )
    return result


def _aware(moment: Any) -> datetime | None:
    """A datetime read by raw SQL: SQLite gives text (naive UTC), PostgreSQL an aware one."""
    if moment is None or isinstance(moment, datetime):
        return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(moment)).replace(tzinfo=UTC)


PLANNING_GROUPS = {
    "kategori": ("complaint__category__name", _("Kategori")),
    "kelurahan": ("complaint__area__name", _("Kelurahan")),
    "unit": ("complaint__unit__short_name", _("Unit")),
}


def planning_queue(user: User, *, group: str = "kategori", decided: bool = False) -> list[dict]:
    """TAPD's planning queue: flagged complaints grouped by category, kelurahan or unit,
    each group with its complaints and the number of supporting reports."""
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
