"""The dashboards' filters: a period of whole months, unit, category and kelurahan."""

from __future__ import annotations

import re
from datetime import date

from django import forms

from aduan.organisation.models import Area, Category, Jurisdiction, Unit
from aduan.reports.selectors import Filters, add_months

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: str) -> date | None:
    match = MONTH.match((value or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


class MonthField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        month = parse_month(value)
        if month is None:
            raise forms.ValidationError(
                "Tulis bulan sebagai TTTT-BB, mis. 2026-10. / Write the month as YYYY-MM."
            )
        return month


class DashboardFilterForm(forms.Form):
    dari = MonthField(required=False, label="Dari bulan")
    sampai = MonthField(required=False, label="Sampai bulan")
    unit = forms.IntegerField(required=False)
    kategori = forms.CharField(required=False, max_length=60)
    kelurahan = forms.IntegerField(required=False)

    def __init__(self, *args, jurisdiction: Jurisdiction, fixed_unit: Unit | None = None,
                 **kwargs) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fixed_unit = fixed_unit

    def clean(self):
        data = super().clean() or {}
        start, end = data.get("dari"), data.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", "Bulan akhir sebelum bulan awal. / End before start.")
        if start and end and add_months(start, 120) < end:
            self.add_error("dari", "Periode paling panjang 10 tahun. / At most 10 years.")
        code = (data.get("kategori") or "").strip()
        if code:
            category = Category.objects.filter(jurisdiction=self.jurisdiction, code=code).first()
            if category is None:
                self.add_error("kategori", "Kategori tidak dikenal. / Unknown category.")
            data["category_obj"] = category
        unit = data.get("unit")
        if unit and not Unit.objects.filter(jurisdiction=self.jurisdiction, pk=unit).exists():
            self.add_error("unit", "Unit tidak dikenal. / Unknown unit.")
        area = data.get("kelurahan")
        if area and not Area.objects.filter(jurisdiction=self.jurisdiction, pk=area).exists():
            self.add_error("kelurahan", "Kelurahan tidak dikenal. / Unknown kelurahan.")
        return data

    def filters(self) -> Filters:
        """The filters asked for; the defaults (the last 12 months) where the input is
        missing or wrong (the form then carries the errors to show)."""
        default = Filters.default()
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("sampai") or default.end
        start = data.get("dari") or (add_months(end, -11) if data.get("sampai") else default.start)
        return Filters(
            start=start,
            end=end,
            unit=self.fixed_unit.pk if self.fixed_unit else data.get("unit") or None,
            category=data.get("category_obj"),
            area=data.get("kelurahan") or None,
        )
