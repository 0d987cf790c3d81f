"""Drive the served portal with wrk, one scenario at a time, and read wrk's summary.

wrk is the load generator (Debian's `wrk`): written in C around one event loop, it spends a
small fraction of the CPU a Python generator would, which matters on a 2-core machine where the
generator and the server share the cores: the ceiling then measures the server, not the
generator. Its Lua hook (scenario.lua) gives each request its session cookie, path and body and
reports exact percentiles from wrk's latency histogram.
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SCRIPT = Path(__file__).with_name("scenario.lua")
MARK = "WRK-JSON "


@dataclass
class Scenario:
    name: str
    items: list[tuple[str | None, str]]  # (Cookie header or None, path)
    method: str = "GET"
    expect: tuple[int, ...] = (200,)
    body: bytes | None = None  # "@@N@@" in it becomes a number unique to each request
    content_type: str = ""
    note: str = ""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Measured:
    requests: int
    sent: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: int  # sockets, timeouts and unexpected statuses
    statuses: dict[str, int]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def parse(output: str) -> Measured:
    """wrk's stdout, with scenario.lua's summary line in it."""
    line = next((ln for ln in output.splitlines() if ln.startswith(MARK)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    data = json.loads(line[len(MARK) :])
    errors = data["errors"]
    return Measured(
        requests=data["requests"],
        sent=data["sent"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        errors=sum(errors[k] for k in ("connect", "read", "write", "timeout", "unexpected")),
        statuses=data["statuses"],
    )


def config(scenario: Scenario, *, origin: str, folder: Path) -> Path:
    lines = [f"method {scenario.method}", *(f"expect {code}" for code in scenario.expect)]
    # The portal sits behind a TLS-terminating proxy in production; so it does here.
    headers = {"X-Forwarded-Proto": "https", **scenario.headers}
    if scenario.method == "POST":
        headers |= {"Origin": origin, "Referer": origin + "/"}
    if scenario.content_type:
        headers["Content-Type"] = scenario.content_type
    lines += [f"header {name}: {value}" for name, value in headers.items()]
    if scenario.body is not None:
        body = folder / f"{scenario.name}.body"
        body.write_bytes(scenario.body)
        lines.append(f"body {body}")
    lines += [f"item {cookie or '-'}\t{path}" for cookie, path in scenario.items]
    path = folder / f"{scenario.name}.conf"
    path.write_text("\n".join(lines) + "\n")
    return path


def run(
    scenario: Scenario, *, base_url: str, seconds: int, connections: int, threads: int = 1
) -> Measured:
    wrk = shutil.which("wrk")
    if not wrk:
        raise RuntimeError("The bench needs wrk: apt-get install wrk")
    origin = base_url.replace("http://", "https://")
    with tempfile.TemporaryDirectory(prefix="loket-bench-") as folder:
        conf = config(scenario, origin=origin, folder=Path(folder))
        command = [
            wrk,
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={SCRIPT}",
            base_url,
            "--",
            str(conf),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr}")
    return parse(done.stdout)
