from django.contrib import admin

from loket.accounts import permissions
from loket.accounts.admin_mixins import UnitScopedAdmin

from .models import Closure


@admin.register(Closure)
class ClosureAdmin(UnitScopedAdmin):
    """A unit's Admin Unit enters its own closures; university-wide ones are the superadmin's."""

    list_display = ("start_date", "end_date", "reason_id", "unit")
    list_filter = ("unit",)
    date_hierarchy = "start_date"
    search_fields = ("reason_id", "reason_en")
    list_select_related = ("unit",)
    fields = ("unit", "start_date", "end_date", "reason_id", "reason_en")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not permissions.is_superadmin(request.user):
            form.base_fields["unit"].required = True
        return form
