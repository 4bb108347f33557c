"""``{% reply_tools complaint name form %}``: the template picker and live tone check under
an action form that writes to the citizen (nothing for other actions).

``{% replies_nav as nav %}``: which reply pages the signed-in user may open (``nav.templates``,
``nav.quality``), for the staff navigation in ``base.html``."""

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


@register.simple_tag(takes_context=True)
def replies_nav(context: template.Context) -> dict[str, bool]:
    """Links to the reply templates and the reply-quality page, by the same rules as the
    pages themselves (administrators, supervisors and unit heads)."""
    from aduan.replies import access

    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"templates": False, "quality": False}
    return access.links(user)


@register.filter
def flaw_label(code: str) -> str:
    """The name of a checker's flaw code (the code itself when it has none)."""
    from aduan.replies.labels import FLAW_LABELS

    return str(FLAW_LABELS.get(code, code))
