"""How an idle worker waits: LISTEN on PostgreSQL (queue_for NOTIFYs on commit), else a nap."""

import threading

from django.db import connection

from .outbox import WAKE_CHANNEL


class Nap:
    """SQLite has no notifications: wait out the poll interval (or until told to stop)."""

    def __init__(self, stopping: threading.Event) -> None:
        self.stopping = stopping

    def wait(self, timeout: float) -> None:
        self.stopping.wait(timeout)

    def close(self) -> None:
        pass


class Listener(Nap):
    """A connection of its own that LISTENs, so no NOTIFY is missed while the worker works."""

    def __init__(self, stopping: threading.Event) -> None:
        super().__init__(stopping)
        self.conn = None
        self.connect()

    def connect(self) -> None:
        """LISTEN again; while the database is away (a restart), the worker naps and polls."""
        import psycopg

        params = connection.get_connection_params()
        params = {k: v for k, v in params.items() if k not in ("cursor_factory", "context")}
        try:
            self.conn = psycopg.connect(**params, autocommit=True, connect_timeout=5)
            self.conn.execute(f"LISTEN {WAKE_CHANNEL}")
        except psycopg.Error:
            self.close()

    def wait(self, timeout: float) -> None:
        import psycopg

        if self.conn is None:
            self.connect()
        if self.conn is None:
            return super().wait(timeout)
        try:
            self.listen(timeout)
        except psycopg.Error:
            self.close()  # the server went away: the next wait connects again
            super().wait(timeout)

    def listen(self, timeout: float) -> None:
        # Short slices, so that a stop request is seen within a fraction of a second.
        remaining = timeout
        while remaining > 0 and not self.stopping.is_set():
            slice_ = min(remaining, 0.5)
            if any(True for _ in self.conn.notifies(timeout=slice_, stop_after=1)):
                break
            remaining -= slice_
        # Several NOTIFYs may have piled up; one drain answers them all.
        for _ in self.conn.notifies(timeout=0):
            pass

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def waiter(stopping: threading.Event) -> Nap:
    return Listener(stopping) if connection.vendor == "postgresql" else Nap(stopping)
