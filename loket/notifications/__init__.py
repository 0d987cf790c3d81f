"""Who is told what, the outbox of messages, and the worker that sends them."""


def queue_for(event):
    """Outbox rows for a request's timeline event, inside the caller's transaction."""
    from loket.notifications.outbox import queue_for as queue

    return queue(event)
