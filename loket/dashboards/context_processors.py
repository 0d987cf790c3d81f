from loket.accounts import permissions


def dashboards(request) -> dict:
    """Whether the header offers Dasbor (Admin Unit, Direktur, Superadmin)."""
    user = getattr(request, "user", None)
    return {"show_dashboard": bool(user) and permissions.can(user, "dashboards.view")}
