"""Writes to the working calendar: administrators add and remove ``CalendarDay`` overrides.

The calendar page and the Django admin both come through here, so the same checks apply:
one override per date per jurisdiction, no redundant entries (adding a holiday on a day that
is already off, or making a working day "working"), dates within reach.
"""

from __future__ import annotations

import logging
from datetime import date as Date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aduan.lib.workdays import WIB, NonWorkingDay, default_calendar
from aduan.sla.choices import KIND_SOURCE, CalendarDayKind, DaySource
from aduan.sla.models import CalendarDay

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.organisation.models import Jurisdiction

logger = logging.getLogger(__name__)

#: How many years before and after this one an administrator may set.
YEARS_SETTABLE = 5
NAME_MAX = CalendarDay._meta.get_field("name").max_length or 200
NOTE_MAX = CalendarDay._meta.get_field("note").max_length or 300


class CalendarInputError(ValueError):
    """Input that cannot be accepted. ``errors`` maps field names (``date``, ``kind``,
    ``name``, ``note``) to messages in the active language; ``None`` holds the rest."""

    def __init__(self, errors: dict[str | None, list[str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(m) for msgs in errors.values() for m in msgs))


def can_edit_calendar(user: User, jurisdiction: Jurisdiction | None) -> bool:
    """Verifiers and administrators of the jurisdiction (or staff given the model permission
    in the Django admin) edit its calendar; only superusers edit the installation-wide one."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if jurisdiction is None or user.jurisdiction_id != jurisdiction.pk:
        return False
    return user.is_verifier or user.has_perm("sla.change_calendarday")


def listed_without_override(jurisdiction: Jurisdiction | None, day: Date) -> NonWorkingDay | None:
    """Why ``day`` is non-working before ``jurisdiction``'s own override of it (the
    installation-wide override, else the package and the weekend), or ``None``."""
    if jurisdiction is not None:
        wide = CalendarDay.objects.filter(jurisdiction__isnull=True, date=day).first()
        if wide is not None:
            if wide.kind == CalendarDayKind.WORKING:
                return None
            return NonWorkingDay(day, wide.name, KIND_SOURCE[CalendarDayKind(wide.kind)])
    return default_calendar().reason(day)


def calendar_day_errors(
    *,
    jurisdiction: Jurisdiction | None,
    date: Date | None,
    kind: str,
    name: str,
    note: str = "",
    exclude_pk: int | None = None,
) -> dict[str | None, list[str]]:
    """What is wrong with an override (empty when it can be saved); ``exclude_pk`` is the
    row being edited in the admin."""
    errors: dict[str | None, list[str]] = {}

    def add(field: str | None, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if kind not in CalendarDayKind.values:
        add("kind", _("Jenis pengaturan tidak dikenal."))
    if kind in (CalendarDayKind.NON_WORKING, CalendarDayKind.LOCAL) and not name.strip():
        add("name", _("Isi nama hari libur, mis. Hari Jadi Kota."))
    if len(name.strip()) > NAME_MAX:
        add("name", _("Nama terlalu panjang (paling banyak %(n)d huruf).") % {"n": NAME_MAX})
    if len(note.strip()) > NOTE_MAX:
        add("note", _("Catatan terlalu panjang (paling banyak %(n)d huruf).") % {"n": NOTE_MAX})
    if date is None:
        add("date", _("Isi tanggal."))
        return errors
    this_year = timezone.localdate(timezone=WIB).year
    first, last = this_year - YEARS_SETTABLE, this_year + YEARS_SETTABLE
    if not first <= date.year <= last:
        add(
            "date",
            _("Tanggal harus di antara tahun %(first)d dan %(last)d.")
            % {"first": first, "last": last},
        )
        return errors
    existing = CalendarDay.objects.filter(jurisdiction=jurisdiction, date=date)
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    clash = existing.first()
    if clash is not None:
        add(
            "date",
            _("Tanggal %(date)s sudah diatur (%(kind)s: %(name)s). Hapus pengaturan itu dulu.")
            % {"date": f"{date:%d-%m-%Y}", "kind": clash.get_kind_display(), "name": clash.name},
        )
        return errors
    if kind not in CalendarDayKind.values:
        return errors
    listed = listed_without_override(jurisdiction, date)
    if kind == CalendarDayKind.WORKING and listed is None:
        add("date", _("Tanggal %(date)s sudah hari kerja.") % {"date": f"{date:%d-%m-%Y}"})
    elif kind != CalendarDayKind.WORKING and listed is not None:
        add(
            "date",
            _("Tanggal %(date)s sudah hari libur: %(name)s (%(source)s).")
            % {
                "date": f"{date:%d-%m-%Y}",
                "name": listed.name,
                "source": DaySource(listed.source).label,
            },
        )
    return errors


def calendar_day_add(
    *,
    jurisdiction: Jurisdiction | None,
    date: Date | None,
    kind: str,
    name: str = "",
    note: str = "",
    actor: User | None,
) -> CalendarDay:
    """Add one override: an extra national/cuti bersama day (``non_working``), a local day
    (``local``), or a listed day made a working day (``working``; its name defaults to the
    name it is listed under). ``jurisdiction=None`` applies to the whole installation.

    Raises ``PermissionDenied`` when ``actor`` may not edit this calendar and
    ``CalendarInputError`` for bad input. ``actor=None`` is for scripts.
    """
    if actor is not None and not can_edit_calendar(actor, jurisdiction):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
    errors = calendar_day_errors(
        jurisdiction=jurisdiction, date=date, kind=kind, name=name, note=note
    )
    if errors or date is None:
        raise CalendarInputError(errors)
    name = name.strip()
    if kind == CalendarDayKind.WORKING and not name:
        listed = listed_without_override(jurisdiction, date)
        name = listed.name if listed is not None else ""
    try:
        with transaction.atomic():
            row = CalendarDay.objects.create(
                jurisdiction=jurisdiction,
                date=date,
                kind=kind,
                name=name,
                note=note.strip(),
                created_by=actor if actor is not None and actor.pk else None,
            )
    except IntegrityError as exc:  # a concurrent request set the same date
        raise CalendarInputError(
            {"date": [_("Tanggal ini baru saja diatur oleh pengguna lain.")]}
        ) from exc
    logger.info(
        "calendar day added: %s %s %s by %s",
        jurisdiction.slug if jurisdiction is not None else "*",
        date,
        kind,
        actor.username if actor is not None else "-",
    )
    return row


def calendar_day_remove(
    *, jurisdiction: Jurisdiction | None, date: Date, actor: User | None
) -> CalendarDay:
    """Delete the override of ``date`` set for ``jurisdiction`` (``None``: the
    installation-wide one): an added day becomes a working day again, a day made working
    goes back to what the package or the weekend says. Returns the deleted row.

    Raises ``PermissionDenied`` and ``CalendarInputError`` as ``calendar_day_add`` does.
    """
    if actor is not None and not can_edit_calendar(actor, jurisdiction):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
    row = CalendarDay.objects.filter(jurisdiction=jurisdiction, date=date).first()
    if row is None:
        raise CalendarInputError(
            {
                "date": [
                    _("Tidak ada pengaturan untuk tanggal %(date)s.") % {"date": f"{date:%d-%m-%Y}"}
                ]
            }
        )
    row.delete()
    logger.info(
        "calendar day removed: %s %s %s by %s",
        jurisdiction.slug if jurisdiction is not None else "*",
        date,
        row.kind,
        actor.username if actor is not None else "-",
    )
    return row
