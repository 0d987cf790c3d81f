"""The one place that answers "may this user do this action on this object?".

Pages, the Admin Panel and (later) the API ask here; nothing else reads UnitRole rows to decide.
A superadmin may do every action on every unit. Unit roles never leak across units: a row's unit
comes from UNIT_PATHS, and `scope()` filters a QuerySet down to the units where the user holds a
role that the action needs, so another unit's object is simply not there (a 404 by construction).
"""

from allauth.mfa.models import Authenticator
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from loket.accounts.models import Role, UnitRole
from loket.catalog.models import Unit

UNIT_ROLES = frozenset(Role)

# action: the unit roles that may take it (superadmins may take every action)
RULES: dict[str, frozenset[Role]] = {
    "catalog.view": UNIT_ROLES,
    "catalog.manage": frozenset({Role.UNIT_ADMIN}),
    "roles.view": frozenset({Role.DIRECTOR}),
    "roles.assign": frozenset({Role.DIRECTOR}),
    "notifications.view": frozenset({Role.UNIT_ADMIN, Role.DIRECTOR}),
    "notifications.retry": frozenset({Role.UNIT_ADMIN}),
    "surveys.report": frozenset({Role.UNIT_ADMIN, Role.DIRECTOR}),
    "surveys.publish": frozenset({Role.DIRECTOR}),
    "requests.view": frozenset({Role.UNIT_ADMIN, Role.DIRECTOR}),
    "dashboards.view": frozenset({Role.UNIT_ADMIN, Role.DIRECTOR}),
    # Complaints (issue 7): the unit's Admin Unit handles them and keeps the unit's deadlines;
    # the Direktur sees all of the unit's and its reports. Staff see what is assigned to them
    # (ComplaintQuerySet.visible_to); who takes which workflow action is complaints.workflow's
    # TRANSITIONS table, checked with has_role as for requests.
    "complaints.view": frozenset({Role.UNIT_ADMIN, Role.DIRECTOR}),
    "complaints.settings": frozenset({Role.UNIT_ADMIN}),
    "complaints.report": frozenset({Role.UNIT_ADMIN, Role.DIRECTOR}),
    "requests.file_log": frozenset({Role.UNIT_ADMIN}),
}

# model label: the lookup from a row to its unit ("" means the row is the unit)
UNIT_PATHS: dict[str, str] = {
    "catalog.unit": "",
    "catalog.service": "unit",
    "catalog.standardrevision": "service__unit",
    "catalog.application": "owner_unit",
    "accounts.unitrole": "unit",
    "notifications.message": "req__unit",
    "notifications.recordedmessage": "req__unit",
    "surveys.publication": "unit",
    "requests.servicerequest": "unit",
    "requests.fileaccess": "req__unit",
    "workdays.closure": "unit",
    "complaints.complaint": "unit",
    "complaints.unitsettings": "unit",
}

# Two-factor sign-in is required of these (PRODUCT.md section 5.2); Staff only carry out work.
MFA_ROLES = frozenset({Role.UNIT_ADMIN, Role.DIRECTOR})


def roles_of(user) -> frozenset[tuple[int, str]]:
    """(unit id, role) pairs the user holds, read once per request and kept on the user (the
    authentication backends read them with the person: loket/accounts/backends.py)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if not hasattr(user, "_loket_roles"):
        user._loket_roles = frozenset(
            # No ordering: the model's default (unit name, username) would join two tables.
            UnitRole.objects.filter(user=user).order_by().values_list("unit_id", "role")
        )
    return user._loket_roles


def is_superadmin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def has_role(user, role: str, unit_id: int) -> bool:
    """Holds this role in this unit (explicitly: superadmins are not every unit's staff)."""
    return (unit_id, role) in roles_of(user)


def units_where(user, *roles: str) -> QuerySet[Unit]:
    """The units where the user holds any of `roles` (any unit role when none are named)."""
    wanted = set(roles or UNIT_ROLES)
    ids = {unit_id for unit_id, role in roles_of(user) if role in wanted}
    return Unit.objects.filter(pk__in=ids)


def can(user, action: str, obj: Model | None = None) -> bool:
    """May `user` take `action` on `obj` (or, without an object, on some unit)?"""
    if is_superadmin(user):
        return True
    allowed = RULES[action]
    held = roles_of(user)
    if obj is None:
        return any(role in allowed for _unit, role in held)
    unit_id = unit_id_of(obj)
    return any((unit_id, role) in held for role in allowed)


def scope(queryset: QuerySet, user, action: str) -> QuerySet:
    """The rows of `queryset` the user may take `action` on."""
    if is_superadmin(user):
        return queryset
    path = UNIT_PATHS[queryset.model._meta.label_lower]
    lookup = f"{path}__in" if path else "pk__in"
    return queryset.filter(**{lookup: units_where(user, *RULES[action])})


def unit_id_of(obj: Model) -> int | None:
    path = UNIT_PATHS[obj._meta.label_lower]
    if not path:
        return obj.pk
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop)
    return getattr(obj, f"{last}_id")


def may_use_admin_panel(user) -> bool:
    return is_superadmin(user) or bool(roles_of(user))


def requires_mfa(user) -> bool:
    return is_superadmin(user) or any(role in MFA_ROLES for _unit, role in roles_of(user))


def has_authenticator(user) -> bool:
    """Has an authenticator app (TOTP), kept on the user like the roles."""
    if not hasattr(user, "_loket_has_totp"):
        user._loket_has_totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
    return user._loket_has_totp


def role_labels(user) -> list[str]:
    """The header's "Logged in as …": the roles held, highest first."""
    if not getattr(user, "is_authenticated", False):
        return []
    held = {role for _unit, role in roles_of(user)}
    order = (Role.DIRECTOR, Role.UNIT_ADMIN, Role.STAFF)
    labels = [str(role.label) for role in order if role in held]
    if is_superadmin(user):
        labels.insert(0, _("Superadmin"))
    return labels or [_("Requester")]
