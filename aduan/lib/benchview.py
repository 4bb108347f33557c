"""The baseline of ``bench/load.py``: the cheapest Django view, through every middleware.

Routed only when ``ADUAN_BENCH=1`` (see ``aduan/urls.py``); every benchmark figure is also
read as a ratio of this view's throughput measured in the same run on the same server."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse


def bare(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True, "service": "aduan"})
