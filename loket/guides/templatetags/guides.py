"""{% help_link "pemohon" "buat-permintaan" %}: a "Bantuan" link to a guide section that exists."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from loket.guides import content, links

register = template.Library()


@register.simple_tag
def help_link(role: str, anchor: str, label: str = "") -> str:
    section = content.section(role, anchor)
    return format_html(
        '<a class="help-link" href="{}">{}<span class="visually-hidden">: {}</span></a>',
        links.url(role, anchor),
        label or pgettext("context help link", "Help"),
        section.title,
    )


@register.simple_tag
def action_help(action: str) -> str:
    target = links.ACTIONS.get(action)
    return help_link(*target) if target else ""


@register.simple_tag
def inbox_help(role: str) -> str:
    target = links.INBOXES.get(str(role))
    return help_link(*target) if target else ""


@register.simple_tag
def step_help(step: str) -> str:
    """After a procedure step: what the requester does at it, with the section's title."""
    role, anchor = links.for_step(step)
    section = content.section(role, anchor)
    return format_html(
        '<a class="help-link step-help" href="{}">{}: {}</a>',
        links.url(role, anchor),
        _("What you do"),
        section.title,
    )


@register.simple_tag(takes_context=True)
def request_help(context, req) -> str:
    """The request page: the guide of the role the visitor holds in the request's unit."""
    from loket.accounts.permissions import roles_of

    held = {role for unit, role in roles_of(context["request"].user) if unit == req.unit_id}
    for role, target in links.INBOXES.items():
        if role in held:
            return help_link(*target)
    return help_link("pemohon", "ikuti-permintaan")


def _unit_roles(user, unit_id=None) -> set[str]:
    from loket.accounts.permissions import roles_of

    return {str(role) for unit, role in roles_of(user) if unit_id is None or unit == unit_id}


@register.simple_tag
def complaint_inbox_help(role: str) -> str:
    target = links.COMPLAINTS.get(str(role))
    return help_link(*target) if target else ""


@register.simple_tag(takes_context=True)
def complaint_help(context, complaint) -> str:
    """The complaint page and its action forms: the complainant's section, or that of the role
    the visitor holds in the complaint's unit (a superadmin reads the Director's)."""
    user = context["request"].user
    if complaint.complainant_id == user.pk:
        return help_link(*links.COMPLAINANT)
    held = _unit_roles(user, complaint.unit_id)
    for role, target in links.COMPLAINTS.items():
        if role in held:
            return help_link(*target)
    return help_link(*links.COMPLAINTS["director"])


@register.simple_tag(takes_context=True)
def complaints_report_help(context) -> str:
    """The Complaints report: the Unit Admin's section for a Unit Admin, else the Director's."""
    held = _unit_roles(context["request"].user)
    role = "unit_admin" if "unit_admin" in held else "director"
    return help_link(*links.COMPLAINTS[role])
