"""The bench's results: each scenario against the ceiling and the issue's targets, as a table
for the terminal (and README) and as JSON; and two sizes side by side (cost flat in size)."""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .load import Measured

PUBLIC = {"home", "service"}
SIGNED_IN = {"history", "inbox", "request", "dashboard", "search_words", "search_ticket"}
# Target ratios to the ceiling and p95 limits (ms) of issue 10.
PUBLIC_RATIO, SIGNED_IN_RATIO = 0.60, 0.20
SIGNED_IN_P95, CREATE_P95 = 100.0, 250.0
FLAT_FACTOR = 2.0


@dataclass(frozen=True)
class Row:
    name: str
    label: str
    rate: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    requests: int
    ratio: float  # of the ceiling's requests/s
    ceiling: float  # the ceiling's requests/s, measured just before
    target: str  # what the issue asks, "" when nothing
    met: bool | None
    note: str = ""


def row(name: str, label: str, measured: Measured, ceiling: float, note: str = "") -> Row:
    ratio = measured.rate / ceiling if ceiling else 0.0
    target, met = judge(name, ratio, measured)
    return Row(
        name=name,
        label=label,
        rate=round(measured.rate, 1),
        p50_ms=round(measured.p50_ms, 1),
        p95_ms=round(measured.p95_ms, 1),
        p99_ms=round(measured.p99_ms, 1),
        errors=measured.errors,
        requests=measured.requests,
        ratio=round(ratio, 3),
        ceiling=round(ceiling, 1),
        target=target,
        met=met,
        note=note,
    )


def judge(name: str, ratio: float, m: Measured) -> tuple[str, bool | None]:
    if name in PUBLIC:
        return f"≥ {PUBLIC_RATIO:.0%} of ceiling", ratio >= PUBLIC_RATIO and not m.errors
    if name in SIGNED_IN:
        met = ratio >= SIGNED_IN_RATIO and m.p95_ms < SIGNED_IN_P95 and not m.errors
        return f"≥ {SIGNED_IN_RATIO:.0%}, p95 < {SIGNED_IN_P95:.0f} ms", met
    if name == "create":
        return f"p95 < {CREATE_P95:.0f} ms, no error", m.p95_ms < CREATE_P95 and not m.errors
    return "", None


def unavailable(name: str, label: str, why: str) -> Row:
    return Row(name, label, 0.0, 0.0, 0.0, 0.0, 0, 0, 0.0, 0.0, "", None, f"not available: {why}")


MARKS = {True: "yes", False: "**no**", None: ""}


def table(rows: list[Row]) -> str:
    head = (
        "| Scenario | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling req/s | × ceiling "
        "| target | met |"
    )
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        if r.note.startswith("not available"):
            lines.append(f"| {r.label} | – | – | – | – | – | – | – | {r.note} | |")
            continue
        lines.append(
            f"| {r.label} | {r.rate:,.0f} | {r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} "
            f"| {r.errors} | {r.ceiling:,.0f} | {r.ratio:.2f} | {r.target} | {MARKS[r.met]} |"
        )
    return "\n".join(lines)


def write_json(path: Path, *, meta: dict, rows: list[Row], checks: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "scenarios": [asdict(r) for r in rows], "checks": checks}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def compare(small: dict, large: dict) -> str:
    """Two runs' JSON side by side: p95 and throughput, and whether the large stays within
    FLAT_FACTOR of the small."""
    s_rows = {r["name"]: r for r in small["scenarios"]}
    n_small, n_large = small["meta"]["requests"], large["meta"]["requests"]
    lines = [
        f"| Scenario | req/s at {n_small:,} | req/s at {n_large:,} | p95 ms at {n_small:,} "
        f"| p95 ms at {n_large:,} | slower by | within ×{FLAT_FACTOR:.0f} |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in large["scenarios"]:
        s = s_rows.get(r["name"])
        if not s or not r["rate"] or not s["rate"]:
            lines.append(f"| {r['label']} | – | – | – | – | – | not available |")
            continue
        factor = max(s["rate"] / r["rate"], r["p95_ms"] / s["p95_ms"] if s["p95_ms"] else 1)
        lines.append(
            f"| {r['label']} | {s['rate']:,.0f} | {r['rate']:,.0f} | {s['p95_ms']:.1f} "
            f"| {r['p95_ms']:.1f} | ×{factor:.2f} | {MARKS[factor <= FLAT_FACTOR]} |"
        )
    return "\n".join(lines)
