"""After a fault: what the load was told against what the database holds and the provider got."""

import json
from collections import Counter
from pathlib import Path

from django.db import connection

OK_STATES = {"sent", "delivered", "read"}


def calls(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def stored_markers() -> Counter:
    from loket.requests.models import ServiceRequest

    descriptions = ServiceRequest.objects.filter(description__contains="[beban ").values_list(
        "description", flat=True
    )
    return Counter(text.rsplit("[beban ", 1)[1].rstrip("]") for text in descriptions)


def requests(lines: list[dict], window: tuple[float, float] | None) -> dict:
    """Every accepted request stored once; answers other than 2xx/4xx only in the window."""
    from loket.requests.models import ServiceRequest

    stored = stored_markers()
    filed = [line for line in lines if line["kind"] == "file"]
    accepted = [line for line in filed if line["status"] == 201]
    verified = [line for line in lines if line["kind"] == "verify" and line["status"] == 200]
    tickets = set(ServiceRequest.objects.values_list("ticket", flat=True))
    broken = [line for line in lines if line["status"] >= 500 or line["status"] == 0]
    outside = [line for line in broken if not _overlaps(line, window)]
    return {
        "calls": len(lines),
        "filed": len(filed),
        "accepted": len(accepted),
        "verified": len(verified),
        "lost": sum(1 for line in accepted if not stored[line["marker"]]),
        "missing_ticket": sum(1 for line in accepted if line["ticket"] not in tickets),
        "stored_twice": sum(1 for line in filed if stored[line["marker"]] > 1),
        "unanswered_but_stored": sum(
            1 for line in filed if line["status"] != 201 and stored[line["marker"]]
        ),
        "errors": dict(Counter(str(line["status"]) for line in broken)),
        "errors_outside_outage": len(outside),
        "refused": dict(
            Counter(str(line["status"]) for line in lines if 400 <= line["status"] < 500)
        ),
    }


def _overlaps(line: dict, window: tuple[float, float] | None) -> bool:
    return window is not None and line["start"] <= window[1] and line["end"] >= window[0]


def notifications(refs: Counter) -> dict:
    """Every WhatsApp message sent, and each message id at the provider exactly once."""
    from loket.notifications.models import Message

    try:
        rows = list(Message.objects.filter(channel="whatsapp").values_list("key", "state"))
    finally:
        connection.close()
    keys = {str(key) for key, _state in rows}
    states = Counter(state for _key, state in rows)
    return {
        "messages": len(rows),
        "states": dict(states),
        "not_sent": sum(n for state, n in states.items() if state not in OK_STATES),
        "missing_at_provider": len(keys - set(refs)),
        "twice_at_provider": sum(1 for key in keys if refs[key] > 1),
        "unknown_at_provider": len(set(refs) - keys),
    }


def passed(result: dict, *, within: float) -> bool:
    r, n = result["requests"], result["notifications"]
    back = result["portal_back_after_seconds"]
    return (
        back is not None
        and back <= within
        and result["drained_in_seconds"] is not None
        and r["accepted"] > 0
        and r["lost"] == r["missing_ticket"] == r["stored_twice"] == 0
        and r["errors_outside_outage"] == 0
        and n["messages"] > 0
        and n["not_sent"] == n["missing_at_provider"] == n["twice_at_provider"] == 0
        and n["unknown_at_provider"] == 0
    )
