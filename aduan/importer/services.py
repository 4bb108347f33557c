"""Bulk import of complaints exported by other systems (``aduan import``).

One pass over the file: every row is checked with the web form's rules
(``complaints.services._clean_submission``) and mapped to a category, unit and kelurahan
through the organisation's lookups (cached per distinct value); good rows are written in
batches. On PostgreSQL a batch is two ``COPY … FROM STDIN`` (complaints and their
``imported`` timeline events) with complaint ids drawn from the table's sequence and tracking
codes reserved in one update per year; elsewhere ``bulk_create``. A file of
``ADUAN_IMPORT_PIPELINE_MIN_ROWS`` rows or more on PostgreSQL is checked by
``ADUAN_IMPORT_WORKERS`` child processes while this one writes (``_Pipeline``): the same rows,
codes and errors as the serial import, with the checking and the database at work together.

The whole import is one transaction: with any bad row nothing is kept (unless
``skip_bad``), and every bad row is reported (row number, column, message). A dry run checks
everything and writes nothing. The source system and the row's id there become the
complaint's ``submission_key`` (``impor:<source>:<id>``), the intake's own guard against a
report arriving twice (unique per jurisdiction): rows imported before are skipped, so a
re-run adds only what is new.

Imported complaints get no notification and no triage suggestion. An open complaint's clock
starts at the import (the old system's deadlines are not carried over), so a large import
does not set off a wave of reminders and escalations; a closed one has no clock.

The import holds the tracking-number sequence rows of the years it touches until it
commits: web reports of the current year wait for a large import of the current year.

A large first load on PostgreSQL (a file of ``ADUAN_IMPORT_REBUILD_MIN_ROWS`` rows or more
into a complaint table holding at most a quarter as many) drops most secondary indexes of
the complaint table (not the full-text one, nor the partial indexes an imported complaint
seldom enters: ``_KEPT_WHILE_LOADING``) and the foreign keys of the complaint and event
tables before its first batch and makes them again before it commits, in the same
transaction (an import that fails leaves them as they were). That costs less than keeping
them row by row, but locks the complaint and event tables and the tables they refer to
(jurisdictions, units, categories, areas, users) until the import ends: the site waits
meanwhile, as suits bringing in an old system's history before going live.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import multiprocessing
import operator
import re
import secrets
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from aduan.complaints.choices import CLOSED_STATUSES, EventKind, Privacy, ReportType
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.complaints.services import _clean_submission, tracking_numbers_take
from aduan.importer import formats
from aduan.importer.formats import Format, Sheet
from aduan.lib.text import compact_name
from aduan.organisation.choices import UnitKind
from aduan.organisation.models import Area, Category, Jurisdiction, Unit
from aduan.organisation.selectors import area_resolve, route_complaint
from aduan.reports import rollups
from aduan.sla import clocks
from aduan.transparency.publish import public_text_of

WIB = ZoneInfo("Asia/Jakarta")

#: ``_clean_submission``'s field names -> the canonical column they come from.
_INPUT_FIELDS = {
    "description": "uraian",
    "reporter_name": "nama",
    "reporter_phone": "telepon",
    "reporter_email": "email",
    "category": "kategori",
    "area": "kelurahan",
    "report_type": "jenis",
    "channel": "kanal",
    "privacy": "anonim",
    None: "uraian",
}


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"baris {self.row}, kolom '{self.column}': {self.message}"


@dataclass
class ImportReport:
    source: str
    rows: int = 0
    imported: int = 0
    already_imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    committed: bool = False
    seconds: float = 0.0

    @property
    def bad_rows(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


class _Abort(Exception):
    """Raised inside the transaction to undo an import that found bad rows."""


@dataclass
class _Prepared:
    row: int
    source_id: str
    year: int
    complaint: dict[str, Any]
    note: str


class _Lookups:
    """The jurisdiction's categories, units and areas, and every answer given so far."""

    def __init__(self, jurisdiction: Jurisdiction, now: datetime) -> None:
        self.jurisdiction = jurisdiction
        self.now = now
        self.categories: dict[str, Category] = {}
        for cat in Category.objects.filter(jurisdiction=jurisdiction).select_related(
            "default_unit", "jurisdiction"
        ):
            for key in (cat.name, cat.code, cat.name_en):
                if key:
                    self.categories.setdefault(compact_name(key), cat)
        self.units: dict[str, Unit] = {}
        for unit in Unit.objects.filter(jurisdiction=jurisdiction, is_active=True):
            for key in (unit.name, unit.short_name, unit.code):
                if key:
                    self.units.setdefault(compact_name(key), unit)
        for unit in Unit.objects.filter(jurisdiction=jurisdiction, is_active=True):
            for key in unit.keywords.split(","):
                if compact_name(key):
                    self.units.setdefault(compact_name(key), unit)
        self._texts: dict[str, str] = {}
        self._areas: dict[str, Area | None] = {}
        self._routes: dict[tuple[int, int | None], Unit | None] = {}
        self._clocks: dict[tuple[str, int | None, int | None], dict[str, Any]] = {}
        #: In the pipeline's child process: asks the parent process (``_pipeline``) what
        #: needs the database, instead of querying.
        self.ask: Callable[..., Any] | None = None

    def category(self, text: str) -> Category | None:
        if text not in self._texts:
            self._texts[text] = compact_name(text)
        return self.categories.get(self._texts[text])

    def unit(self, text: str) -> Unit | None:
        if text not in self._texts:
            self._texts[text] = compact_name(text)
        return self.units.get(self._texts[text])

    def area(self, text: str) -> Area | None:
        if text not in self._areas:
            if self.ask is not None:
                self._areas[text] = self.ask("area", text)
            else:
                self._areas[text] = area_resolve(jurisdiction=self.jurisdiction, text=text)
        return self._areas[text]

    def route(self, category: Category, area: Area | None) -> Unit | None:
        key = (category.id, area.id if area else None)
        if key not in self._routes:
            if self.ask is not None:
                self._routes[key] = self.ask("route", category, area)
            else:
                self._routes[key] = route_complaint(
                    jurisdiction=self.jurisdiction, category=category, area=area
                )
        return self._routes[key]

    def clock(self, status: str, category: Category | None, unit: Unit | None) -> dict[str, Any]:
        """The clock fields of a complaint entering ``status`` now (``sla.clocks``)."""
        key = (status, category.id if category else None, unit.id if unit else None)
        if key not in self._clocks and self.ask is not None:
            self._clocks[key] = self.ask("clock", status, category, unit)
        if key not in self._clocks:
            probe = Complaint(
                jurisdiction=self.jurisdiction, category=category, unit=unit, status=""
            )
            clocks.enter_stage(probe, to_status=status, now=self.now)
            self._clocks[key] = {name: getattr(probe, name) for name in clocks.CLOCK_FIELDS}
        return self._clocks[key]


