"""The rollup the dashboards read: complaint counts per month and dimension."""

from __future__ import annotations

from django.db import models


class ComplaintRollup(models.Model):
    """How many complaints submitted in ``month`` that now have ``unit``, ``category`` and
    ``area`` count under (``dim``, ``value``): e.g. ``dim="status", value="selesai"``.

    Every complaint counts once in each state dimension (``status``, ``channel``, ``type``;
    and once more in the same dimension's all-kelurahan row, ``area_id = -1``),
    once per milestone it reached (``dur_<stage>``: hours to the milestone, bucketed), once
    (kept per unit and category, not per kelurahan: ``area`` is 0), once
    per finished staff stage (``sla_<stage>``: ``tepat`` or ``lewat``, attributed to the unit
    that held the stage) and once for its rating (``rating``: the score). ``0`` stands for
    "none" in the unit, category and area columns, so the unique key works on every
    database. Written only by ``aduan.reports.rollups`` in the transaction of the change.
    """

    jurisdiction_id = models.IntegerField()
    month = models.DateField()  # first day of the month of submission (WIB)
    dim = models.CharField(max_length=30)
    value = models.CharField(max_length=30)
    unit_id = models.IntegerField(default=0)
    category_id = models.IntegerField(default=0)
    area_id = models.IntegerField(default=0)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "jurisdiction_id",
                    "dim",
                    "month",
                    "value",
                    "unit_id",
                    "category_id",
                    "area_id",
                ],
                name="rollup_unique_key",
            ),
        ]
        indexes = [
            # PostgreSQL: the dashboards' sums become index-only scans (SQLite, which has no
            # covering indexes, skips it and reads through the unique key's index).
            models.Index(
                fields=[
                    "jurisdiction_id",
                    "dim",
                    "month",
                    "value",
                    "unit_id",
                    "category_id",
                    "area_id",
                ],
                include=["n"],
                name="rollup_covering",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id} {self.month:%Y-%m} {self.dim}={self.value}: {self.n}"


class MonthlyReportDispatch(models.Model):
    """The monthly report of one jurisdiction and month, queued once to its leaders."""

    jurisdiction = models.ForeignKey("organisation.Jurisdiction", on_delete=models.CASCADE)
    month = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "month"], name="report_dispatch_once"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id} {self.month:%Y-%m}"
