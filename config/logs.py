"""Logs as one JSON object a line: time, level, logger, message, and the request it came from (id, user,
path), so an error in the log can be found by the id the visitor saw and traced through every line of
that request. `request_context` (middleware) sets the request's part and logs one line per request with
its status and duration; every other record made during the request carries the same id."""

import contextvars
import json
import logging
import re
import time
import traceback
import uuid

CURRENT = contextvars.ContextVar("request", default=None)
# A proxy's request id is kept when it looks like one (no header injection into our logs).
GIVEN_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
requests_log = logging.getLogger("site.requests")


class RequestFields(logging.Filter):
    """Adds the current request's id, user and path to every record."""

    def filter(self, record):
        for name, value in (CURRENT.get() or {}).items():
            setattr(record, name, getattr(record, name, value))
        return True


class JsonFormatter(logging.Formatter):
    FIELDS = ("request_id", "user_id", "path", "method", "status", "duration_ms")

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **{
                name: getattr(record, name) for name in self.FIELDS if getattr(record, name, None) is not None
            },
        }
        if record.exc_info:
            entry["error"] = "".join(traceback.format_exception(*record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def request_context(get_response):
    def middleware(request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if GIVEN_ID.match(given) else uuid.uuid4().hex[:16]
        token = CURRENT.set({"request_id": request_id, "path": request.path, "method": request.method})
        started = time.perf_counter()
        try:
            response = get_response(request)
            user = getattr(request, "user", None)
            fields = {"user_id": user.pk if user is not None and user.is_authenticated else None}
            CURRENT.set({**(CURRENT.get() or {}), **fields})
            response["X-Request-ID"] = request_id
            duration = round((time.perf_counter() - started) * 1000, 1)
            requests_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={"status": response.status_code, "duration_ms": duration},
            )
            return response
        finally:
            CURRENT.reset(token)

    return middleware
