import re

import pytest

from loket.guides import content

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", list(content.ROLES))
@pytest.mark.parametrize(("prefix", "title_word"), [("", "Panduan"), ("/en", "guide")])
def test_each_guide_has_one_heading_a_table_of_contents_and_its_sections(
    client, role, prefix, title_word, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(f"{prefix}/panduan/{role}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert title_word in re.search(r"<h1>(.*?)</h1>", html).group(1)
    toc = re.search(r'<nav class="panel guide-toc".*?</nav>', html, re.S).group(0)
    for section in content.guide(role, prefix.strip("/") or "id").sections:
        assert f'href="#{section.anchor}"' in toc
        assert f'<h2 id="{section.anchor}">{section.title}</h2>' in html
    assert "{#" not in html  # the anchors' markup never shows


def test_the_help_page_lists_every_guide_in_the_visitors_language(client):
    indonesian = client.get("/panduan/").content.decode()
    english = client.get("/en/panduan/").content.decode()
    assert 'href="/panduan/pemohon/#buat-permintaan"' in indonesian
    assert "Buat Permintaan" in indonesian
    assert 'href="/en/panduan/pemohon/#buat-permintaan"' in english
    assert "Create Request" in english
    for role in content.ROLES:
        assert f'href="/panduan/{role}/"' in indonesian


def test_the_header_and_footer_link_to_the_help(client):
    html = client.get("/en/").content.decode()
    assert html.count('href="/en/panduan/">Help</a>') == 2


def test_an_unknown_guide_is_not_found(client):
    assert client.get("/panduan/rektor/").status_code == 404


def test_both_languages_have_the_same_sections():
    for role in content.ROLES:
        anchors = {
            language: [s.anchor for s in content.guide(role, language).sections]
            for language in ("id", "en")
        }
        assert anchors["id"] == anchors["en"], role
