"""`make backup` and `make restore` (pg_dump, pg_restore and a tar of the files): a restored
copy holds every request and every file, byte for byte."""

import hashlib
import pathlib
import subprocess
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.db import connection

from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.requests.models import Attachment, ServiceRequest
from loket.requests.tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="pg_dump and pg_restore back up PostgreSQL; the PostgreSQL run of make test has it",
    ),
]


def url(name: str) -> str:
    db = connection.settings_dict
    user, host, port = db["USER"] or "postgres", db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def make(target: str, *, database: str, media: pathlib.Path, **variables) -> None:
    options = [f"{k}={v}" for k, v in variables.items()]
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url(database)}
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", target, f"MEDIA_DIR={media}", *options],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise subprocess.CalledProcessError(done.returncode, target, done.stdout, done.stderr)


@pytest.fixture
def fresh_database():
    name = f"loket_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def requests_with_files(requester, unit):
    service = ServiceFactory(unit=unit, asks_for_application=True)
    application = ApplicationFactory(owner_unit=unit, name="SIAKAD")
    return [
        factories.submit(service, requester, application=application, subject=f"Modul {n}")
        for n in range(3)
    ]


def checksums(root: pathlib.Path, names) -> dict[str, str]:
    return {name: hashlib.sha256((root / name).read_bytes()).hexdigest() for name in names}


def test_a_restored_backup_holds_every_request_and_file(
    requests_with_files, fresh_database, tmp_path
):
    media = pathlib.Path(storages["private"].location)
    files = dict(Attachment.objects.values_list("file", "req__ticket"))
    before = checksums(media, files)
    tickets = set(ServiceRequest.objects.values_list("ticket", flat=True))
    assert len(tickets) == 3 and len(files) == 3

    backup, restored_media = tmp_path / "backup", tmp_path / "media"
    make("backup", database=connection.settings_dict["NAME"], media=media, BACKUP_DIR=backup)
    make("restore", database=fresh_database, media=restored_media, FROM=backup)

    with psycopg.connect(url(fresh_database)) as restored:
        restored_tickets = {
            t for (t,) in restored.execute("SELECT ticket FROM requests_servicerequest")
        }
        restored_files = dict(
            restored.execute(
                "SELECT f.file, r.ticket FROM requests_attachment f "
                "JOIN requests_servicerequest r ON r.id = f.req_id"
            ).fetchall()
        )
    assert restored_tickets == tickets
    assert restored_files == files
    assert checksums(restored_media, restored_files) == before


def test_a_damaged_backup_is_refused_before_anything_is_restored(
    requests_with_files, fresh_database, tmp_path
):
    media = pathlib.Path(storages["private"].location)
    backup = tmp_path / "backup"
    make("backup", database=connection.settings_dict["NAME"], media=media, BACKUP_DIR=backup)
    with (backup / "loket.dump").open("r+b") as dump:
        dump.seek(200)
        dump.write(b"\0" * 16)
    with pytest.raises(subprocess.CalledProcessError):
        make("restore", database=fresh_database, media=tmp_path / "media", FROM=backup)
    with psycopg.connect(url(fresh_database)) as restored:
        tables = restored.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    assert tables == 0
    assert not (tmp_path / "media").exists()
