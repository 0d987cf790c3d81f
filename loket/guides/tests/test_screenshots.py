"""Acceptance 2, the part without a browser: the guides show only screenshots that
`make guide-screenshots` takes (loket/e2e/test_guide_screenshots.py takes them all, in every run
of the browser tests), and the committed files are there."""

from loket.guides import content, screenshots


def referenced() -> set[str]:
    return {
        name
        for role in content.ROLES
        for language in screenshots.LANGUAGES
        for name in content.guide(role, language).images
    }


def test_every_screenshot_a_guide_shows_is_one_the_command_takes():
    assert referenced() <= screenshots.file_names()


def test_every_screenshot_the_command_takes_is_shown_by_a_guide():
    assert screenshots.file_names() <= referenced()


def test_each_guide_shows_its_own_languages_screenshots():
    for role in content.ROLES:
        for language in screenshots.LANGUAGES:
            for name in content.guide(role, language).images:
                assert name.endswith(f"-{language}.png"), (role, language, name)


def test_the_screenshots_are_committed_and_small():
    for name in screenshots.file_names():
        path = screenshots.FOLDER / name
        assert path.exists(), f"{name} is missing: run make guide-screenshots"
        assert path.stat().st_size < 200_000, name


def test_a_guide_page_serves_its_screenshots(client):
    html = client.get("/panduan/admin-unit/").content.decode()
    assert 'src="/static/guides/screenshots/admin-unit-verifikasi-id.png"' in html
    assert 'loading="lazy"' in html
    assert client.get("/static/guides/screenshots/admin-unit-verifikasi-id.png").status_code == 200
