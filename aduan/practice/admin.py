from django.contrib import admin

from aduan.practice.models import Assignment, Scenario, ScenarioSet


@admin.register(Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "mood", "is_active"]
    list_filter = ["mood", "category", "is_active"]


@admin.register(ScenarioSet)
class ScenarioSetAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    filter_horizontal = ["scenarios"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["scenario_set", "officer", "assigned_by", "due_date", "created_at"]
