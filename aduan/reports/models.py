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
    "none" in the unit, category and area columns. Written only by
    ``aduan.reports.rollups``, in the transaction of the change, as a new row (``fresh``)
    per key: concurrent changes never wait for each other on a shared row. Readers sum
    ``n`` per key; the worker merges a key's rows into one now and then (``compact``).
    """

    jurisdiction_id = models.IntegerField()
    month = models.DateField()  # first day of the month of submission (WIB)
    dim = models.CharField(max_length=30)
    value = models.CharField(max_length=30)
    unit_id = models.IntegerField(default=0)
    category_id = models.IntegerField(default=0)
    area_id = models.IntegerField(default=0)
    n = models.IntegerField(default=0)
    #: Written by a change and not merged with its key's other rows yet.
    fresh = models.BooleanField(default=False)

    class Meta:
        indexes = [
            # The key, and ``n`` last: the dashboards' sums read the index alone (an
            # index-only scan on PostgreSQL), on every engine (SQLite has no INCLUDE).
            models.Index(
                fields=[
                    "jurisdiction_id",
                    "dim",
                    "month",
                    "value",
                    "unit_id",
                    "category_id",
                    "area_id",
                    "n",
                ],
                name="rollup_key_n",
            ),
            # What ``compact`` has to merge.
            models.Index(
                fields=["jurisdiction_id", "dim", "month", "value"],
                name="rollup_fresh",
                condition=models.Q(fresh=True),
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
