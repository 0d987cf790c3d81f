import re
from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_every_asset_a_page_uses_is_served_by_the_portal(client, service):
    page = client.get(service.get_absolute_url()).content.decode()
    assets = re.findall(r'(?:href|src)="([^"]+\.(?:css|js|svg|png|woff2))"', page)
    assert {a.rsplit(".", 1)[1] for a in assets} >= {"css", "js", "svg"}
    for asset in assets:
        assert asset.startswith("/static/"), f"{asset} is not served by the portal itself"
        response = client.get(asset)
        assert response.status_code == HTTPStatus.OK, asset
        response.close()


def test_pages_forbid_inline_and_foreign_scripts(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
