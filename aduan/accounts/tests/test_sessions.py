"""The session store and the user backend: Django's answers, read by statements made once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.models import Session
from django.utils import timezone

from aduan.accounts.backends import UserBackend
from aduan.accounts.models import User
from aduan.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_saved_session_reads_back_and_an_expired_one_is_empty():
    store = SessionStore()
    store["kunci"] = "nilai"
    store.save()
    key = store.session_key
    assert SessionStore(key)["kunci"] == "nilai"
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(key)
    assert expired.load() == {}
    assert expired.session_key is None  # as Django's store leaves it: a new key on save
    assert SessionStore("x" * 32).load() == {}


def test_the_backend_gives_the_user_modelbackend_gives():
    user = User.objects.create_user(username="petugas", password="rahasia-123", role="officer")
    ours, django = UserBackend(), ModelBackend()
    assert ours.get_user(user.pk) == django.get_user(user.pk) == user
    assert ours.get_user(user.pk + 1000) is None
    user.is_active = False
    user.save()
    assert ours.get_user(user.pk) is None and django.get_user(user.pk) is None


def test_a_logged_in_client_is_the_user_on_every_request(client):
    user = User.objects.create_user(username="petugas", password="rahasia-123", role="officer")
    client.force_login(user)
    response = client.get("/kerja/daftar/semua/")
    assert response.wsgi_request.user == user
    assert client.session.session_key
