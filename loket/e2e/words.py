"""The words a person reads on the portal, in each language: what the journeys look for.

Indonesian follows the SOP's own words (PRODUCT.md, section 6); a renamed label fails a journey.
"""

INDONESIAN = {
    "Skip to content": "Langsung ke konten",
    "Language": "Bahasa",
    "Main navigation": "Navigasi utama",
    "Menu": "Menu",
    "Home": "Halaman Depan",
    "Services": "Layanan",
    "Units": "Unit",
    "My History": "Riwayat Saya",
    "Search": "Pencarian",
    "Search services": "Cari layanan",
    "What service do you need?": "Layanan apa yang Anda butuhkan?",
    "Create Request": "Buat Permintaan",
    "Service Information": "Informasi Layanan",
    "Sign in": "Masuk",
    "Login": "Masuk",
    "Password": "Kata sandi",
    "Sign out": "Keluar",
    "Page not found": "Halaman tidak ditemukan",
}


def words_in(lang: str) -> dict[str, str]:
    """English source words mapped to what the page shows in `lang`."""
    return INDONESIAN if lang == "id" else {english: english for english in INDONESIAN}
