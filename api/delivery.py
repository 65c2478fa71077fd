"""Sending a webhook's event: signed, and retried by the task queue with growing waits."""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Delivery, DeliveryStatus, Webhook

TIMEOUT_SECONDS = 10
# Waits before the 2nd, 3rd… try; after the last the delivery is marked failed (about 7 hours in all).
RETRY_WAITS = [timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1), timedelta(hours=6)]


def announce(event, payload):
    """After this transaction commits, queue `event` for every active webhook that asked for it."""

    def queue():
        hooks = [hook for hook in Webhook.objects.filter(is_active=True) if event in hook.events]
        for hook in hooks:
            delivery = Delivery.objects.create(webhook=hook, event=event, payload=payload)
            deliver.enqueue(delivery.pk)

    transaction.on_commit(queue)


def body_of(delivery):
    envelope = {
        "id": delivery.pk,
        "event": delivery.event,
        "created_at": delivery.created_at,
        "data": delivery.payload,
    }
    return json.dumps(envelope, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def signature(secret, timestamp, body):
    """What X-B40-Signature carries; the timestamp is signed too, so an old delivery cannot be replayed."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def post(delivery):
    """POST the delivery once: (response code or None, error text)."""
    body, timestamp = body_of(delivery), str(int(time.time()))
    request = urllib.request.Request(
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "MOE-B40-Webhooks/1",
            "X-B40-Event": delivery.event,
            "X-B40-Delivery": str(delivery.pk),
            "X-B40-Timestamp": timestamp,
            "X-B40-Signature": signature(delivery.webhook.secret, timestamp, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (http/https only: URLField)
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return None, str(getattr(error, "reason", error))[:500]


@task()
def deliver(delivery_id):
    delivery = Delivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != DeliveryStatus.PENDING:
        return  # already delivered (a task run twice) or its webhook deleted
    code, error = post(delivery)
    delivery.attempts += 1
    delivery.response_code, delivery.error = code, error
    if code is not None and 200 <= code < 300:
        delivery.status, delivery.delivered_at, delivery.error = DeliveryStatus.DELIVERED, timezone.now(), ""
    elif delivery.attempts > len(RETRY_WAITS):
        delivery.status = DeliveryStatus.FAILED
    delivery.save()
    if delivery.status == DeliveryStatus.PENDING:
        retry(delivery)


def retry(delivery):
    wait = RETRY_WAITS[delivery.attempts - 1]
    if deliver.get_backend().supports_defer:
        deliver.using(run_after=timezone.now() + wait).enqueue(delivery.pk)
    else:  # a backend that runs tasks at once (tests, TASKS_BACKEND=immediate): the next try is due now
        transaction.on_commit(lambda: deliver.enqueue(delivery.pk))
