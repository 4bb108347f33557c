"""The sliding-window rate limiter in Django's cache (aduan.lib.ratelimit)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from aduan.lib import ratelimit
from aduan.lib.pii import national_number
from aduan.lib.ratelimit import Rate


@pytest.fixture
def limits(settings):
    settings.ADUAN_RATE_LIMITS = {**settings.ADUAN_RATE_LIMITS, "uji": "3/m"}
    cache.clear()
    return settings


class RateParseTests:
    @pytest.mark.parametrize(
        ("text", "rate"),
        [("20/h", Rate(20, 3600)), ("5/10m", Rate(5, 600)), ("1/d", Rate(1, 86400))],
    )
    def test_it_reads_counts_and_periods(self, text, rate):
        assert Rate.parse(text) == rate

    @pytest.mark.parametrize("text", ["", "0/h"])
    def test_empty_or_zero_switches_the_limit_off(self, text):
        assert Rate.parse(text) is None

    def test_nonsense_is_an_error(self):
        with pytest.raises(ValueError):
            Rate.parse("banyak")


class SlidingWindowTests:
    def test_it_allows_up_to_the_limit_then_refuses_with_a_wait(self, limits):
        now = 1_800_000_000.0  # a window boundary for 60 s periods
        results = [ratelimit.hit("uji", "1.2.3.4", now=now + i) for i in range(4)]
        assert [r.allowed for r in results] == [True, True, True, False]
        assert 1 <= results[-1].retry_after <= 60

    def test_subjects_are_counted_apart(self, limits):
        now = 1_800_000_000.0
        for _ in range(3):
            assert ratelimit.hit("uji", "a", now=now).allowed
        assert not ratelimit.hit("uji", "a", now=now).allowed
        assert ratelimit.hit("uji", "b", now=now).allowed

    def test_the_previous_window_weighs_less_as_time_passes(self, limits):
        start = 1_800_000_000.0
        for _ in range(3):
            ratelimit.hit("uji", "a", now=start + 50)
        # 10 s into the next window, 5/6 of the previous three still count: 2.5 + 1 > 3.
        assert not ratelimit.hit("uji", "a", now=start + 70).allowed
        # 45 s into it, only a quarter does: 0.75 + 1 <= 3.
        assert ratelimit.hit("uji", "a", now=start + 105).allowed
        # Two windows later nothing of it is left.
        assert ratelimit.peek("uji", "a", now=start + 185).count == 0

    def test_refused_requests_are_not_counted(self, limits):
        now = 1_800_000_000.0
        for _ in range(3):
            ratelimit.hit("uji", "a", now=now)
        for _ in range(10):
            ratelimit.hit("uji", "a", now=now + 1)
        assert ratelimit.peek("uji", "a", now=now + 1).count == 3

    def test_peek_counts_nothing(self, limits):
        for _ in range(5):
            assert ratelimit.peek("uji", "a").allowed

    def test_an_unknown_or_empty_subject_is_never_limited(self, limits):
        assert ratelimit.hit("tidak-ada", "a").allowed
        assert ratelimit.hit("uji", "").allowed

    def test_hit_all_counts_all_or_none(self, limits):
        limits.ADUAN_RATE_LIMITS = {**limits.ADUAN_RATE_LIMITS, "uji2": "1/m"}
        now = 1_800_000_000.0
        checks = [("uji", "a"), ("uji2", "b")]
        assert ratelimit.hit_all(checks, now=now) is None
        refused = ratelimit.hit_all(checks, now=now + 1)
        assert refused is not None and not refused.allowed
        assert refused.limit == 1 and refused.retry_after == 59
        # The refusal by the second limit counted nothing against the first.
        assert ratelimit.peek("uji", "a", now=now + 1).count == 1
        assert ratelimit.hit_all([("uji", "a"), ("tidak-ada", "a"), ("uji2", "")], now=now) is None
        assert ratelimit.peek("uji", "a", now=now + 1).count == 2

    def test_no_personal_data_in_the_cache_keys(self, limits):
        key = ratelimit._key("intake_phone", "tel:81211112222", 1)
        assert "81211112222" not in key


class ClientAddressTests:
    def test_without_proxies_it_is_the_remote_address(self, settings):
        settings.ADUAN_TRUSTED_PROXIES = 0
        request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="6.6.6.6")
        assert ratelimit.client_ip(request) == "10.0.0.9"

    def test_behind_one_proxy_it_is_the_address_that_proxy_saw(self, settings):
        settings.ADUAN_TRUSTED_PROXIES = 1
        request = RequestFactory().get(
            "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 36.80.1.2"
        )
        assert ratelimit.client_ip(request) == "36.80.1.2"

    def test_phone_numbers_in_every_form_are_one_subject(self):
        assert (
            national_number("0812-1111-2222")
            == national_number("+62 812 1111 2222")
            == national_number("6281211112222")
        )

    def test_the_message_is_in_both_languages(self):
        text = ratelimit.retry_message(130)
        assert "Coba lagi dalam 3 menit" in text and "try again in 3 minutes" in text
