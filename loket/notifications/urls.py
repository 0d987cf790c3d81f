from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("notifikasi/", views.centre, name="centre"),
    path("notifikasi/baca-semua/", views.mark_all_read, name="mark_all_read"),
    path("notifikasi/<int:pk>/baca/", views.mark_read, name="mark_read"),
    path("notifikasi/pengaturan/", views.preferences, name="preferences"),
]
