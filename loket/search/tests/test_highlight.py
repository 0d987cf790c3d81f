from loket.search.highlight import excerpt, highlight


def test_it_escapes_before_it_marks():
    marked = highlight("<script>alert('siakad')</script>", ["siakad"])
    assert marked == "&lt;script&gt;alert(&#x27;<mark>siakad</mark>&#x27;)&lt;/script&gt;"


def test_a_search_word_cannot_inject_markup():
    assert highlight("a <b> c", ["<b>"]) == "a <mark>&lt;b&gt;</mark> c"


def test_it_ignores_case_and_accents_and_keeps_the_original_text():
    assert highlight("Gédung REKTORAT", ["gedung", "rektorat"]) == (
        "<mark>Gédung</mark> <mark>REKTORAT</mark>"
    )


def test_overlapping_words_make_one_mark_and_single_letters_none():
    assert highlight("kerjasama", ["kerja", "jasa", "a"]) == "<mark>kerjasa</mark>ma"


def test_an_excerpt_starts_near_the_first_found_word():
    text = "awal " * 60 + "modul laporan semester " + "akhir " * 60
    piece = excerpt(text, ["laporan"])
    assert piece.startswith("…awal ") and piece.endswith("…")  # whole words at the start
    assert "<mark>laporan</mark>" in piece
    assert len(piece) < 200
