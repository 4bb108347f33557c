"""The bell, the notification page and the outbox admin."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse

from aduan.accounts.models import User
from aduan.notifications.choices import MessageKind, OutboxStatus
from aduan.notifications.models import OutboxMessage
from aduan.notifications.services import notify_staff
from aduan.organisation.models import Jurisdiction

K = MessageKind
pytestmark = pytest.mark.django_db
LIST = reverse("notifications:list")


def remind(complaint, users, n: int = 1) -> None:
    with transaction.atomic():
        for i in range(n):
            notify_staff(users=users, kind=K.REMINDER, complaint=complaint, occasion=str(i))


class TestBell:
    def test_a_visitor_gets_no_bell(self, client):
        response = client.get(reverse("complaints:track"))
        assert "bell_unread" not in response.context
        assert 'id="bell"' not in response.content.decode()

    def test_staff_see_their_unread_count_in_the_header(self, client, complaint, people):
        remind(complaint, [people.verifier, people.supervisor], n=3)
        client.force_login(people.verifier)
        html = client.get(LIST).content.decode()
        assert 'id="bell"' in html
        assert '<span class="badge overdue" title="belum dibaca">3</span>' in html

    def test_the_count_is_one_query(self, rf, complaint, people, django_assert_num_queries):
        from aduan.notifications.context_processors import bell

        remind(complaint, [people.verifier], n=2)
        request = rf.get("/")
        request.user = people.verifier
        context = bell(request)
        with django_assert_num_queries(1):
            assert int(str(context["bell_unread"])) == 2
            assert context["bell_unread"]

    def test_beyond_the_cap_the_bell_shows_a_plus(
        self, rf, complaint, people, monkeypatch, django_assert_num_queries
    ):
        from aduan.notifications import selectors
        from aduan.notifications.context_processors import bell

        monkeypatch.setattr(selectors, "UNREAD_CAP", 2)
        remind(complaint, [people.verifier], n=3)
        request = rf.get("/")
        request.user = people.verifier
        with django_assert_num_queries(1):
            assert str(bell(request)["bell_unread"]) == "2+"
        assert selectors.unread_count(people.verifier) == 3  # counted up to the cap + 1

    def test_unread_count_matches_the_orm(self, complaint, people):
        """The bell's hand-built SQL counts what the ORM's filter counts: only the user's
        unread in-app messages, not read ones, not other channels, not other people's."""
        from django.utils import timezone

        from aduan.notifications import selectors
        from aduan.notifications.choices import OutboxChannel

        remind(complaint, [people.verifier, people.supervisor], n=4)
        mine = OutboxMessage.objects.filter(recipient_user=people.verifier)
        first = mine.filter(channel=OutboxChannel.INAPP).order_by("pk").first()
        mine.filter(pk=first.pk).update(read_at=timezone.now())
        OutboxMessage.objects.create(
            jurisdiction=complaint.jurisdiction,
            recipient_user=people.verifier,
            channel=OutboxChannel.EMAIL,
            kind=K.REMINDER,
            complaint=complaint,
            to_address="v@example.org",
            subject="Pengingat",
            body="Pengingat",
            dedupe_key="test-unread-email",
        )
        for user in (people.verifier, people.supervisor, people.officer_a):
            expected = OutboxMessage.objects.filter(
                recipient_user=user, channel=OutboxChannel.INAPP, read_at__isnull=True
            ).count()
            assert selectors.unread_count(user) == expected
        assert selectors.unread_count(people.verifier) == 3
        assert selectors.unread_count(people.officer_a) == 0

    def test_the_bell_fragment_stops_polling_when_signed_out(self, client, people):
        assert client.get(reverse("notifications:bell")).status_code == 286
        client.force_login(people.verifier)
        response = client.get(reverse("notifications:bell"))
        assert response.status_code == 200 and 'id="bell"' in response.content.decode()


