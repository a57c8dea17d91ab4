from django.urls import path

from coursework.portfolio import views

urlpatterns = [
    path("enrollments/<int:enrollment_pk>/portfolio.pdf", views.portfolio_pdf, name="portfolio_pdf"),
]
