"""The reply tools of the complaint page: which actions write to the citizen, the template
picker's choices, and the action form with a filled text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404

from aduan.complaints import permissions
from aduan.replies.choices import Situation
from aduan.replies.selectors import fitting_templates

if TYPE_CHECKING:
    from django.forms import Form

    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint
    from aduan.replies.models import ResponseTemplate

#: action of the complaint page -> the form field holding the text the citizen reads
REPLY_FIELDS: dict[str, str] = {
    "request_info": "question",
    "follow_up": "text",
    "refer": "note_to_citizen",
    "resolve": "note",
}

#: the situations offered first for each action
ACTION_SITUATIONS: dict[str, tuple[str, ...]] = {
    "request_info": (Situation.INFO_REQUEST,),
    "follow_up": (Situation.FOLLOW_UP, Situation.TAPD, Situation.RECEIPT),
    "refer": (Situation.REFERRAL,),
    "resolve": (Situation.CLOSING,),
}


def field_name(action: str) -> str:
    """The posted name of the action's text field (forms use the action as prefix)."""
    return f"{action}-{REPLY_FIELDS[action]}"


def check_action(user: User, complaint: Complaint, action: str) -> None:
    """404 unless ``action`` writes to the citizen and the user may take it now."""
    if action not in REPLY_FIELDS or action not in permissions.available_actions(user, complaint):
        raise Http404


def template_groups(complaint: Complaint, action: str) -> list[tuple[Any, list]]:
    """The templates that fit the complaint, grouped by situation, the action's first."""
    templates: list[ResponseTemplate] | None = getattr(complaint, "_reply_templates", None)
    if templates is None:
        templates = fitting_templates(complaint)
        complaint._reply_templates = templates  # type: ignore[attr-defined]
    preferred = ACTION_SITUATIONS.get(action, ())
    order = [*preferred, *(s for s in Situation.values if s not in preferred)]
    labels = dict(Situation.choices)
    groups = []
    for situation in order:
        items = [t for t in templates if t.situation == situation]
        if items:
            groups.append((labels[situation], items))
    return groups


def action_form(complaint: Complaint, action: str, text: str) -> Form:
    """The complaint page's (unbound) form for ``action`` with ``text`` in its text field."""
    from aduan.complaints.views import _make_form

    form = _make_form(action, complaint)
    form.initial = {**form.initial, REPLY_FIELDS[action]: text}
    return form


def tool_context(user: User, complaint: Complaint, action: str, form: Form) -> dict[str, Any]:
    return {
        "complaint": complaint,
        "action": action,
        "field": form[REPLY_FIELDS[action]],
        "groups": template_groups(complaint, action),
    }
