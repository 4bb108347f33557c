"""The ``i18n`` template library (``{% load i18n %}``, ``TEMPLATES`` ``libraries``): Django's,
with a ``{% translate %}`` that renders a plain string literal in one catalogue look-up.

Django's node resolves the literal into a lazy translation, then localises, stringifies and
escapes it on every render (about 90 Python calls a tag; 39–49 tags on a staff page). For
``{% translate "…" %}`` without filters, ``context``, ``noop`` or ``as``, the answer is the
same (the literal is safe, so the translation is too, and the percent signs the message
catalogue doubles are restored); every other form goes through Django's node unchanged.
``makemessages`` reads the tags from the template text, whatever renders them."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.base import Token, Variable
from django.templatetags import i18n
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)


class TranslateNode(i18n.TranslateNode):
    def __init__(self, node: i18n.TranslateNode) -> None:
        super().__init__(node.filter_expression, node.noop, node.asvar, node.message_context)
        var = self.filter_expression.var
        plain = (
            not (self.noop or self.asvar or self.message_context or self.filter_expression.filters)
            and isinstance(var, Variable)
            and var.lookups is None
            and isinstance(var.literal, SafeString)
        )
        #: The catalogue's key of a plain literal (percent signs doubled, as ``Variable``
        #: asks for it), safe so that the translation comes back safe; else None.
        # The template's own text, as Django's ``Variable`` marks it.
        self.message = mark_safe(var.literal.replace("%", "%%")) if plain else None  # noqa: S308

    def render(self, context: Any) -> Any:
        if self.message is None:
            return super().render(context)
        # Django's tag marks it so too: the translation of a safe literal.
        return mark_safe(gettext(self.message).replace("%%", "%"))  # noqa: S308


@register.tag("translate")
@register.tag("trans")
def do_translate(parser: template.base.Parser, token: Token) -> TranslateNode:
    return TranslateNode(i18n.do_translate(parser, token))
