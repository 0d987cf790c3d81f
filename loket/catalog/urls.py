from django.urls import path

from . import views

app_name = "catalog"
urlpatterns = [
    path("layanan/", views.service_list, name="services"),
    path("layanan/<slug:slug>/", views.service_detail, name="service"),
    path("unit/", views.unit_list, name="units"),
    path("unit/<slug:slug>/", views.unit_detail, name="unit"),
]