def _text(row: list[Any], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = row[index]
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number or id that a spreadsheet stored as a number
    return str(value).strip()


_DMY = re.compile(
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)


def parse_datetime(value: Any) -> datetime | None:
    """A date or date-time as exports write it (ISO, or day/month/year with an optional
    time), naive ones read as WIB; None if unreadable."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)  # noqa: DTZ001 - made aware below
    else:
        text = str(value).strip()
        found = _DMY.match(text)
        try:
            if found:
                day, month, year, hour, minute, second = found.groups()
                return datetime(
                    int(year),
                    int(month),
                    int(day),
                    int(hour or 0),
                    int(minute or 0),
                    int(second or 0),
                    tzinfo=WIB,
                )
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=WIB)
    return parsed


def _flag(value: str) -> bool | None:
    key = value.strip().lower()
    if key in formats.YES:
        return True
    if key in formats.NO:
        return False
    return None


class _Checker:
    """Turns one row into the values of a complaint, or into errors."""

    def __init__(self, fmt: Format, sheet: Sheet, lookups: _Lookups, report: ImportReport):
        self.fmt = fmt
        self.index = sheet.index
        self.headers = sheet.headers
        self.lookups = lookups
        self.report = report
        self.jurisdiction = lookups.jurisdiction
        self.seen: set[str] = set()
        self.salts: list[str] = []
        self.statuses = {**formats.STATUSES, **fmt.statuses}
        self.positions = list(sheet.index.items())
        self.names = tuple(name for name, _position in self.positions)
        self.pick = _getter([position for _name, position in self.positions])
        self.width = max((position + 1 for _name, position in self.positions), default=0)
        self.memo: dict[tuple[int, str], str | None] = {}
        #: ``parse_datetime`` of each cell seen (dates repeat: a closing day, a day's
        #: reports exported without their time).
        self.dates: dict[Any, datetime | None] = {}
        self.blank = {name: "" for name in formats.FIELDS} | {
            name: str(value) for name, value in fmt.defaults.items() if name in formats.FIELDS
        }
        #: The file's columns whose empty cell means the format's default.
        self.defaulted = tuple(name for name in self.names if self.blank[name])

    def column(self, name: str) -> str:
        return self.headers.get(name) or (self.fmt.columns.get(name) or (name,))[0]

    def salt(self) -> str:
        """A new complaint's random ``access_salt`` (``secrets.token_hex(8)``), taken from
        random bytes drawn 512 salts at a time. A forked checking process empties
        ``salts`` first (``_Pipeline.child``): it must not hand out its parent's."""
        if not self.salts:
            pool = secrets.token_hex(8 * 512)
            self.salts = [pool[at : at + 16] for at in range(0, len(pool), 16)]
        return self.salts.pop()

    def date(self, value: Any) -> datetime | None:
        """``parse_datetime(value)``, once for each distinct cell."""
        try:
            return self.dates[value]
        except KeyError:
            if len(self.dates) > 4096:
                self.dates.clear()
            parsed = self.dates[value] = parse_datetime(value)
            return parsed

    def _memo(self, table: dict[str, str], text: str) -> str | None:
        """``table``'s value for ``text`` compared without case and extra spaces."""
        key = (id(table), text)
        if key not in self.memo:
            self.memo[key] = table.get(formats._key(text))
        return self.memo[key]

    def source_id(self, row: list[Any]) -> str:
        """The row's id in the source system (``check`` reads it the same way)."""
        idx = self.index
        if self.fmt.id_from:
            parts = [_text(row, idx.get(n)) for n in self.fmt.id_from]
            return _text(row, idx.get("kode_sumber")) or formats.hashed_id(parts)
        return _text(row, idx.get("kode_sumber")) or self.blank["kode_sumber"]

    def note_seen(self, row: list[Any]) -> None:
        """What ``check`` remembers of a row that another process checks: its id, so that
        a later row with the same id is refused here too."""
        self.seen.add(self.source_id(row))

    def check(self, number: int, row: list[Any], existing: set[str]) -> _Prepared | None:
        idx = self.index
        errors: list[RowError] = []

        def fail(name: str, message: str) -> None:
            errors.append(RowError(number, self.column(name), message))

        v = dict(self.blank)
        length = len(row)
        try:
            if length < self.width:
                raise TypeError
            # A CSV row (every cell a string, none missing): all cells at once. A cell of
            # another type (XLSX) fails ``str.strip`` and takes the loop below.
            v.update(zip(self.names, map(str.strip, self.pick(row)), strict=True))
            for name in self.defaulted:
                if not v[name]:
                    v[name] = self.blank[name]
        except TypeError:
            v = dict(self.blank)
            for name, position in self.positions:
                if position < length:
                    cell = row[position]
                    if cell.__class__ is str:
                        text = cell.strip()
                    elif cell is None:
                        continue
                    else:
                        text = _text(row, position)
                    if text:
                        v[name] = text
        get = v.__getitem__

        source_id = self.source_id(row) if self.fmt.id_from else get("kode_sumber")
        if not source_id:
            fail("kode_sumber", "ID laporan di sistem asal kosong. / Source id is empty.")
        elif len(source_id) > 120:
            fail("kode_sumber", "ID laporan terlalu panjang (batas 120). / Source id too long.")
        elif source_id in self.seen:
            fail("kode_sumber", f"ID '{source_id}' muncul lebih dari sekali di berkas.")
        elif source_key(self.fmt.source, source_id) in existing:
            self.seen.add(source_id)
            self.report.already_imported += 1
            return None
        self.seen.add(source_id)

        raw_date = row[idx["tanggal"]] if "tanggal" in idx and idx["tanggal"] < length else ""
        submitted = self.date(raw_date) if raw_date not in (None, "") else None
        if submitted is None:
            fail(
                "tanggal",
                f"Tanggal '{raw_date or ''}' tidak dapat dibaca (contoh: 2025-03-04 10:20 atau "
                "04/03/2025 10:20). / Unreadable date.",
            )
        elif submitted > self.lookups.now:
            fail("tanggal", "Tanggal laporan ada di masa depan. / Date is in the future.")

        status_text = get("status")
        status = self._memo(self.statuses, status_text) if status_text else "baru"
        if status is None or status not in formats.IMPORTABLE_STATUSES:
            fail("status", f"Status '{status_text}' tidak dikenal. / Unknown status.")

        report_type: str = ReportType.ADUAN
        if get("jenis"):
            report_type = self._memo(formats.REPORT_TYPES, get("jenis")) or ""
            if not report_type:
                fail("jenis", f"Jenis laporan '{get('jenis')}' tidak dikenal.")
        channel = self._memo(formats.CHANNELS, get("kanal") or "web") or ""
        if not channel:
            fail("kanal", f"Kanal '{get('kanal')}' tidak dikenal. / Unknown channel.")

        category = None
        if get("kategori"):
            category = self.lookups.category(get("kategori"))
            if category is None:
                fail("kategori", f"Kategori '{get('kategori')}' tidak dikenal.")
        area = None
        if get("kelurahan"):
            area = self.lookups.area(get("kelurahan"))
            if area is None:
                fail("kelurahan", f"Kelurahan '{get('kelurahan')}' tidak dikenal.")
        unit = referred = None
        if get("unit"):
            unit = self.lookups.unit(get("unit"))
            if unit is None:
                fail("unit", f"Unit/instansi '{get('unit')}' tidak dikenal.")
            elif status == "dirujuk":
                referred, unit = unit, None
            elif unit.kind == UnitKind.EXTERNAL:
                fail("unit", f"'{unit.name}' adalah instansi luar, hanya untuk rujukan.")
        if status in formats.UNIT_STATUSES and unit is None and not errors:
            unit = self.lookups.route(category, area) if category is not None else None
            if unit is None:
                fail(
                    "unit",
                    f"Status '{status_text}' berarti laporan ada di unit, tetapi unit "
                    "penanganannya tidak diisi dan tidak dapat ditentukan dari kategori.",
                )

        anonymous, confidential = _flag(get("anonim")), _flag(get("rahasia"))
        if anonymous is None:
            fail("anonim", f"Isi 'ya' atau 'tidak', bukan '{get('anonim')}'.")
        if confidential is None:
            fail("rahasia", f"Isi 'ya' atau 'tidak', bukan '{get('rahasia')}'.")
        name, phone, email = get("nama"), get("telepon"), get("email")
        if confidential:
            privacy = Privacy.RAHASIA
        elif anonymous or (self.fmt.name == "whatsapp" and not name):
            privacy = Privacy.ANONIM
        else:
            privacy = Privacy.BIASA
        description = get("uraian")
        problems, _files = _clean_submission(
            jurisdiction=self.jurisdiction,
            report_type=report_type or ReportType.ADUAN,
            description=description,
            category=category,
            area=area,
            channel=channel or "web",
            privacy=privacy,
            reporter_name=name,
            reporter_phone=phone,
            reporter_email=email,
            latitude=None,
            longitude=None,
            attachments=(),
        )
        for key, messages in problems.items():
            for message in messages:
                fail(_INPUT_FIELDS.get(key, "uraian"), message)
        closed_at = None
        if get("tanggal_selesai"):
            closed_at = self.date(row[idx["tanggal_selesai"]])
            if closed_at is None:
                fail("tanggal_selesai", f"Tanggal '{get('tanggal_selesai')}' tidak terbaca.")
        if errors:
            self.report.errors.extend(errors)
            return None
        assert submitted is not None and status is not None  # noqa: S101 - checked above
        if status in CLOSED_STATUSES:
            closed_at = closed_at or submitted
        else:
            closed_at = None
        # Every column of ``rollups.FIELDS`` is here: the rollup is counted from these.
        values: dict[str, Any] = {
            "jurisdiction_id": self.jurisdiction.id,
            "submission_key": source_key(self.fmt.source, source_id),
            "access_salt": self.salt(),
            "report_type": report_type,
            "channel": channel,
            "privacy": privacy,
            "category_id": category.id if category else None,
            "title": get("judul")[:200],
            "description": description.strip(),
            "area_id": area.id if area else None,
            "address": get("alamat")[:300],
            "reporter_name": name[:120],
            "reporter_phone": phone[:40],
            "reporter_email": email[:254],
            "status": status,
            "unit_id": unit.id if unit else None,
            "referred_to_id": referred.id if referred else None,
            "submitted_at": submitted,
            "closed_at": closed_at,
            "verified_at": None,
            "first_follow_up_at": None,
            "resolved_at": closed_at if status == "selesai" else None,
            "updated_at": self.lookups.now,
            **self.lookups.clock(status, category, unit),
        }
        note = get("keterangan")
        return _Prepared(number, source_id, submitted.astimezone(WIB).year, values, note)


class _Writer:
    """Writes prepared rows: tracking codes, complaints, their events."""

    def __init__(self, jurisdiction: Jurisdiction, source: str, now: datetime) -> None:
        self.jurisdiction = jurisdiction
        self.source = source
        self.now = now
        self.label = f"Impor {source}"[:120]
        self.note_limit = settings.ADUAN_MAX_DESCRIPTION_CHARS
        # A new complaint's columns that the public text reads and a row never sets.
        blank = Complaint(jurisdiction=jurisdiction)
        self.archive_reason, self.edited = blank.archive_reason, blank.public_text

    def codes(self, batch: list[_Prepared]) -> list[str]:
        return self.codes_of([item.year for item in batch])

    def codes_of(self, years: list[int]) -> list[str]:
        """A tracking code for each of ``years`` (a row's year of submission)."""
        by_year: dict[int, int] = {}
        for year in years:
            by_year[year] = by_year.get(year, 0) + 1
        numbers: dict[int, Iterator[int]] = {}
        for year, count in sorted(by_year.items()):
            numbers[year] = iter(
                tracking_numbers_take(jurisdiction=self.jurisdiction, year=year, count=count)
            )
        prefix = self.jurisdiction.tracking_prefix
        return [f"{prefix}-{year}-{next(numbers[year]):06d}" for year in years]

    def public_search(self, values: dict[str, Any]) -> str:
        """The public page's search text of a new complaint with ``values`` (what the save
        signal stores for complaints written one by one; bulk writes bypass it):
        ``publish.search_text`` of ``Complaint(**values)``, from the column values that it
        reads (a test compares both), without a model instance."""
        return public_text_of(
            status=values["status"],
            archive_reason=values.get("archive_reason", self.archive_reason),
            edited=values.get("public_text", self.edited),
            description=values["description"],
            reporter=(values["reporter_name"], values["reporter_phone"], values["reporter_email"]),
        ).lower()

    def count_in_dashboards(self, batch: list[_Prepared]) -> None:
        """Add the batch to the dashboards' rollup, in the import's transaction (the services
        do this for complaints written one by one; bulk writes bypass them). From the values
        written, with the rollup's own ``state_keys``: a new complaint whose only event is
        the import has no finished stage and no rating (``rollups.new_complaints``)."""
        rollups.apply(rollups.new_complaints(item.complaint for item in batch))

    def event_values(self, item: _Prepared, complaint_id: int) -> dict[str, Any]:
        """The ``imported`` event of a complaint (``EVENT_COLUMNS``)."""
        values = item.complaint
        return {
            "complaint_id": complaint_id,
            "created_at": self.now,
            "kind": EventKind.IMPORTED,
            "actor_label": self.label,
            "to_status": values["status"],
            "message": item.note[: self.note_limit],
            "is_public": False,
            "data": {
                "source": self.source,
                "source_id": item.source_id,
                "row": item.row,
                "stage": values["stage"],
                "due_at": values["due_at"].isoformat() if values["due_at"] else "",
            },
        }

    EVENT_COLUMNS = (
        "complaint_id",
        "created_at",
        "kind",
        "actor_label",
        "to_status",
        "message",
        "is_public",
        "data",
    )
    #: ``EVENT_COLUMNS`` in the order of a line of ``COPY`` text (``_CopyWriter.event_line``).
    EVENT_COPY_COLUMNS = (
        "complaint_id",
        "message",
        "data",
        "created_at",
        "kind",
        "actor_label",
        "to_status",
        "is_public",
    )

    def write(self, batch: list[_Prepared]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once after the last batch, inside the import's transaction."""


class _OrmWriter(_Writer):
    """Any database: ``bulk_create`` (which returns ids on SQLite and PostgreSQL)."""

    def write(self, batch: list[_Prepared]) -> None:
        codes = self.codes(batch)
        complaints = [
            Complaint(
                tracking_code=code,
                public_search=self.public_search(item.complaint),
                **item.complaint,
            )
            for code, item in zip(codes, batch, strict=True)
        ]
        Complaint.objects.bulk_create(complaints, batch_size=500)
        ComplaintEvent.objects.bulk_create(
            [
                ComplaintEvent(**self.event_values(item, c.pk))
                for item, c in zip(batch, complaints, strict=True)
            ],
            batch_size=500,
        )
        self.count_in_dashboards(batch)


class _Table:
    """``COPY`` into a model's table: the ``given`` columns come from each row, in that
    order; every other column gets its field's default (the same for every row)."""

    def __init__(self, model: type[models.Model], given: Sequence[str]) -> None:
        from psycopg.types.json import Jsonb

        fields = {f.attname: f for f in model._meta.concrete_fields}
        rest = [f for name, f in fields.items() if name not in given and not f.primary_key]
        missing = set(given) - set(fields)
        if missing:
            raise ValueError(f"{model.__name__} has no column {', '.join(sorted(missing))}")
        tail = tuple(
            Jsonb(f.get_default()) if isinstance(f, models.JSONField) else f.get_default()
            for f in rest
        )
        # The defaults' text, formatted once: appended to every row's line.
        self.tail = b"\t" + _copy_line(tail)[:-1] if tail else b""
        quote = connection.ops.quote_name
        columns = [fields[name].column for name in given] + [f.column for f in rest]
        #: The columns of a line, in order (the given ones, then the defaults).
        self.columns = tuple(columns)
        self.table = model._meta.db_table
        self.sql = f"COPY {quote(self.table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"

    def copy(self, cursor: Any, lines: Iterable[bytes]) -> None:
        from psycopg.copy import QueuedLibpqWriter

        # The queued writer sends from a thread, so the server works while lines are made.
        with cursor.copy(self.sql, writer=QueuedLibpqWriter(cursor)) as copy:
            # 256 lines at a time, taken and joined in C (no line is empty: each ends in
            # a newline).
            rest = iter(lines)
            while chunk := b"".join(islice(rest, 256)):
                copy.write(chunk)


def _copy_line(row: Sequence[Any]) -> bytes:
    """``row`` as one line of ``COPY`` text, as psycopg formats it (``copy.write_row``),
    with no connection needed: a process that only checks and formats rows can make it."""
    format_row, transformer = _FORMAT or _load_format()
    out = bytearray()
    format_row(row, transformer, out)
    return bytes(out)


def _load_format() -> tuple[Callable[[Sequence[Any], Any, bytearray], None], Any]:
    """psycopg's row formatter and a transformer without a connection, looked up once: two
    ``from … import`` in ``_copy_line`` cost ~2 µs a line (two lines a row)."""
    global _FORMAT
    from psycopg._copy_base import format_row_text
    from psycopg.adapt import Transformer

    _FORMAT = (format_row_text, Transformer())
    return _FORMAT


_FORMAT: tuple[Callable[[Sequence[Any], Any, bytearray], None], Any] | None = None


class _Stamps:
    """Time stamps as ``COPY`` text. psycopg's dumper costs about 1.5 µs a value, and most
    values of a row repeat (the import's moment, the clock's due times): each distinct one
    is formatted once (``isoformat`` writes what the dumper writes)."""

    def __init__(self) -> None:
        self.seen: dict[datetime, str] = {}

    def __call__(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        text = self.seen.get(value)
        if text is None:
            if len(self.seen) > 4096:
                self.seen.clear()
            text = self.seen[value] = value.isoformat(" ")
        return text


#: The complaint columns that differ from row to row (``_CopyWriter.complaint_line``
#: formats them for every row, the others once for each distinct set of their values).
_ROW_COLUMNS = frozenset(
    {
        "submission_key",
        "access_salt",
        "title",
        "description",
        "address",
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "submitted_at",
        "closed_at",
        "resolved_at",
    }
)


def _is_stamp(name: str) -> bool:
    return isinstance(Complaint._meta.get_field(name), models.DateTimeField)


def _getter(names: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of ``names`` in a dict (or positions in a list), as a tuple
    (``operator.itemgetter`` gives one value, not a tuple, for one name)."""
    if len(names) == 1:
        (name,) = names
        return lambda values: (values[name],)
    return operator.itemgetter(*names)


#: ``json.dumps`` of a string that needs no escaping: printable ASCII without quotes or
#: backslashes.
_PLAIN_JSON = re.compile(r"[ !#-\[\]-~]*")


def _json_string(text: str) -> str:
    """``json.dumps(text)``, without its cost for the common plain id."""
    if _PLAIN_JSON.fullmatch(text):
        return f'"{text}"'
    return json.dumps(text)


@dataclass
class _Lines:
    """A batch as ``COPY`` text: what ``_CopyWriter.write_lines`` needs, made without a
    database connection (so that another process can make it)."""

    columns: tuple[str, ...]  # the complaint's columns after id, code and search text
    years: list[int]
    complaints: list[bytes]
    events: list[bytes]
    rollup: Any  # rollups.new_complaints of the batch


class _CopyWriter(_Writer):
    """PostgreSQL: ``COPY`` through psycopg 3, complaint ids taken from the sequence.

    A batch is turned into lines of ``COPY`` text (``lines``: checking, the public search
    text, formatting; no database) and then written (``write_lines``: ids, tracking codes,
    the two ``COPY`` and the rollup). The serial import does both in turn; the pipelined one
    (``_pipeline``) makes the lines in a child process while this one writes the previous
    batch."""

    def __init__(
        self, jurisdiction: Jurisdiction, source: str, now: datetime, *, rebuild: bool = False
    ) -> None:
        super().__init__(jurisdiction, source, now)
        # The row's own columns first (``event_line``).
        self.events = _Table(ComplaintEvent, self.EVENT_COPY_COLUMNS)
        self.complaints: _Table | None = None
        self.columns: tuple[str, ...] = ()
        self.stamp = _Stamps()
        # Set by ``use_columns``: the row's own columns and the others.
        self.take: Callable[[dict[str, Any]], tuple[Any, ...]] = tuple
        self.take_state: Callable[[dict[str, Any]], tuple[Any, ...]] = tuple
        self.stamp_at: tuple[int, ...] = ()
        self.state_stamped: tuple[bool, ...] = ()
        self.state_text: dict[tuple[Any, ...], bytes] = {}
        # The JSON of an ``imported`` event's data, in pieces, and the text of the rest of
        # its line, by status, stage and due time (``event_line``).
        self.data_head = f'{{"source": {json.dumps(source)}, "source_id": '
        self.event_text: dict[tuple[Any, ...], tuple[str, bytes]] = {}
        self.rebuild = rebuild
        self.restore: list[str] | None = None
        #: The complaint ids' sequence (``write_lines``).
        self.sequence: str | None = None
        #: The dashboards' rollup of every batch written, added once at the end (fewer
        #: rows than one set per batch: a month's keys recur from batch to batch).
        self.rollup: Counter[Any] = Counter()
        #: The rollup's keys of each state met in earlier batches (``rollups.new_complaints``).
        self.states: dict[tuple[Any, ...], Counter[Any]] = {}

    def complaint_line(self, values: dict[str, Any]) -> bytes:
        """A complaint's line without its id and tracking code (the writer puts them first):
        the public search text and the row's own columns (``_ROW_COLUMNS``) formatted for
        each row, then the text of the other columns and the defaults, formatted once for
        each distinct set of their values (most repeat from row to row: the jurisdiction,
        status, unit, category, kelurahan, clock)."""
        assert self.complaints is not None  # noqa: S101 - set by ``lines``
        row: list[Any] = [self.public_search(values), *self.take(values)]
        for at in self.stamp_at:
            moment = row[at]
            if moment is not None:
                row[at] = moment.isoformat(" ")  # what psycopg's dumper writes
        state = self.take_state(values)
        rest = self.state_text.get(state)
        if rest is None:
            if len(self.state_text) > 4096:
                self.state_text.clear()
            formatted = tuple(
                self.stamp(value) if is_stamp else value
                for value, is_stamp in zip(state, self.state_stamped, strict=True)
            )
            rest = self.state_text[state] = (
                b"\t" + _copy_line(formatted)[:-1] + self.complaints.tail + b"\n"
            )
        return _copy_line(row)[:-1] + rest

    def event_line(self, item: _Prepared) -> bytes:
        """The ``imported`` event's line without its complaint id (``event_values``): the
        note and the JSON of ``data`` for each row, the rest (the moment, kind, label,
        status and defaults) formatted once per status, and ``data``'s JSON put together
        from pieces formatted once (the source, each stage and due time) and the row's id
        and number."""
        values = item.complaint
        key = (values["status"], values["stage"], values["due_at"])
        known = self.event_text.get(key)
        if known is None:
            if len(self.event_text) > 4096:
                self.event_text.clear()
            status, stage, due = key
            due_text = due.isoformat() if due else ""
            data_tail = f', "stage": {json.dumps(stage)}, "due_at": {json.dumps(due_text)}}}'
            rest = (self.stamp(self.now), EventKind.IMPORTED, self.label, status, False)
            known = self.event_text[key] = (
                data_tail,
                b"\t" + _copy_line(rest)[:-1] + self.events.tail + b"\n",
            )
        data_tail, rest_text = known
        data = f'{self.data_head}{_json_string(item.source_id)}, "row": {item.row:d}{data_tail}'
        return _copy_line((item.note[: self.note_limit], data))[:-1] + rest_text

    def use_columns(self, columns: tuple[str, ...]) -> None:
        self.columns = columns
        own = tuple(name for name in columns if name in _ROW_COLUMNS)
        state = tuple(name for name in columns if name not in _ROW_COLUMNS)
        self.take = _getter(own)
        self.take_state = _getter(state)
        # Where the row's own time stamps are in its part of a line (after the search text).
        self.stamp_at = tuple(at + 1 for at, name in enumerate(own) if _is_stamp(name))
        self.state_stamped = tuple(_is_stamp(name) for name in state)
        self.complaints = _Table(Complaint, ("id", "tracking_code", "public_search", *own, *state))

    def lines(self, batch: list[_Prepared], *, lazy: bool = False) -> _Lines:
        """The batch as lines of ``COPY`` text; ``lazy``: the lines as generators, made while
        they are sent."""
        if self.complaints is None:
            # Every prepared row has the same keys (``_Checker.check``).
            self.use_columns(tuple(batch[0].complaint))
        complaints = (self.complaint_line(item.complaint) for item in batch)
        events = (self.event_line(item) for item in batch)
        return _Lines(
            columns=self.columns,
            years=[item.year for item in batch],
            complaints=complaints if lazy else list(complaints),  # type: ignore[arg-type]
            events=events if lazy else list(events),  # type: ignore[arg-type]
            rollup=rollups.new_complaints((item.complaint for item in batch), self.states),
        )

    def write(self, batch: list[_Prepared]) -> None:
        self.write_lines(self.lines(batch, lazy=True))

    def write_lines(self, lines: _Lines) -> None:
        if self.rebuild and self.restore is None:
            self.restore = _drop_indexes_and_foreign_keys(
                _LOADED_TABLES, indexes_of=_LOADED_TABLES[:1], keep=_KEPT_WHILE_LOADING
            )
        if self.complaints is None:  # the lines were made in another process
            self.use_columns(lines.columns)
        assert self.complaints is not None  # noqa: S101 - set just above
        codes = self.codes_of(lines.years)
        # Raw psycopg errors become Django's (IntegrityError, ...) as for any other query.
        with connection.wrap_database_errors, connection.cursor() as wrapper:
            cursor = wrapper.cursor  # the psycopg cursor under Django's wrapper
            if self.sequence is None:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [self.complaints.table])
                (self.sequence,) = cursor.fetchone()
            # The sequence named once: ``pg_get_serial_sequence`` in the query below would
            # be evaluated for every row (~4.5 µs each, against ~0.5 for ``nextval``).
            cursor.execute(
                "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
                [self.sequence, len(codes)],
            )
            ids = [r[0] for r in cursor.fetchall()]
            self.complaints.copy(
                cursor,
                (
                    b"%d\t%s\t%s" % (pk, code.encode(), line)
                    for pk, code, line in zip(ids, codes, lines.complaints, strict=True)
                ),
            )
            self.events.copy(
                cursor,
                (b"%d\t%s" % (pk, line) for pk, line in zip(ids, lines.events, strict=True)),
            )
        self.rollup.update(lines.rollup)

    def finish(self) -> None:
        rollups.apply_many(self.rollup)
        self.rollup.clear()
        if self.restore:
            with connection.cursor() as cursor:
                for statement in self.restore:
                    cursor.execute(statement)
            self.restore = None


#: The tables an import loads: complaints and their events.
_LOADED_TABLES = (Complaint._meta.db_table, ComplaintEvent._meta.db_table)

#: The complaint table's indexes that a large first load keeps in place instead of dropping
#: and making them again: row by row, they cost the database about what building them again
#: after the last batch would, but while the checking process works (the database waits for
#: it meanwhile), not after it. The full-text GIN index (a new row's entries go to its
#: pending list, merged in bulk every ``gin_pending_list_limit``), and the partial indexes
#: that an imported complaint seldom enters (a row that does not is only tested against the
#: condition; building one again reads the whole table). See docs/performance.md, "Bulk
#: import", sixth round. The event table's indexes are all kept (one event per complaint,
#: written in the order of its id and moment).
_KEPT_WHILE_LOADING = frozenset(
    {
        "c_search",
        "c_citizen_wait",
        "c_escalate_open",
        "c_point_open",
        "c_open_backlog",
        "c_overdue",
        "c_remind_open",
        "c_spam_held",
        "c_verify_queue",
    }
)


def _drop_indexes_and_foreign_keys(
    tables: Sequence[str],
    *,
    indexes_of: Sequence[str] | None = None,
    keep: Iterable[str] = (),
) -> list[str]:
    """Drop the indexes of ``indexes_of`` (default ``tables``) that are neither the primary
    key nor unique (nor behind a constraint) nor in ``keep``, and the foreign keys of
    ``tables``, in the current transaction; return the statements that create them again
    (indexes first, then the foreign keys, which check every row when added). Building an
    index once over the loaded table costs less than updating it row by row, and checking a
    foreign key once for the whole table less than once per row, when the table held little
    before. Takes ``ACCESS EXCLUSIVE`` locks on ``tables`` and on the tables their foreign
    keys point to (jurisdictions, units, categories, areas, users) until the transaction
    ends: only for a large first load."""
    quote = connection.ops.quote_name
    indexed = list(tables if indexes_of is None else indexes_of)
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT k.conrelid::regclass::text, k.conname, pg_get_constraintdef(k.oid)
                 FROM pg_constraint k
                WHERE k.contype = 'f' AND k.conrelid = ANY(%s::regclass[])
                ORDER BY 1, 2""",
            [list(tables)],
        )
        foreign_keys = cursor.fetchall()
        cursor.execute(
            """SELECT c.relname, pg_get_indexdef(i.indexrelid)
                 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = ANY(%s::regclass[])
                  AND NOT i.indisunique AND NOT i.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                  AND NOT c.relname = ANY(%s)
                ORDER BY 1""",
            [indexed, sorted(keep)],
        )
        indexes = cursor.fetchall()
        for table, name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    return [definition for _name, definition in indexes] + [
        f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}"
        for table, name, definition in foreign_keys
    ]


def _large_first_load(sheet: Sheet) -> bool:
    """Whether to load with the indexes and foreign keys dropped and made again
    (``_drop_indexes_and_foreign_keys``): on PostgreSQL, for a file of at least
    ``ADUAN_IMPORT_REBUILD_MIN_ROWS`` rows into a complaint table holding at most a quarter
    as many (building the indexes again costs in proportion to the whole table)."""
    estimated = sheet.estimated_rows or 0
    if connection.vendor != "postgresql" or estimated < settings.ADUAN_IMPORT_REBUILD_MIN_ROWS:
        return False
    limit = estimated // 4
    return Complaint.objects.all()[: limit + 1].count() <= limit


def source_key(source: str, source_id: str) -> str:
    """The ``submission_key`` of an imported row: ``impor:<source>:<id>``, the id hashed when
    the whole would pass the column's 64 characters."""
    prefix = f"impor:{source}:"
    key = prefix + source_id
    if len(key) <= 64:
        return key
    return prefix + "#" + hashlib.sha256(source_id.encode()).hexdigest()[: 63 - len(prefix)]


def imported_ids(*, jurisdiction: Jurisdiction, source: str) -> set[str]:
    """The submission keys of the rows of ``source`` already imported into ``jurisdiction``."""
    keys = Complaint.objects.filter(
        jurisdiction=jurisdiction, submission_key__startswith=f"impor:{source}:"
    ).values_list("submission_key", flat=True)
    return {key for key in keys if key}


class _Pipeline:
    """The pipelined import on PostgreSQL: child processes read the file, check the rows
    and turn them into lines of ``COPY`` text (``_CopyWriter.lines``), while this process
    writes the batches they made before (``_CopyWriter.write_lines``), so that the checking
    and the database work at the same time, on every core. Only bytes and a few numbers go
    between the processes (a batch of 5,000 rows is about 4 MB).

    The file is cut into chunks of at most ``batch_size`` rows, smaller at the start and near
    the estimated end (``_chunk_sizes``); with ``workers`` children, child
    ``k`` checks chunks ``k``, ``k + workers``, … and only notes the ids of the other rows
    (a repeated id is refused wherever it is). Each chunk comes back as one message, and
    this process takes them in the file's order: the same tracking codes, ids and errors,
    in the same order, as a serial import.

    A child is a fork of this process: it has the lookups, the checker and the keys already
    imported, and no database of its own. It never queries (a query there fails): a value
    not looked up yet (a kelurahan, a route, a clock) is asked of this process, which
    answers between batches, in the import's transaction (``_Lookups.ask``). While the
    import holds the locks of a large first load (``_drop_indexes_and_foreign_keys``), a
    connection of its own would wait for them for ever.

    After a bad row nothing more is written (unless ``skip_bad``); the children still check
    every row, so that every bad row is reported."""

    def __init__(
        self,
        *,
        checker: _Checker,
        writer: _CopyWriter,
        existing: set[str],
        skip_bad: bool,
        workers: int,
        estimated_rows: int | None = None,
    ) -> None:
        self.checker = checker
        self.writer = writer
        self.existing = existing
        self.skip_bad = skip_bad
        self.workers = max(1, workers)
        #: The file's estimated rows (``Sheet.estimated_rows``), for ``_chunk_sizes``.
        self.estimated_rows = estimated_rows

    def run(self, path: Path, fmt: Format, report: ImportReport, batch_size: int) -> None:
        """Import the rows of ``path`` in this process's transaction; see the class
        docstring."""
        from multiprocessing.connection import wait

        context = multiprocessing.get_context("fork")
        pipes: list[Any] = []
        children = []
        try:
            # The objects there are now are left out of the children's garbage collection:
            # it would visit every one of them, and writing to an inherited page copies it.
            gc.freeze()
            try:
                for k in range(self.workers):
                    pipe, child_end = context.Pipe()
                    child = context.Process(
                        target=self.child, args=(child_end, path, fmt, batch_size, k), daemon=True
                    )
                    child.start()
                    child_end.close()
                    pipes.append(pipe)
                    children.append(child)
            finally:
                gc.unfreeze()
            waiting: dict[int, Any] = {}  # a child's next chunk, received before its turn
            chunk = 0
            while True:
                k = chunk % self.workers
                if k not in waiting:
                    # Answer the children's questions until chunk ``chunk`` arrives.
                    for ready in wait([p for i, p in enumerate(pipes) if i not in waiting]):
                        i = pipes.index(ready)
                        pipe = pipes[i]
                        try:
                            message = pipe.recv()
                        except EOFError:
                            raise RuntimeError("An import checking process ended early.") from None
                        if message[0] == "ask":
                            _ask, name, args = message
                            pipe.send(getattr(self.checker.lookups, name)(*args))
                        elif message[0] == "failed":
                            raise RuntimeError(f"An import checking process failed:\n{message[1]}")
                        else:
                            waiting[i] = message
                    continue
                kind, rows, already, errors, lines = waiting.pop(k)
                if kind == "end":
                    break  # the file has no chunk ``chunk``
                report.rows += rows
                report.already_imported += already
                report.errors.extend(errors)
                if lines is not None and (self.skip_bad or not report.errors):
                    self.writer.write_lines(lines)
                    report.imported += len(lines.years)
                chunk += 1
        finally:
            for pipe in pipes:
                pipe.close()  # a child still sending stops at once
            for child in children:
                child.join(timeout=10)
                if child.is_alive():
                    child.kill()
                    child.join()

    def child(self, pipe: Any, path: Path, fmt: Format, batch_size: int, mine: int) -> None:
        """Child ``mine``: check, format and send its chunks (see the class docstring)."""
        connection.execute_wrappers.append(_no_queries)
        checker, report, workers = self.checker, self.checker.report, self.workers
        outbox = _Outbox(pipe)
        send = outbox.send

        def ask(name: str, *args: Any) -> Any:
            send(("ask", name, args))
            return pipe.recv()

        checker.lookups.ask = ask
        checker.salts.clear()  # random salts of its own, not copies of the parent's
        # No cyclic garbage collection here: checking makes no reference cycles (a run over
        # 20,000 rows left 3 objects for the collector), and its passes over the batch's
        # objects cost ~2 µs a row.
        gc.disable()
        try:
            batch: list[_Prepared] = []
            rows = already = 0
            errors: list[RowError] = report.errors
            sizes = _chunk_sizes(batch_size, self.estimated_rows)
            chunk, left = 0, next(sizes)  # the current chunk, and its rows not yet read
            # The file opened again: a handle opened before the fork shares its position
            # with every process.
            for number, row in formats.read(path, fmt).rows:
                left -= 1
                if chunk % workers != mine:
                    checker.note_seen(row)
                else:
                    rows += 1
                    before = report.already_imported
                    prepared = checker.check(number, row, self.existing)
                    already += report.already_imported - before
                    if prepared is not None:
                        batch.append(prepared)
                    if not left:
                        lines = self.writer.lines(batch) if batch else None
                        send(("batch", rows, already, errors[:], lines))
                        batch, rows, already = [], 0, 0
                        errors.clear()
                if not left:
                    chunk, left = chunk + 1, next(sizes)
            if rows:
                lines = self.writer.lines(batch) if batch else None
                send(("batch", rows, already, errors[:], lines))
            send(("end", 0, 0, [], None))
            outbox.close()
        except (BrokenPipeError, EOFError):
            pass  # the parent stopped (an error of its own): nothing to say
        except BaseException:  # noqa: BLE001 - reported to the parent, which raises
            with contextlib.suppress(OSError):
                outbox.close()
                pipe.send(("failed", traceback.format_exc()))
        finally:
            with contextlib.suppress(OSError):
                outbox.close()
            pipe.close()


class _Outbox:
    """A checking process's messages to the importing process, sent from a thread of their
    own, in order: checking goes on while a batch (~4 MB) waits for the importing process
    to take it, which it does between two batches of its own. At most ``ahead`` messages
    wait; a pipe that broke (the importing process stopped) is ``BrokenPipeError`` at the
    next ``send``."""

    def __init__(self, pipe: Any, ahead: int = 2) -> None:
        import queue
        import threading

        self.pipe = pipe
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=ahead)
        self.broken: BaseException | None = None
        self.thread: threading.Thread | None = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (message := self.queue.get()) is not None:
            if self.broken is None:
                try:
                    self.pipe.send(message)
                except OSError as exc:
                    self.broken = exc  # the rest is dropped; ``send`` raises

    def send(self, message: Any) -> None:
        if self.broken is not None:
            raise BrokenPipeError(str(self.broken))
        self.queue.put(message)

    def close(self) -> None:
        """Send what waits, then stop the thread (raises ``BrokenPipeError`` if the pipe
        broke meanwhile)."""
        if self.thread is not None:
            self.queue.put(None)
            self.thread.join()
            self.thread = None
        if self.broken is not None:
            raise BrokenPipeError(str(self.broken))


def _chunk_sizes(batch_size: int, estimated: int | None) -> Iterator[int]:
    """The sizes of the pipeline's chunks, in order, for ever (``_Pipeline``): ``batch_size``
    rows, but smaller while the database has nothing else to do: the first chunks (an
    eighth, a quarter and half of ``batch_size``: the first ``COPY`` starts once the first
    eighth is checked) and, by the ``estimated`` rows (never trusted as a count: a shorter
    file only ends earlier), the last ones (each about half of what is left: the last
    ``COPY`` runs while nothing is checked). Every chunk holds at least an eighth of
    ``batch_size``; past the estimate (or without one), ``batch_size`` again. How the file
    is cut changes nothing that is stored or reported."""
    smallest = max(1, batch_size // 8)
    done = 0
    for size in (smallest, max(1, batch_size // 4), max(1, batch_size // 2)):
        yield size
        done += size
    while True:
        left = (estimated or 0) - done
        if left >= 2 * batch_size or left <= 0:  # far from the end, or past the estimate
            size = batch_size
        else:
            size = max(smallest, left // 2)
        yield size
        done += size


def _no_queries(*args: Any) -> Any:
    raise RuntimeError(
        "The import's checking process shares its parent's database connection and must not "
        "query: ask the parent (_Lookups.ask)."
    )


def _pipelined(sheet: Sheet, pipeline: bool | None) -> bool:
    """Whether to check in a child process while writing (``_Pipeline``): on PostgreSQL,
    for a file of at least ``ADUAN_IMPORT_PIPELINE_MIN_ROWS`` rows unless told."""
    if connection.vendor != "postgresql":
        return False
    if pipeline is not None:
        return pipeline
    return (sheet.estimated_rows or 0) >= settings.ADUAN_IMPORT_PIPELINE_MIN_ROWS


def _write_serially(
    sheet: Sheet,
    checker: _Checker,
    writer: _Writer,
    existing: set[str],
    report: ImportReport,
    skip_bad: bool,
    batch_size: int,
) -> None:
    """Check the rows and write them a batch at a time, in this process."""
    batch: list[_Prepared] = []
    for number, row in sheet.rows:
        report.rows += 1
        prepared = checker.check(number, row, existing)
        if prepared is None or (report.errors and not skip_bad):
            continue  # after a bad row nothing will be kept: only check the rest
        batch.append(prepared)
        if len(batch) >= batch_size:
            writer.write(batch)
            report.imported += len(batch)
            batch = []
    if batch and (skip_bad or not report.errors):
        writer.write(batch)
        report.imported += len(batch)


def import_file(
    *,
    path: Path,
    fmt: Format,
    jurisdiction: Jurisdiction,
    dry_run: bool = False,
    skip_bad: bool = False,
    batch_size: int = 5000,
    now: datetime | None = None,
    rebuild_indexes: bool | None = None,
    pipeline: bool | None = None,
) -> ImportReport:
    """Import the complaints in ``path``; see the module docstring. Raises
    ``formats.FormatError`` when the file cannot be read at all. ``rebuild_indexes``
    (PostgreSQL): load with the indexes and foreign keys dropped and made again; None
    decides by the file's size and the table's (``_large_first_load``). ``pipeline``
    (PostgreSQL): check the rows in a child process while this one writes (``_Pipeline``);
    None decides by the file's size (``_pipelined``)."""
    started = time.perf_counter()
    now = now or timezone.now()
    sheet = formats.read(path, fmt)
    report = ImportReport(source=fmt.source, dry_run=dry_run)
    lookups = _Lookups(jurisdiction, now)
    checker = _Checker(fmt, sheet, lookups, report)
    existing = imported_ids(jurisdiction=jurisdiction, source=fmt.source)
    if dry_run:
        for number, row in sheet.rows:
            report.rows += 1
            checker.check(number, row, existing)
        report.seconds = time.perf_counter() - started
        return report
    writer: _Writer
    if connection.vendor == "postgresql":
        if rebuild_indexes is None:
            rebuild_indexes = _large_first_load(sheet)
        writer = _CopyWriter(jurisdiction, fmt.source, now, rebuild=rebuild_indexes)
    else:
        writer = _OrmWriter(jurisdiction, fmt.source, now)
    try:
        with transaction.atomic():
            if isinstance(writer, _CopyWriter) and _pipelined(sheet, pipeline):
                run = _Pipeline(
                    checker=checker,
                    writer=writer,
                    existing=existing,
                    skip_bad=skip_bad,
                    workers=settings.ADUAN_IMPORT_WORKERS,
                    estimated_rows=sheet.estimated_rows,
                )
                run.run(path, fmt, report, batch_size)
            else:
                _write_serially(sheet, checker, writer, existing, report, skip_bad, batch_size)
            if report.errors and not skip_bad:
                raise _Abort
            writer.finish()
    except _Abort:
        report.imported = 0
    except IntegrityError as exc:
        # Another import of the same source committed these ids while this one ran.
        raise formats.FormatError(
            "Impor lain atas sumber yang sama berjalan bersamaan dan sudah menyimpan sebagian "
            "baris ini; tidak ada yang disimpan dari impor ini. Jalankan lagi: baris yang "
            f"sudah ada akan dilewati. ({exc})"
        ) from exc
    else:
        report.committed = True
    report.seconds = time.perf_counter() - started
    return report
