"""A real HTTP server on loopback standing in for the Cloud API or a WhatsApp gateway, used by
the tests and by `manage.py bench_notifications`.

It records every request (path, headers, JSON, time) and answers from a script of responses,
then with `default`. `keys()` counts each Idempotency-Key, so a repeat shows.
"""

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    path: str
    headers: dict
    json: dict
    at: float


@dataclass
class Reply:
    status: int = 200
    body: dict | None = None
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


class StandIn:
    def __init__(self, default=None) -> None:
        self.seen: list[Seen] = []
        self.script: list[Reply] = []
        self.delay = 0.0
        self.default = default or cloud_reply
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
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

    def _next(self, seen: Seen) -> Reply:
        with self.lock:
            self.seen.append(seen)
            number = len(self.seen)
            if self.script:
                return self.script.pop(0)
        return Reply(200, self.default(seen, number), self.delay)

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
                    pass  # the client gave up waiting (a timeout test)

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


def gateway_reply(seen: Seen, number: int) -> dict:
    return {"status": True, "result": {"id": f"gw-{number}"}}


def cloud_error(code: int, status: int = 400, **extra) -> Reply:
    body = {"error": {"message": f"error {code}", "type": "OAuthException", "code": code}}
    return Reply(status, body, **extra)
