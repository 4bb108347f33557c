"""The working-calendar page: every staff member reads it; verifiers and administrators of
the jurisdiction add local or extra days and mark listed days as working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aduan.lib.workdays import WIB, NonWorkingDay, Source
from aduan.sla import services
from aduan.sla.calendar import calendar_for
from aduan.sla.choices import CalendarDayKind, DaySource
from aduan.sla.forms import CalendarDayAddForm, CalendarDayRemoveForm, CalendarDayWorkingForm
from aduan.sla.models import CalendarDay

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.organisation.models import Jurisdiction

#: Badge classes of ``aduan.css`` reused for the sources.
SOURCE_BADGES = {
    Source.WEEKEND: "",
    Source.LIBUR_NASIONAL: "overdue",
    Source.CUTI_BERSAMA: "baru",
    Source.ADMIN: "didisposisikan",
    Source.LOKAL: "menunggu_info",
}


@dataclass
class Row:
    """One line of the page: a date, why it is (or is no longer) off, and its override."""

    day: NonWorkingDay
    override: CalendarDay | None
    #: Whether ``override`` belongs to the calendar shown (so it can be deleted here).
    own: bool = False

    @property
    def date(self) -> date:
        return self.day.date

    @property
    def source_label(self) -> str:
        return str(DaySource(self.day.source).label)

    @property
    def badge(self) -> str:
        return SOURCE_BADGES[self.day.source]

    @property
    def installation_wide(self) -> bool:
        return self.override is not None and self.override.jurisdiction_id is None


def _jurisdiction(user: User) -> Jurisdiction | None:
    """The calendar the user works on; a superuser without one edits the installation's."""
    if user.jurisdiction_id is None and not user.is_superuser:
        raise PermissionDenied(_("Akun ini belum terhubung ke yurisdiksi."))
    return user.jurisdiction


def _years() -> range:
    """The years the page shows: those an administrator may set."""
    this_year = timezone.localdate(timezone=WIB).year
    return range(this_year - services.YEARS_SETTABLE, this_year + services.YEARS_SETTABLE + 1)


def _year(raw: str | None) -> int:
    """``?tahun=``; this year when missing or out of reach."""
    this_year = timezone.localdate(timezone=WIB).year
    try:
        year = int(raw or this_year)
    except ValueError:
        return this_year
    return year if year in _years() else this_year


def _post(
    request: HttpRequest, jurisdiction: Jurisdiction | None, user: User
) -> HttpResponse | Form:
    """Run the posted action: a redirect to send, or the add form with its errors."""
    action = request.POST.get("action")
    form: Form
    try:
        if action == "add":
            form = CalendarDayAddForm(request.POST)
            if not form.is_valid():
                return form
            row = services.calendar_day_add(
                jurisdiction=jurisdiction,
                date=form.cleaned_data["date"],
                kind=form.cleaned_data["kind"],
                name=form.cleaned_data["name"],
                note=form.cleaned_data["note"],
                actor=user,
            )
            messages.success(
                request,
                _("%(name)s (%(date)s) ditambahkan sebagai hari libur.")
                % {"name": row.name, "date": f"{row.date:%d-%m-%Y}"},
            )
        elif action == "working":
            form = CalendarDayWorkingForm(request.POST)
            if not form.is_valid():
                raise services.CalendarInputError({"date": [_("Tanggal tidak dikenali.")]})
            row = services.calendar_day_add(
                jurisdiction=jurisdiction,
                date=form.cleaned_data["date"],
                kind=CalendarDayKind.WORKING,
                note=form.cleaned_data["note"],
                actor=user,
            )
            messages.success(
                request,
                _("%(date)s sekarang hari kerja.") % {"date": f"{row.date:%d-%m-%Y}"},
            )
        elif action == "remove":
            form = CalendarDayRemoveForm(request.POST)
            if not form.is_valid():
                raise services.CalendarInputError({"date": [_("Tanggal tidak dikenali.")]})
            row = services.calendar_day_remove(
                jurisdiction=jurisdiction, date=form.cleaned_data["date"], actor=user
            )
            messages.success(
                request,
                _("Pengaturan tanggal %(date)s dihapus.") % {"date": f"{row.date:%d-%m-%Y}"},
            )
        else:
            raise services.CalendarInputError({None: [_("Tindakan tidak dikenal.")]})
    except services.CalendarInputError as exc:
        if action == "add":
            for field, problems in exc.errors.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
            return form
        for problems in exc.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect(f"{reverse('sla:calendar')}?tahun={_year(request.GET.get('tahun'))}")
    return redirect(f"{reverse('sla:calendar')}?tahun={row.date.year}")


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """The year's non-working days with their source; ``?tahun=2026``,
    ``&akhir_pekan=1`` to list plain weekends too."""
    user: User = request.user  # type: ignore[assignment]
    jurisdiction = _jurisdiction(user)
    can_edit = services.can_edit_calendar(user, jurisdiction)
    add_form: Form = CalendarDayAddForm()
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
        result = _post(request, jurisdiction, user)
        if isinstance(result, HttpResponse):
            return result
        add_form, status = result, 400
    year = _year(request.GET.get("tahun"))
    weekends = request.GET.get("akhir_pekan") == "1"
    cal = calendar_for(jurisdiction)
    first, last = date(year, 1, 1), date(year, 12, 31)
    owner = jurisdiction.pk if jurisdiction is not None else None
    overrides: dict[date, CalendarDay] = {}
    scope = Q(jurisdiction__isnull=True) | Q(jurisdiction_id=owner)
    for override in CalendarDay.objects.filter(scope, date__range=(first, last)):
        # The calendar's own override beats the installation-wide one of the same date.
        if override.jurisdiction_id == owner or override.date not in overrides:
            overrides[override.date] = override

    def line(day: NonWorkingDay) -> Row:
        override = overrides.get(day.date)
        return Row(day, override, override is not None and override.jurisdiction_id == owner)

    everything = cal.non_working_days(first, last)
    rows = [line(day) for day in everything if weekends or day.source != Source.WEEKEND]
    removed = [line(day) for day in cal.removed_days(first, last)]
    counts: dict[str, int] = {source.value: 0 for source in Source}
    for day in everything:
        counts[day.source] += 1
    context: dict[str, Any] = {
        "jurisdiction": jurisdiction,
        "year": year,
        "previous_year": year - 1 if year - 1 in _years() else None,
        "next_year": year + 1 if year + 1 in _years() else None,
        "weekends": weekends,
        "rows": rows,
        "removed": removed,
        "working_day_count": (last - first).days + 1 - len(everything),
        "counts": counts,
        "close": cal.close,
        "can_edit": can_edit,
        "add_form": add_form,
    }
    return render(request, "sla/calendar.html", context, status=status)
