from loket.accounts import permissions


def reports(request) -> dict:
    """Whether the header offers the IKM report (Admin Unit, Direktur, Superadmin)."""
    user = getattr(request, "user", None)
    return {"show_ikm_report": bool(user) and permissions.can(user, "surveys.report")}
