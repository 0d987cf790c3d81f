"""A one-line progress bar for long seeding steps (redrawn in place on a terminal)."""

import sys
import time
from collections.abc import Callable

WIDTH = 30


def bar(done: int, total: int, *, rate: float, width: int = WIDTH) -> str:
    """`[#######.......]  45% 450,000/1,000,000 · 3,512/s · 2 min 37 s left`"""
    share = done / total if total else 1.0
    filled = round(share * width)
    left = (total - done) / rate if rate > 0 else 0.0
    minutes, seconds = divmod(round(left), 60)
    eta = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    return (
        f"[{'#' * filled}{'.' * (width - filled)}] {share:4.0%} {done:,}/{total:,}"
        f" · {rate:,.0f}/s · {eta} left"
    )


class Progress:
    """Tracks one step: `advance(n)` after each batch; the line goes to `write`."""

    def __init__(self, label: str, total: int, *, write: Callable[[str], None] | None = None):
        self.label, self.total, self.done = label, total, 0
        self.started = time.perf_counter()
        self.tty = write is None and sys.stdout.isatty()
        self.write = write or (lambda line: print(line, flush=True))

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        line = f"  {self.label:<22} {bar(self.done, self.total, rate=self.done / elapsed)}"
        if self.tty:
            sys.stdout.write("\r" + line + ("\n" if self.done >= self.total else ""))
            sys.stdout.flush()
        else:
            self.write(line)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started
