"""The staff navigation's links, rendered once per role and language in each process."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

#: Rendered link groups by what they depend on; a handful of entries per process.
_RENDERED: dict[tuple[Any, ...], SafeString] = {}


@register.simple_tag(takes_context=True)
def staff_links(context: template.Context, part: str) -> SafeString:
    """The links of ``accounts/_staff_links_<part>.html`` for the signed-in staff member.

    They depend only on the role, ``is_staff``, whether the reply pages are open to the
    user (``replies.access.links``), the language and the URL prefix, so each combination is
    rendered once per process: the same HTML as rendering the template on every page,
    without its dozen URL reversals and translations on every request."""
    from aduan.replies import access

    user = context["user"]
    reply = access.links(user)
    key = (
        part,
        user.role,
        user.is_staff,
        reply["templates"],
        reply["quality"],
        get_language(),
        get_script_prefix(),
        get_urlconf(),
    )
    html = _RENDERED.get(key)
    if html is None:
        html = mark_safe(  # noqa: S308 - the template's own output, escaped by it
            render_to_string(
                f"accounts/_staff_links_{part}.html",
                {"role": user.role, "is_staff": user.is_staff, "reply_nav": reply},
            ).rstrip("\n")
        )
        _RENDERED[key] = html
    return html
