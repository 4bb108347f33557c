"""Admin of the working calendar's overrides. Adding and deleting go through
``aduan.sla.services`` so the page and the admin apply the same checks."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from aduan.organisation.admin import JurisdictionScopedAdmin
from aduan.sla import services
from aduan.sla.models import CalendarDay


class CalendarDayAdminForm(forms.ModelForm):
    class Meta:
        model = CalendarDay
        fields = ["jurisdiction", "date", "kind", "name", "note"]

    def clean(self):
        data = super().clean() or {}
        if self.errors:
            return data
        errors = services.calendar_day_errors(
            jurisdiction=data.get("jurisdiction"),
            date=data.get("date"),
            kind=data.get("kind") or "",
            name=data.get("name") or "",
            note=data.get("note") or "",
            exclude_pk=self.instance.pk,
        )
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return data


@admin.register(CalendarDay)
class CalendarDayAdmin(JurisdictionScopedAdmin):
    form = CalendarDayAdminForm
    list_display = ["date", "name", "kind", "jurisdiction", "note", "created_by", "created_at"]
    list_filter = ["kind", "jurisdiction"]
    search_fields = ["name", "note"]
    date_hierarchy = "date"
    list_select_related = ["jurisdiction", "created_by"]
    fields = ["jurisdiction", "date", "kind", "name", "note", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "jurisdiction" and self.scope(request) is not None:
            # Only a superuser without a jurisdiction sets installation-wide days.
            field.required = True
            field.empty_label = None
        return field

    def save_model(self, request: HttpRequest, obj: CalendarDay, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        row = services.calendar_day_add(
            jurisdiction=obj.jurisdiction,
            date=obj.date,
            kind=obj.kind,
            name=obj.name,
            note=obj.note,
            actor=request.user,  # type: ignore[arg-type]
        )
        obj.pk, obj.name = row.pk, row.name
        obj.created_by, obj.created_at, obj.updated_at = (
            row.created_by,
            row.created_at,
            row.updated_at,
        )

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        services.calendar_day_remove(
            jurisdiction=obj.jurisdiction,
            date=obj.date,
            actor=request.user,  # type: ignore[arg-type]
        )

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarDay]) -> None:
        for obj in queryset.select_related("jurisdiction"):
            self.delete_model(request, obj)