class TestNotificationList:
    def test_it_needs_a_login(self, client):
        response = client.get(LIST)
        assert response.status_code == 302 and "/akun/" in response["Location"]

    def test_it_lists_only_the_users_own_newest_first(self, client, complaint, people):
        remind(complaint, [people.verifier, people.supervisor], n=2)
        client.force_login(people.verifier)
        page = client.get(LIST).context["page"]
        rows = list(page.object_list)
        assert [r.recipient_user for r in rows] == [people.verifier] * 2
        assert rows[0].created_at >= rows[1].created_at and rows[0].pk > rows[1].pk

    def test_it_is_paginated_with_a_fixed_number_of_queries(
        self, client, complaint, people, django_assert_num_queries
    ):
        remind(complaint, [people.verifier], n=35)
        client.force_login(people.verifier)
        client.get(LIST)  # warm caches (content types, jurisdiction)
        # session, user, two-factor device, page count, page rows, bell count (the
        # jurisdiction comes from the reference cache)
        with django_assert_num_queries(6):
            response = client.get(LIST)
        assert len(response.context["page"].object_list) == 30
        assert client.get(LIST + "?page=2").context["page"].object_list.__len__() == 5

    def test_mark_one_read_with_htmx(self, client, complaint, people):
        remind(complaint, [people.verifier], n=2)
        first = OutboxMessage.objects.filter(recipient_user=people.verifier).first()
        client.force_login(people.verifier)
        response = client.post(
            reverse("notifications:read", args=[first.pk]), HTTP_HX_REQUEST="true"
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert f'id="n-{first.pk}"' in html and 'hx-swap-oob="true"' in html
        assert ">1</span>" in html  # the bell now shows one unread
        first.refresh_from_db()
        assert first.read_at is not None

    def test_opening_a_notification_marks_it_read_and_goes_to_the_complaint(
        self, client, complaint, people
    ):
        remind(complaint, [people.verifier])
        n = OutboxMessage.objects.get(recipient_user=people.verifier)
        client.force_login(people.verifier)
        target = reverse("complaints:detail", args=[complaint.tracking_code])
        response = client.post(reverse("notifications:read", args=[n.pk]), {"next": target})
        assert response.status_code == 302 and response["Location"] == target
        n.refresh_from_db()
        assert n.read_at is not None

    def test_next_must_stay_on_this_site(self, client, complaint, people):
        remind(complaint, [people.verifier])
        n = OutboxMessage.objects.get(recipient_user=people.verifier)
        client.force_login(people.verifier)
        response = client.post(
            reverse("notifications:read", args=[n.pk]), {"next": "https://jahat.example/"}
        )
        assert response["Location"] == LIST

    def test_another_users_notification_is_404(self, client, complaint, people):
        remind(complaint, [people.supervisor])
        theirs = OutboxMessage.objects.get(recipient_user=people.supervisor)
        client.force_login(people.verifier)
        response = client.post(reverse("notifications:read", args=[theirs.pk]))
        assert response.status_code == 404
        theirs.refresh_from_db()
        assert theirs.read_at is None

    def test_mark_all_read(self, client, complaint, people):
        remind(complaint, [people.verifier, people.supervisor], n=3)
        client.force_login(people.verifier)
        response = client.post(reverse("notifications:read_all"))
        assert response.status_code == 302
        assert not OutboxMessage.objects.filter(
            recipient_user=people.verifier, read_at__isnull=True
        ).exists()
        assert (
            OutboxMessage.objects.filter(
                recipient_user=people.supervisor, read_at__isnull=True
            ).count()
            == 3
        )

    def test_reading_is_post_only(self, client, complaint, people):
        remind(complaint, [people.verifier])
        n = OutboxMessage.objects.get(recipient_user=people.verifier)
        client.force_login(people.verifier)
        assert client.get(reverse("notifications:read", args=[n.pk])).status_code == 405


class TestOutboxAdmin:
    def other_jurisdiction_message(self) -> OutboxMessage:
        other = Jurisdiction.objects.create(slug="batang", name="Pemerintah Kabupaten Batang")
        return OutboxMessage.objects.create(
            jurisdiction=other,
            channel="email",
            to_address="warga@batang.example",
            kind=K.RECEIPT,
            subject="Batang",
            body="Isi",
            dedupe_key="batang:1",
            status=OutboxStatus.DEAD,
        )

    def test_an_administrator_sees_only_their_jurisdiction(self, client, complaint, people):
        foreign = self.other_jurisdiction_message()
        remind(complaint, [people.verifier])
        admin = User.objects.create_superuser(
            "admin-pkl", "a@pekalongankota.go.id", "x", jurisdiction=complaint.jurisdiction
        )
        client.force_login(admin)
        response = client.get(reverse("admin:notifications_outboxmessage_changelist"))
        assert response.status_code == 200
        shown = {m.pk for m in response.context["cl"].result_list}
        assert shown and foreign.pk not in shown
        own = OutboxMessage.objects.filter(jurisdiction=complaint.jurisdiction).first()
        url = reverse("admin:notifications_outboxmessage_change", args=[own.pk])
        assert client.get(url).status_code == 200
        assert client.post(url, {"subject": "diubah"}).status_code == 403
        foreign_url = reverse("admin:notifications_outboxmessage_change", args=[foreign.pk])
        assert client.get(foreign_url).status_code == 302  # "does not exist" redirect

    def test_dead_messages_can_be_sent_again(self, client, complaint, people):
        admin = User.objects.create_superuser(
            "admin-pkl", "a@pekalongankota.go.id", "x", jurisdiction=complaint.jurisdiction
        )
        dead = OutboxMessage.objects.create(
            jurisdiction=complaint.jurisdiction,
            complaint=complaint,
            channel="email",
            to_address="siti@example.org",
            kind=K.ARCHIVED,
            subject="s",
            body="b",
            dedupe_key="uji:mati",
            status=OutboxStatus.DEAD,
            attempts=10,
        )
        client.force_login(admin)
        client.post(
            reverse("admin:notifications_outboxmessage_changelist"),
            {"action": "requeue", "_selected_action": [dead.pk]},
        )
        dead.refresh_from_db()
        assert dead.status == OutboxStatus.PENDING and dead.attempts == 0
