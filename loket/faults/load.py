"""The fault run's load: a second process that files requests through the portal's HTTP API on
127.0.0.1 and has the Admin Unit verify them (each a notification), at a bounded pace, until told
to stop or its deadline. Every call goes to a JSON line: when, what, status, ticket, marker.

    python -m loket.faults.load CONFIG.json OUT.jsonl
"""

import http.client
import json
import sys
import time
import uuid
from pathlib import Path

from loket.multipart import multipart

TIMEOUT = 10


def call(config: dict, method: str, path: str, *, token: str, body: bytes, content_type: str):
    """(status, JSON) of one call; status 0 when no answer came (connection refused, cut)."""
    host, port = config["host"], config["port"]
    connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": content_type}
    try:
        connection.request(method, f"/api/v1{path}", body=body, headers=headers)
        response = connection.getresponse()
        raw = response.read()
    except OSError:
        return 0, {}
    finally:
        connection.close()
    try:
        return response.status, json.loads(raw or b"{}")
    except ValueError:
        return response.status, {}


def file_request(config: dict, letter: bytes) -> dict:
    marker = uuid.uuid4().hex
    fields = {**config["form"], "description": f"{config['form']['description']} [beban {marker}]"}
    body, kind = multipart(fields, {"letter": ("surat.pdf", letter, "application/pdf")})
    status, data = call(
        config, "POST", "/requests", token=config["requester_token"], body=body, content_type=kind
    )
    return {"kind": "file", "status": status, "ticket": data.get("ticket"), "marker": marker}


def verify(config: dict, ticket: str) -> dict:
    body = json.dumps(config["checklist"]).encode()
    status, _data = call(
        config,
        "POST",
        f"/requests/{ticket}/verify",
        token=config["admin_token"],
        body=body,
        content_type="application/json",
    )
    return {"kind": "verify", "status": status, "ticket": ticket}


def main(config_path: str, out_path: str) -> None:
    config = json.loads(Path(config_path).read_text())
    letter = Path(config["letter"]).read_bytes()
    stop = Path(config["stop_file"])
    deadline = time.monotonic() + config["max_seconds"]
    pause = 1 / config["rate"]
    to_verify = []
    with open(out_path, "a", buffering=1) as out:
        for number in range(config["max_calls"]):
            if stop.exists() or time.monotonic() > deadline:
                break
            started = time.time()
            if number % 3 == 2 and to_verify:
                line = verify(config, to_verify.pop(0))
            else:
                line = file_request(config, letter)
                if line["status"] == 201 and line["ticket"]:
                    to_verify.append(line["ticket"])
            line.update(start=started, end=time.time())
            out.write(json.dumps(line) + "\n")
            time.sleep(max(0.0, pause - (time.time() - started)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
