"""What several web processes share: uploaded files on S3-compatible storage and the cache
and sessions in Redis. Each test runs against the real server on loopback (moto's S3 server,
the machine's Redis) and skips with the reason when that server is not there."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.core.cache.backends.redis import RedisCache

from aduan.complaints.models import Attachment
from aduan.complaints.tests.helpers import png
from conftest import PASSWORD

REDIS_URL = os.environ.get("ADUAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3-compatible server (PyPI ``moto[server]``) on a loopback port."""
    server = shutil.which("moto_server") or str(Path(sys.executable).parent / "moto_server")
    if not Path(server).exists():
        pytest.skip("moto_server not installed (pip install 'moto[server]'): S3 not tested")
    pytest.importorskip("storages", reason="django-storages not installed")
    boto3 = pytest.importorskip("boto3", reason="boto3 not installed")
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603 - our own tool
        [server, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.skip("moto_server did not start")
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="uji",
            aws_secret_access_key="rahasia-uji",  # noqa: S106
            region_name="us-east-1",
        )
        yield endpoint, client
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def s3_media(s3_endpoint, settings):
    endpoint, client = s3_endpoint
    bucket = f"aduan-uji-{uuid.uuid4().hex[:8]}"
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": "uji",
                "secret_key": "rahasia-uji",
                "location": "media",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return client, bucket


class S3MediaTests:
    def test_an_attachment_is_stored_in_the_bucket_and_served_only_with_the_secret(
        self, s3_media, submit, client
    ):
        s3, bucket = s3_media
        upload = png()
        content = upload.read()
        upload.seek(0)
        result = submit(attachments=[upload])
        attachment = Attachment.objects.get(complaint=result.complaint)
        key = f"media/{attachment.file.name}"
        stored = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        assert stored == content
        with pytest.raises(NotImplementedError):
            attachment.file.path  # noqa: B018 - not on local disk
        code = result.complaint.tracking_code
        url = f"/lacak/{code}/{result.secret}/lampiran/{attachment.pk}/"
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == content
        assert response["Cache-Control"] == "private, max-age=3600"
        wrong = client.get(f"/lacak/{code}/AAAAAAAAAAAAAAAA/lampiran/{attachment.pk}/")
        assert wrong.status_code == 404

    def test_a_failed_intake_leaves_no_object_behind(self, s3_media, submit):
        from aduan.complaints.services import ComplaintInputError

        s3, bucket = s3_media
        with pytest.raises(ComplaintInputError):
            submit(attachments=[png()], description="pendek")
        assert s3.list_objects_v2(Bucket=bucket).get("KeyCount", 0) == 0


@pytest.fixture
def redis_cache(settings):
    pytest.importorskip("redis", reason="redis (PyPI) not installed")
    prefix = f"aduan-uji-{uuid.uuid4().hex[:8]}"
    probe = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    try:
        probe.set("ping", 1, 5)
    except Exception as exc:  # noqa: BLE001 - any reason Redis cannot be reached
        pytest.skip(f"Redis at {REDIS_URL} not reachable: {exc}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield prefix
    redis_client = probe._cache.get_client()  # never flush a shared Redis: only our keys
    for key in redis_client.scan_iter(f"{prefix}:*"):
        redis_client.delete(key)


class RedisSharedCacheTests:
    def test_a_session_made_by_one_process_is_read_by_another(self, redis_cache, people, client):
        assert client.login(username="alice", password=PASSWORD)
        session_key = client.cookies["sessionid"].value
        other_process = RedisCache(REDIS_URL, {"KEY_PREFIX": redis_cache})
        cached = other_process.get(f"django.contrib.sessions.cached_db{session_key}")
        assert cached and cached["_auth_user_id"] == str(people.verifier.pk)
        # The same session is in the database too: a Redis restart logs nobody out.
        from django.contrib.sessions.models import Session

        assert Session.objects.filter(session_key=session_key).exists()

    def test_a_value_cached_by_one_process_is_seen_by_another(self, redis_cache):
        from django.core.cache import cache

        cache.set("batas:203.0.113.5", 7, 60)
        other_process = RedisCache(REDIS_URL, {"KEY_PREFIX": redis_cache})
        assert other_process.get("batas:203.0.113.5") == 7
        assert other_process.incr("batas:203.0.113.5") == 8
        assert cache.get("batas:203.0.113.5") == 8
