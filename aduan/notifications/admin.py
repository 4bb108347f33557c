"""Admin of the outbox: a read-only view of every message and its attempts, scoped to the
administrator's jurisdiction, with one action: send dead messages again. And the webhook
subscriptions, which administrators manage."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from aduan.notifications.models import DeliveryAttempt, OutboxMessage, WebhookSubscription
from aduan.notifications.services import outbox_requeue
from aduan.notifications.webhooks import STATUS_EVENT_KINDS
from aduan.organisation.admin import JurisdictionScopedAdmin

ATTEMPT_FIELDS = ("worker", "started_at", "finished_at", "ok", "error")
OUTBOX_FIELDS = (
    "jurisdiction",
    "complaint",
    "recipient_user",
    "subscription",
    "channel",
    "to_address",
    "kind",
    "subject",
    "body",
    "status",
    "attempts",
    "next_attempt_at",
    "lease_until",
    "claimed_by",
    "sent_at",
    "remote_id",
    "last_error",
    "dedupe_key",
    "read_at",
    "created_at",
)


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    fields = ATTEMPT_FIELDS
    readonly_fields = ATTEMPT_FIELDS
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(JurisdictionScopedAdmin):
    list_display = [
        "created_at",
        "kind",
        "channel",
        "to_address",
        "recipient_user",
        "complaint",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["complaint__tracking_code", "to_address", "subject", "dedupe_key"]
    list_select_related = ["complaint", "recipient_user"]
    date_hierarchy = "created_at"
    inlines = [DeliveryAttemptInline]
    actions = ["requeue"]
    fields = OUTBOX_FIELDS
    readonly_fields = OUTBOX_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_requeue_permission(self, request: HttpRequest) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    @admin.action(description=_("Kirim ulang pesan yang gagal permanen"), permissions=["requeue"])
    def requeue(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        n = outbox_requeue(messages=queryset)
        self.message_user(
            request, _("%(n)d pesan dijadwalkan untuk dikirim ulang.") % {"n": n}, messages.SUCCESS
        )


class WebhookSubscriptionForm(forms.ModelForm):
    event_kinds = forms.MultipleChoiceField(
        label=_("jenis peristiwa"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(kind.value, kind.label) for kind in STATUS_EVENT_KINDS],
        help_text=_("Kosongkan untuk menerima semua perubahan status."),
    )

    class Meta:
        model = WebhookSubscription
        fields = ["jurisdiction", "name", "url", "secret", "event_kinds", "is_active"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(JurisdictionScopedAdmin):
    form = WebhookSubscriptionForm
    list_display = ["name", "url", "jurisdiction", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
