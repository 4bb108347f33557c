"""``{% reply_tools complaint name form %}``: the template picker and live tone check under
an action form that writes to the citizen (nothing for other actions).

Which reply pages the staff navigation links to: ``accounts.templatetags.staff_nav``."""

from __future__ import annotations

from typing import Any

from django import template

from aduan.replies.tools import REPLY_FIELDS, tool_context

register = template.Library()


@register.inclusion_tag("replies/_tools.html", takes_context=True)
def reply_tools(context: template.Context, complaint: Any, action: str, form: Any) -> dict:
    if action not in REPLY_FIELDS:
        return {"show": False}
    return {"show": True, **tool_context(context["user"], complaint, action, form)}


@register.filter
def flaw_label(code: str) -> str:
    """The name of a checker's flaw code (the code itself when it has none)."""
    from aduan.replies.labels import FLAW_LABELS

    return str(FLAW_LABELS.get(code, code))
