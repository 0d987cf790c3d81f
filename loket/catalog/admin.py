from django.contrib import admin

from loket.accounts.admin_mixins import UnitScopedAdmin, UnitScopedInline

from .models import Application, Category, Service, StandardRevision, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name_id", "parent", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "name_id", "name_en")
    prepopulated_fields = {"slug": ("code",)}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name_id", "name_en", "order")
    prepopulated_fields = {"slug": ("name_id",)}


class StandardRevisionInline(UnitScopedInline, admin.StackedInline):
    model = StandardRevision
    extra = 0
    show_change_link = True


@admin.register(Service)
class ServiceAdmin(UnitScopedAdmin):
    list_display = ("name_id", "code", "unit", "category", "is_active")
    list_filter = ("unit", "category", "is_active")
    search_fields = ("name_id", "name_en", "code")
    list_select_related = ("unit", "category")
    prepopulated_fields = {"slug": ("name_id",)}
    inlines = [StandardRevisionInline]


@admin.register(StandardRevision)
class StandardRevisionAdmin(UnitScopedAdmin):
    list_display = ("service", "version", "effective_date", "completion_days")
    list_select_related = ("service",)
    search_fields = ("service__name_id", "version")


@admin.register(Application)
class ApplicationAdmin(UnitScopedAdmin):
    list_display = ("name", "owner_unit", "audience", "developed_in_house", "is_active")
    list_filter = ("owner_unit", "audience", "developed_in_house", "is_active")
    search_fields = ("name", "url")
    list_select_related = ("owner_unit",)
