"""The words a person reads on the portal, in each language: what the journeys look for.

Indonesian follows the SOP's own words (PRODUCT.md, section 6); a renamed label fails a journey.
"""

INDONESIAN = {
    "Skip to content": "Langsung ke konten",
    "Language": "Bahasa",
    "Main navigation": "Navigasi utama",
    "Menu": "Menu",
    "Services": "Layanan",
    "My History": "Riwayat Saya",
    "Search": "Pencarian",  # the page and its link; the search button says "Cari"
    "What service do you need?": "Layanan apa yang Anda butuhkan?",
    "Create Request": "Buat Permintaan",
    "Service Information": "Informasi Layanan",
    "Sign in": "Masuk",
    "Login": "Masuk",
    "Password": "Kata sandi",
    "Sign out": "Keluar",
    # The SOP#24 path (PRODUCT.md section 1: the status and action words)
    "Application": "Aplikasi",
    "What is to be upgraded": "Yang ingin di-upgrade",
    "Description": "Uraian",
    "Letter number": "Nomor surat",
    "Letter date": "Tanggal surat",
    "Signed by (name)": "Ditandatangani oleh (nama)",
    "Signatory's position": "Jabatan penanda tangan",
    "Requesting unit": "Unit pemohon",
    "WhatsApp number": "Nomor WhatsApp",
    "Signed request letter": "Surat permohonan yang telah ditandatangani",
    "Save": "Simpan",
    "Return": "Kembalikan",
    "Reason for the return": "Alasan pengembalian",
    "Resubmit": "Kirim Ulang",
    "Verify": "Verifikasi",
    "Forward to Director": "Teruskan ke Direktur",
    "Dispose": "Disposisikan",
    "For follow-up": "Untuk ditindaklanjuti",
    "Start work": "Kerjakan",
    "Inbox": "Kotak Masuk",
    # The dashboard (Dasbor)
    "Dashboard": "Dasbor",
    "Requests": "Permintaan",
    "All open requests": "Semua permintaan yang masih berjalan",
    "Open requests by age": "Permintaan yang masih berjalan menurut umur",
    "Download CSV": "Unduh CSV",
    "Submitted": "Diajukan",
    "Returned": "Dikembalikan",
    "Completed": "Selesai",
    "Timeline": "Riwayat Proses",
    "Request submitted through the portal": "Permohonan diajukan melalui portal",
    "Returned for revision": "Dikembalikan untuk diperbaiki",
    "Revised and resubmitted": "Diperbaiki dan dikirim ulang",
    "Letter verified": "Surat terverifikasi",
    "Forwarded to the Director": "Diteruskan ke Direktur",
    "Disposed to staff": "Didisposisikan kepada staf",
    "Work started": "Mulai dikerjakan",
    "Completed (event)": "Selesai dikerjakan",
    # The satisfaction survey (PRODUCT.md: Isi Kuesioner, Ditutup)
    "Complete": "Selesaikan",
    "Result summary": "Ringkasan hasil",
    "Fill in questionnaire": "Isi Kuesioner",
    "Questionnaire": "Kuesioner",
    "Suggestions and comments (optional)": "Saran dan masukan (tidak wajib)",
    "Send answers": "Kirim jawaban",
    "Closed": "Ditutup",
    "Satisfaction index (IKM)": "Indeks Kepuasan Masyarakat (IKM)",
    "Respondents": "Responden",
    # Complaints (issue 7: Buat Keluhan and its statuses)
    "Submit Complaint": "Buat Keluhan",
    "Subject of the complaint": "Pokok keluhan",
    "What happened": "Apa yang terjadi",
    "Supporting files (optional)": "Berkas pendukung (opsional)",
    "Keep my identity hidden from the staff who handle it": (
        "Rahasiakan identitas saya dari staf yang menanganinya"
    ),
    "Received": "Diterima",
    "In Follow-up": "Ditindaklanjuti",
    "Answered": "Dijawab",
    "Resolved": "Selesai",
    "Assign for follow-up": "Tugaskan untuk ditindaklanjuti",
    "Answer": "Jawab",
    "Answer to the complainant": "Jawaban untuk pelapor",
    "Reopen": "Buka Kembali",
    "What is still unresolved": "Yang belum terselesaikan",
    "Confirm resolved": "Konfirmasi Selesai",
    "Identity withheld": "Pelapor dirahasiakan",
    "Complaints": "Keluhan",
    # Personal data (UU 27/2022)
    "Privacy Notice": "Pemberitahuan Privasi",
    "Your data": "Data saya",
    "Download as JSON": "Unduh sebagai JSON",
    "Delete my account": "Hapus akun saya",
    "Your password": "Kata sandi Anda",
    "I understand that my account and my personal data will be deleted for good.": (
        "Saya mengerti bahwa akun dan data pribadi saya akan dihapus untuk selamanya."
    ),
    "Your account has been deleted.": "Akun Anda telah dihapus.",
}


def words_in(lang: str) -> dict[str, str]:
    """English source words mapped to what the page shows in `lang`."""
    if lang == "id":
        return INDONESIAN
    # "(event)" and similar notes tell apart two English keys that read alike.
    return {
        english: english.split(" (")[0]
        if english.endswith(")") and "(event)" in english
        else english
        for english in INDONESIAN
    }
