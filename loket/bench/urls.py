"""Routed only when LOKET_BENCH is on (loket/urls.py): never part of a production portal."""

from django.urls import path

from . import views

urlpatterns = [path("ceiling/", views.ceiling, name="bench_ceiling")]
