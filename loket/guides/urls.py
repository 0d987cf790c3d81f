from django.urls import path

from . import views

app_name = "guides"
urlpatterns = [
    path("panduan/", views.index, name="index"),
    path("panduan/<slug:role>/", views.guide, name="guide"),
]
