"""Admin of response templates (scoped to the administrator's jurisdiction) and a read-only
list of reply verdicts."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import ModelForm
from django.utils.translation import gettext_lazy as _

from aduan.organisation.admin import JurisdictionScopedAdmin
from aduan.replies.fill import unknown_placeholders
from aduan.replies.models import ReplyReview, ResponseTemplate
from aduan.replies.services import template_mark_edited


class ResponseTemplateAdminForm(ModelForm):
    class Meta:
        model = ResponseTemplate
        fields = [
            "jurisdiction",
            "code",
            "title",
            "situation",
            "unit",
            "category",
            "body",
            "is_active",
        ]

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        unknown = unknown_placeholders(body)
        if unknown:
            raise ValidationError(
                _("Isian tidak dikenal: %(names)s."), params={"names": ", ".join(unknown)}
            )
        return body


@admin.register(ResponseTemplate)
class ResponseTemplateAdmin(JurisdictionScopedAdmin):
    form = ResponseTemplateAdminForm
    list_display = ["title", "situation", "unit", "category", "is_active", "customised"]
    list_filter = ["situation", "is_active", "customised"]
    search_fields = ["title", "code", "body"]

    def save_model(self, request, obj, form, change) -> None:
        template_mark_edited(template=obj, user=request.user)


@admin.register(ReplyReview)
class ReplyReviewAdmin(JurisdictionScopedAdmin):
    list_display = ["created_at", "complaint", "officer", "unit", "kind", "score", "acceptable"]
    list_filter = ["acceptable", "kind"]
    list_select_related = ["complaint", "officer", "unit"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
