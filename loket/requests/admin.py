from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from loket.accounts.admin_mixins import UnitScopedAdmin

from . import workflow
from .models import Event, FileAccess, ServiceRequest


class EventInline(admin.TabularInline):
    """The timeline, read-only: events are never edited."""

    model = Event
    fields = ("created_at", "action", "actor", "to_status", "is_public", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ServiceRequest)
class ServiceRequestAdmin(UnitScopedAdmin):
    """Requests change only through the workflow; the Admin Panel reads them and can forward."""

    view_action = manage_action = "requests.view"
    list_display = ("ticket", "service", "requester", "status", "due_date", "submitted_at")
    list_filter = ("status", "unit", "intake")
    search_fields = ("ticket", "subject", "requester__username", "requester__full_name")
    list_select_related = ("service", "requester", "unit")
    date_hierarchy = "submitted_at"
    inlines = [EventInline]
    actions = ["forward_to_director"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Forward to Director"))
    def forward_to_director(self, request, queryset):
        done = 0
        for req in queryset:
            try:
                workflow.forward(req, by=request.user)
                done += 1
            except (workflow.TransitionError, PermissionDenied) as error:
                self.message_user(request, f"{req.ticket}: {error}", messages.WARNING)
        if done:
            self.message_user(
                request, _("%(count)d requests forwarded.") % {"count": done}, messages.SUCCESS
            )


@admin.register(FileAccess)
class FileAccessAdmin(UnitScopedAdmin):
    """Who opened which request file when (UU 27/2022: access to personal data is logged).
    Read-only: a log nobody may edit or delete."""

    view_action = manage_action = "requests.file_log"
    list_display = ("created_at", "user", "req", "attachment")
    list_filter = ("req__unit",)
    search_fields = ("req__ticket", "user__username", "user__full_name")
    list_select_related = ("user", "req", "attachment")
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
