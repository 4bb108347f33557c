"""The read-replica router: which database each read and write goes to.

A second alias ``replica`` is added for these tests pointing at the test database itself
(what ``TEST: {"MIRROR": "default"}`` does when ``DATABASE_REPLICA_URL`` is set), so that the
routing decisions can be asserted on real queries: each connection records what it ran.
The real replica, with real lag, is shown by bench/replica_demo.py (docs/deployment.md).
"""

from __future__ import annotations

import time

import pytest
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from aduan.complaints.models import Complaint
from aduan.lib import dbrouter
from aduan.lib.dbrouter import COOKIE, ReplicaMiddleware, ReplicaRouter, use_replica


@pytest.fixture
def replica(transactional_db, settings):
    """The ``replica`` alias: a second connection to the test database."""
    connections.settings[dbrouter.REPLICA] = dict(connections.settings["default"])
    settings.ADUAN_REPLICA_PATHS = ["/publik/", "/lacak/"]
    # Connected here: the test case only lets connections it was told of connect by themselves.
    connections[dbrouter.REPLICA].connect()
    yield connections[dbrouter.REPLICA]
    connections[dbrouter.REPLICA].close()
    del connections[dbrouter.REPLICA]
    del connections.settings[dbrouter.REPLICA]


def where(query) -> str:
    return query.db


class RouterDecisionTests:
    def test_without_a_replica_everything_uses_the_primary(self, db):
        router = ReplicaRouter()
        with use_replica():
            assert router.db_for_read(Complaint) == "default"
            assert where(Complaint.objects.all()) == "default"

    def test_reads_go_to_the_replica_only_where_allowed(self, replica):
        assert where(Complaint.objects.all()) == "default"
        with use_replica():
            assert where(Complaint.objects.all()) == "replica"
            assert where(Complaint.objects.select_for_update()) == "default"
        assert where(Complaint.objects.all()) == "default"

    def test_after_a_write_the_same_block_reads_from_the_primary(self, replica, submit, pekalongan):
        with use_replica():
            assert where(Complaint.objects.all()) == "replica"
            result = submit()
            assert where(Complaint.objects.all()) == "default"
            assert Complaint.objects.get(pk=result.complaint.pk).pk == result.complaint.pk

    def test_the_replica_never_gets_migrations(self):
        router = ReplicaRouter()
        assert router.allow_migrate("replica", "complaints") is False
        assert router.allow_migrate("default", "complaints") is True


class ReplicaMiddlewareTests:
    def _view(self, write: bool = False):
        def view(request):
            if write:
                from aduan.organisation.models import Jurisdiction

                j = Jurisdiction.objects.get(slug="pekalongan")
                j.save(update_fields=["name"])
            return HttpResponse(str(Complaint.objects.count()))

        return view

    def test_a_public_page_reads_from_the_replica(self, replica, pekalongan):
        request = RequestFactory().get("/publik/statistik/")
        with (
            CaptureQueriesContext(replica) as on_replica,
            CaptureQueriesContext(connections["default"]) as on_primary,
        ):
            response = ReplicaMiddleware(self._view())(request)
        assert response.status_code == 200
        assert len(on_replica) == 1 and len(on_primary) == 0
        assert COOKIE not in response.cookies

    def test_a_staff_page_reads_from_the_primary(self, replica, pekalongan):
        request = RequestFactory().get("/kerja/")
        with CaptureQueriesContext(replica) as on_replica:
            ReplicaMiddleware(self._view())(request)
        assert len(on_replica) == 0

    def test_a_write_pins_the_browser_to_the_primary_for_a_while(self, replica, pekalongan):
        request = RequestFactory().post("/lacak/")
        response = ReplicaMiddleware(self._view(write=True))(request)
        cookie = response.cookies[COOKIE]
        assert cookie["max-age"] == 10
        assert float(cookie.value) > time.time()
        follow = RequestFactory().get("/publik/statistik/")
        follow.COOKIES[COOKIE] = cookie.value
        with (
            CaptureQueriesContext(replica) as on_replica,
            CaptureQueriesContext(connections["default"]) as on_primary,
        ):
            ReplicaMiddleware(self._view())(follow)
        assert len(on_replica) == 0 and len(on_primary) == 1
        # Once the cookie has run out, the replica serves again.
        stale = RequestFactory().get("/publik/statistik/")
        stale.COOKIES[COOKIE] = str(time.time() - 1)
        with CaptureQueriesContext(replica) as on_replica:
            ReplicaMiddleware(self._view())(stale)
        assert len(on_replica) == 1

    def test_the_state_does_not_leak_into_the_next_request(self, replica, pekalongan):
        ReplicaMiddleware(self._view(write=True))(RequestFactory().post("/publik/x/"))
        assert dbrouter._state.get() is None
        with CaptureQueriesContext(replica) as on_replica:
            ReplicaMiddleware(self._view())(RequestFactory().get("/publik/x/"))
        assert len(on_replica) == 1

    def test_a_citizen_page_through_the_whole_stack_reads_from_the_replica(
        self, replica, client, submit
    ):
        result = submit()
        url = f"/lacak/{result.complaint.tracking_code}/{result.secret}/"
        with CaptureQueriesContext(replica) as on_replica:
            response = client.get(url)
        assert response.status_code == 200
        assert any("complaints_complaint" in q["sql"] for q in on_replica.captured_queries)
