"""Response templates officers start their replies from, and the tone verdict of every reply
sent to a citizen."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aduan.replies.choices import Situation


class ResponseTemplate(models.Model):
    """A reply an officer can start from, for one situation; optionally narrowed to one unit
    and/or one category. ``body`` may hold the placeholders of ``aduan.replies.fill``.

    Rows loaded from the shipped defaults carry their ``code``; ``customised`` is set once an
    administrator or unit head edits one, and the loader then leaves it alone.
    """

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    code = models.SlugField(_("kode"), max_length=80)
    title = models.CharField(_("judul"), max_length=150)
    situation = models.CharField(_("situasi"), max_length=20, choices=Situation.choices)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="response_templates",
        help_text=_("Kosong: dapat dipakai semua unit."),
    )
    category = models.ForeignKey(
        "organisation.Category",
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="response_templates",
        help_text=_("Kosong: untuk semua kategori."),
    )
    body = models.TextField(_("isi"))
    is_active = models.BooleanField(_("aktif"), default=True)
    customised = models.BooleanField(_("sudah diubah"), default=False, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("templat balasan")
        verbose_name_plural = _("templat balasan")
        ordering = ["situation", "title"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "code"], name="template_unique_code"),
        ]

    def __str__(self) -> str:
        return self.title


class ReplyReview(models.Model):
    """The tone checker's verdict on one message an officer sent to a citizen (a follow-up,
    a request for information, a referral, a closing note), written in the transaction that
    wrote the event."""

    event = models.OneToOneField(
        "complaints.ComplaintEvent", on_delete=models.CASCADE, related_name="reply_review"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="reply_reviews"
    )
    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="reply_reviews",
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reply_reviews",
    )
    kind = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()
    acceptable = models.BooleanField()
    flaws = models.JSONField(default=list, blank=True)
    #: the flaw codes between spaces (" no_greeting rude "), so that reports count each
    #: flaw in the database
    flaw_codes = models.CharField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("penilaian nada balasan")
        verbose_name_plural = _("penilaian nada balasan")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "created_at"], name="review_jur_time"),
            models.Index(fields=["unit", "created_at"], name="review_unit_time"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.score}"
