from django.contrib import admin

from .models import Closure


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ("start_date", "end_date", "reason_id", "unit")
    list_filter = ("unit",)
    date_hierarchy = "start_date"
    search_fields = ("reason_id", "reason_en")
    list_select_related = ("unit",)
    fields = ("unit", "start_date", "end_date", "reason_id", "reason_en")
