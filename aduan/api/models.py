"""Credentials of integrations and staff apps (REST API and Open311 api_key)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.organisation.models import Jurisdiction


class Scope(models.TextChoices):
    SUBMIT = "complaints:submit", _("Mengirim laporan baru (kanal/integrasi)")
    READ = "complaints:read", _("Membaca laporan")
    WRITE = "complaints:write", _("Menjalankan tindakan petugas")
    STATS = "stats:read", _("Membaca statistik")
    OPEN311 = "open311", _("Open311 GeoReport v2 (api_key)")


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """One credential: for an integration (no user: it files complaints as a channel) or for
    a staff app (acts as ``user``, within that user's rights). Only a hash is stored; the
    token is shown once, when issued. Revocable; last use recorded."""

    PREFIX = "adn_"

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("nama integrasi"), max_length=120)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text=_("Kosong: integrasi/kanal. Diisi: aplikasi petugas atas nama pengguna ini."),
    )
    scopes = models.JSONField(_("cakupan"), default=list)
    units = models.ManyToManyField(
        "organisation.Unit",
        blank=True,
        related_name="+",
        help_text=_("Bila diisi, token hanya melihat laporan unit-unit ini."),
    )
    key_prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def is_active(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    @classmethod
    def issue(
        cls,
        *,
        jurisdiction: Jurisdiction,
        name: str,
        scopes: list[str],
        user: User | None = None,
        created_by: User | None = None,
        expires_at: datetime | None = None,
    ) -> tuple[ApiToken, str]:
        """Create a token; returns it and the raw key (shown once, never stored)."""
        unknown = set(scopes) - set(Scope.values)
        if unknown:
            raise ValueError(f"Unknown scopes: {sorted(unknown)}")
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            jurisdiction=jurisdiction,
            name=name,
            scopes=list(scopes),
            user=user,
            created_by=created_by,
            expires_at=expires_at,
            key_prefix=raw[:12],
            key_hash=_digest(raw),
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw: str) -> ApiToken | None:
        """The active token behind ``raw`` (recording its use), or None."""
        if not raw or not raw.startswith(cls.PREFIX) or len(raw) > 200:
            return None
        token = (
            cls.objects.select_related("jurisdiction", "user").filter(key_hash=_digest(raw)).first()
        )
        if token is None or not token.is_active:
            return None
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class IdempotencyRecord(models.Model):
    """The first result of one POST sent with an ``Idempotency-Key``: a repeat by the same
    caller with the same key gets this result back instead of doing the work again.

    ``caller`` is the token, the session user or, for anonymous callers, the client address.
    ``request_hash`` covers the method, the path and the body; the same key with another
    request is refused. A row whose ``status_code`` is null is a request still in progress.
    Rows older than ``RETENTION`` are purged by the worker task ``purge_idempotency_records``
    and ignored before that."""

    RETENTION_HOURS = 24
    #: An unfinished row older than this is taken to be abandoned (its request crashed).
    STALE_SECONDS = 60

    caller = models.CharField(max_length=80)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kunci idempotensi")
        verbose_name_plural = _("kunci idempotensi")
        constraints = [
            models.UniqueConstraint(fields=["caller", "key"], name="idempotency_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.caller} {self.key}"
