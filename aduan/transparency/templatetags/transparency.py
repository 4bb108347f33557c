"""The verifier's publication panel on the staff complaint page."""

from __future__ import annotations

from typing import Any

from django import template

from aduan.complaints import permissions
from aduan.complaints.models import Complaint, Supporter
from aduan.transparency import publish
from aduan.transparency.forms import PublicationForm

register = template.Library()


@register.inclusion_tag("transparency/_publication_panel.html", takes_context=True)
def publication_panel(context: dict[str, Any], complaint: Complaint) -> dict[str, Any]:
    """What the public reads of ``complaint``, and for verifiers the form that changes it and
    the contacts of citizens who supported it on the public page."""
    user = context["request"].user
    may_edit = permissions.can_verify(user, complaint)
    return {
        "complaint": complaint,
        "public": publish.is_public(complaint),
        "text": publish.public_text(complaint),
        "may_edit": may_edit,
        "form": PublicationForm(
            initial={"public_text": complaint.public_text, "hidden": complaint.public_hidden}
        )
        if may_edit
        else None,
        "supporters": list(
            Supporter.objects.filter(complaint=complaint, source__isnull=True)
            .exclude(name="", contact="")
            .only("name", "contact", "created_at")[:50]
        )
        # Every supporter row counts in ``support_count`` (the public page's support and a
        # merge both add to it): none counted, none to read.
        if may_edit and complaint.support_count
        else [],
        "csrf_token": context.get("csrf_token"),
    }
