from django.db import models


class PublicStatistics(models.Model):
    """The public page's statistics of one jurisdiction and year (``0``: every year), as
    last computed (``selectors.compute_statistics``): the page reads this one row instead of
    aggregating every complaint on a visitor's request (27 s at 10M complaints). The worker
    recomputes a row once it is older than ``ADUAN_PUBLIC_STATS_SECONDS``
    (``tasks.refresh_statistics_task``)."""

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()  # 0: every year
    data = models.JSONField()
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year"], name="public_stats_once"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id} {self.year or 'semua'} {self.computed_at:%Y-%m-%d %H:%M}"
