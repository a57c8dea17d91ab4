import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_sign_in_page_renders(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b"<title>Sign in" in response.content


def test_teacher_home_shows_next_step(client_for, enrollment):
    response = client_for(enrollment.teacher).get(reverse("home"))
    assert response.status_code == 200
    assert "Next step" in response.content.decode()
