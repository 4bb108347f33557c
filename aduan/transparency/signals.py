"""Derived data only: the published text of a complaint in lower case (``public_search``),
so that the public search never matches what was masked.

A full save (the intake's ``complaint_submit``, the admin) recomputes it, and so does any
save that names ``public_search`` in ``update_fields`` (``transparency.services``, when a
verifier edits the public text). The description and the reporter's identity do not change
after intake; workflow saves name only their own fields and leave it alone.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import pre_save
from django.dispatch import receiver

from aduan.complaints.models import Complaint
from aduan.transparency.publish import search_text


@receiver(pre_save, sender=Complaint, dispatch_uid="transparency_public_search")
def refresh_public_search(
    sender: type[Complaint], instance: Complaint, update_fields: Any = None, **kwargs: Any
) -> None:
    if kwargs.get("raw"):
        return
    if update_fields is None or "public_search" in update_fields:
        instance.public_search = search_text(instance)
