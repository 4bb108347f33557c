"""Reads of ratings and IKM results; permission-aware where staff read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.selectors import complaints_visible_to
from aduan.organisation.models import Jurisdiction, Unit
from aduan.surveys import ikm
from aduan.surveys.models import IkmResponse, Rating

#: Roles that read the IKM of every unit of their jurisdiction; others only their units'.
IKM_ALL_UNITS = frozenset({Role.VERIFIER, Role.SUPERVISOR, Role.ADMIN})


def ratings_visible_to(user: User) -> QuerySet[Rating]:
    """Ratings of the complaints the staff user may see."""
    return Rating.objects.filter(complaint__in=complaints_visible_to(user))


def ikm_units_visible_to(user: User) -> QuerySet[Unit]:
    """The units whose IKM the staff user may read."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return Unit.objects.none()
    qs = Unit.objects.filter(jurisdiction_id=user.jurisdiction_id).exclude(kind="external")
    if user.role in IKM_ALL_UNITS:
        return qs
    return qs.filter(id__in=permissions.unit_ids(user))


@dataclass(frozen=True)
class UnitIkm:
    unit: Unit | None  # None: the whole jurisdiction
    result: ikm.IkmResult | None  # None: no respondents
    respondents: int
    population: int  # complaints received in the period: the population served, if known
    minimum_sample: int

    @property
    def enough(self) -> bool:
        return self.respondents >= self.minimum_sample

    @property
    def nrr_rows(self) -> list[dict]:
        if self.result is None:
            return []
        rounded = self.result.nrr_rounded()
        return [{"code": code, "name": name, "nrr": rounded[code]} for code, name in ikm.ELEMENTS]


def _in_period(
    qs: QuerySet[IkmResponse], date_from: date | None, date_to: date | None
) -> QuerySet[IkmResponse]:
    tz = timezone.get_current_timezone()
    if date_from:
        qs = qs.filter(created_at__gte=datetime.combine(date_from, time.min, tz))
    if date_to:
        qs = qs.filter(created_at__lt=datetime.combine(date_to + timedelta(days=1), time.min, tz))
    return qs


def unit_weights(unit: Unit | None) -> dict[str, Decimal] | None:
    """A unit's own element weights (``Jurisdiction.settings["ikm_weights"][unit.code]``)
    when set and valid; None for the default 1/9 each."""
    if unit is None:
        return None
    configured = (unit.jurisdiction.settings or {}).get("ikm_weights", {}).get(unit.code)
    if not configured:
        return None
    try:
        return ikm.check_weights(configured)
    except (ikm.IkmError, ArithmeticError, TypeError, ValueError):
        return None


def ikm_for(
    *,
    unit: Unit | None = None,
    jurisdiction: Jurisdiction | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    population: int | None = None,
) -> UnitIkm:
    """The IKM of one unit, or of a whole jurisdiction, over responses in the period.
    ``population`` is the number served, for the Krejcie–Morgan minimum sample; by default
    the complaints the unit (jurisdiction) received in the period."""
    if (unit is None) == (jurisdiction is None):
        raise ValueError("Give either a unit or a jurisdiction.")
    if unit is not None:
        qs = IkmResponse.objects.filter(unit=unit)
    else:
        qs = IkmResponse.objects.filter(jurisdiction=jurisdiction)
    qs = _in_period(qs, date_from, date_to)
    rows = list(qs.values(*ikm.ELEMENT_CODES))
    if population is None:
        from aduan.complaints.models import Complaint

        complaints = (
            Complaint.objects.filter(unit=unit)
            if unit is not None
            else Complaint.objects.filter(jurisdiction=jurisdiction)
        )
        tz = timezone.get_current_timezone()
        if date_from:
            complaints = complaints.filter(
                submitted_at__gte=datetime.combine(date_from, time.min, tz)
            )
        if date_to:
            complaints = complaints.filter(
                submitted_at__lt=datetime.combine(date_to + timedelta(days=1), time.min, tz)
            )
        population = complaints.count()
    result = ikm.compute(rows, unit_weights(unit)) if rows else None
    return UnitIkm(
        unit=unit,
        result=result,
        respondents=len(rows),
        population=population,
        minimum_sample=ikm.krejcie_morgan(population),
    )


def ikm_overview(
    user: User, *, date_from: date | None = None, date_to: date | None = None
) -> list[UnitIkm]:
    """The IKM of every unit the user may read that has respondents or complaints."""
    out = []
    for unit in ikm_units_visible_to(user).select_related("jurisdiction").order_by("name"):
        row = ikm_for(unit=unit, date_from=date_from, date_to=date_to)
        if row.respondents or row.population:
            out.append(row)
    return out
