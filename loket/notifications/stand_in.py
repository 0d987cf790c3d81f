"""A real HTTP server on loopback standing in for the Cloud API or a WhatsApp gateway, used by
the tests and by `manage.py bench_notifications`.

It records every request (path, headers, JSON, time) and answers from a script of responses,
then with `default`. `keys()` counts each Idempotency-Key, so a repeat shows.

Like real providers it keeps two promises the worker relies on (README, Notifications):
- a gateway drops a repeat: a request whose Idempotency-Key it already accepted gets the first
  answer again and is not sent again (`delivered()` counts what really went out);
- the Cloud API, given `webhook=(url, app_secret)`, posts a signed "sent" status for each
  accepted message to that URL, echoing its biz_opaque_callback_data, retrying as Meta does.
"""

import hashlib
import hmac
import json
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    path: str
    headers: dict
    json: dict
    at: float
    repeat: bool = False  # an Idempotency-Key already accepted: not sent again


@dataclass
class Reply:
    status: int = 200
    body: dict | None = None
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


class StandIn:
    def __init__(
        self, default=None, *, webhook: tuple[str, str] | None = None, port: int = 0
    ) -> None:
        self.seen: list[Seen] = []
        self.script: list[Reply] = []
        self.delay = 0.0
        self.default = default or cloud_reply
        self.webhook = webhook
        self.webhook_delay = 0.0  # Meta's "sent" status comes a moment after its answer
        self.accepted: dict[str, Reply] = {}  # Idempotency-Key: the first 2xx answer
        self.on_request = None  # called with (seen, number) before answering
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def start(self) -> "StandIn":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reply(self, *replies: Reply) -> None:
        with self.lock:
            self.script.extend(replies)

    def bodies(self) -> list[dict]:
        return [seen.json for seen in self.seen]

    def keys(self) -> Counter:
        """How often each Idempotency-Key arrived."""
        return Counter(seen.headers.get("Idempotency-Key") for seen in self.seen)

    def delivered(self, ref=lambda seen: seen.headers.get("Idempotency-Key")) -> Counter:
        """How often each message really went out (repeats dropped by key are not counted)."""
        return Counter(ref(seen) for seen in self.seen if not seen.repeat)

    def _next(self, seen: Seen) -> Reply:
        key = seen.headers.get("Idempotency-Key")
        with self.lock:
            seen.repeat = key in self.accepted
            self.seen.append(seen)
            number = len(self.seen)
            if seen.repeat:
                reply = self.accepted[key]
            elif self.script:
                reply = self.script.pop(0)
            else:
                reply = Reply(200, self.default(seen, number), self.delay)
            if key and 200 <= reply.status < 300:
                self.accepted.setdefault(key, Reply(reply.status, reply.body))
        if self.on_request:
            self.on_request(seen, number)
        return reply

    def _report(self, seen: Seen, reply: Reply) -> None:
        """Meta's "sent" status webhook for an accepted message, signed with the app secret."""
        if not (self.webhook and 200 <= reply.status < 300 and not seen.repeat):
            return
        url, secret = self.webhook
        try:
            wamid = reply.body["messages"][0]["id"]
        except (KeyError, IndexError, TypeError):
            return
        body = json.dumps(status_webhook(seen.json, wamid, "sent")).encode()
        digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": f"sha256={digest}"}
        for pause in (self.webhook_delay, 0.5, 1, 2, 4, 8):  # Meta retries one that failed
            time.sleep(pause)
            request = urllib.request.Request(url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                continue

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                seen = Seen(self.path, dict(self.headers), json.loads(raw or b"{}"), time.time())
                reply = stand_in._next(seen)
                time.sleep(reply.delay)
                body = json.dumps(reply.body or {}).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting (a timeout test) or died
                stand_in._report(seen, reply)

            def log_message(self, *args):
                pass

        return Handler


def cloud_reply(seen: Seen, number: int) -> dict:
    to = seen.json.get("to", "")
    return {
        "messaging_product": "whatsapp",
        "contacts": [{"input": to, "wa_id": to}],
        "messages": [{"id": f"wamid.TEST{number:06d}"}],
    }


def status_webhook(sent: dict, wamid: str, status: str) -> dict:
    """The body of a Cloud API status webhook, as Meta posts it."""
    item = {
        "id": wamid,
        "status": status,
        "timestamp": str(int(time.time())),
        "recipient_id": sent.get("to", ""),
    }
    if "biz_opaque_callback_data" in sent:
        item["biz_opaque_callback_data"] = sent["biz_opaque_callback_data"]
    value = {"messaging_product": "whatsapp", "statuses": [item]}
    change = {"field": "messages", "value": value}
    return {"object": "whatsapp_business_account", "entry": [{"id": "0", "changes": [change]}]}


def gateway_reply(seen: Seen, number: int) -> dict:
    return {"status": True, "result": {"id": f"gw-{number}"}}


def cloud_error(code: int, status: int = 400, **extra) -> Reply:
    body = {"error": {"message": f"error {code}", "type": "OAuthException", "code": code}}
    return Reply(status, body, **extra)
