"""Personal data never reaches the logs: a filter on every handler (settings ``LOGGING``)
that masks NIK, phone numbers, e-mail addresses and plates with ``aduan.lib.pii.mask_text``
in the message, its arguments and any traceback."""

from __future__ import annotations

import logging

from aduan.lib.pii import mask_text


class MaskPersonalData(logging.Filter):
    """Rewrites the record in place (message formatted once, then masked); never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string is logged as it is
            message = str(record.msg)
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True
