from django.contrib import admin

from loket.accounts.admin_mixins import UnitScopedAdmin

from .models import Complaint, Event, UnitSettings


@admin.register(UnitSettings)
class UnitSettingsAdmin(UnitScopedAdmin):
    """Each unit's complaint deadlines, kept by its Admin Unit."""

    view_action = "complaints.view"
    manage_action = "complaints.settings"
    list_display = ("unit", "verify_days", "answer_days", "extension_days", "reopen_days")


class EventInline(admin.TabularInline):
    model = Event
    fields = ("created_at", "action", "to_status", "is_public", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Complaint)
class ComplaintAdmin(UnitScopedAdmin):
    """Complaints change only through their page's workflow; here they are read. The complainant
    is left out, so that a withheld identity stays withheld here too."""

    view_action = manage_action = "complaints.settings"
    list_display = ("ticket", "service", "subject", "status", "verify_due", "answer_due")
    list_filter = ("status", "unit")
    search_fields = ("ticket", "subject")
    list_select_related = ("service", "unit")
    date_hierarchy = "submitted_at"
    fields = (
        "ticket",
        "unit",
        "service",
        "subject",
        "description",
        "status",
        "hide_identity",
        "verify_due",
        "answer_due",
        "extended",
        "answer",
        "submitted_at",
    )
    readonly_fields = fields
    inlines = [EventInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
