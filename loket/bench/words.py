"""Words the bench requests are made of: invented, in the register of real upgrade requests."""

# fmt: off
APPS = [
    "SIAKAD", "SIMPEG", "SPADA", "Presensi", "Repositori", "SIPENA", "SIMAK", "Beasiswa", "Wisuda",
    "KKN", "Alumni", "Tracer", "Jurnal", "Perpustakaan", "Keuangan", "Aset", "Persuratan",
    "Kepegawaian", "Remunerasi", "Penelitian", "Pengabdian", "Akreditasi", "Kemahasiswaan",
    "Pendaftaran", "PMB", "Helpdesk", "Inventaris", "Laboratorium", "Skripsi", "Yudisium",
    "Kalender", "Kuesioner", "Dosen", "Rapat", "Arsip", "Kontrak", "Anggaran", "Pengadaan",
    "Magang", "Sertifikasi",
]
FEATURES = [
    "laporan", "transkrip", "jadwal", "presensi", "notifikasi", "ekspor", "dasbor", "grafik",
    "tanda tangan elektronik", "unggah berkas", "verifikasi", "rekap", "cetak", "arsip",
    "pencarian", "filter", "integrasi", "sinkronisasi", "impor", "validasi", "riwayat", "kuota",
    "tagihan", "pembayaran", "rekomendasi", "pengumuman", "formulir", "persetujuan", "penilaian",
    "nilai", "kartu", "sertifikat", "undangan", "peminjaman", "pengembalian", "pemesanan",
    "antrean", "statistik", "evaluasi", "monitoring", "lampiran", "kalender", "peta", "pesan",
    "obrolan", "umpan balik", "dokumen", "jurnal", "bimbingan", "ujian", "pendaftaran",
    "kelulusan", "wisuda", "beasiswa", "cuti", "mutasi", "kenaikan pangkat", "remunerasi", "honor",
    "kontrak",
]
VERBS = [
    "Penambahan", "Perbaikan", "Pembaruan", "Integrasi", "Pengembangan", "Optimasi",
]
PURPOSES = [
    "kebutuhan akreditasi", "pelaporan semester", "audit internal", "pelayanan mahasiswa",
    "efisiensi kerja", "monitoring pimpinan", "kebutuhan dosen", "pelaporan kementerian",
]
REQUESTING_UNITS = [
    "Fakultas Teknik", "Fakultas Hukum", "Fakultas Ekonomi dan Bisnis", "Fakultas Kedokteran",
    "Fakultas Pertanian", "Fakultas Ilmu Budaya", "Fakultas Keguruan dan Ilmu Pendidikan",
    "Fakultas Matematika dan Ilmu Pengetahuan Alam", "Fakultas Ilmu Sosial dan Politik",
    "Fakultas Psikologi", "Fakultas Seni Rupa dan Desain", "Fakultas Kesehatan Masyarakat",
    "Sekolah Pascasarjana", "Sekolah Vokasi", "Biro Akademik", "Biro Keuangan", "Biro Umum",
    "Biro Kemahasiswaan", "Lembaga Penelitian", "Lembaga Pengabdian", "Lembaga Penjaminan Mutu",
    "UPT Perpustakaan", "UPT Bahasa", "UPT Laboratorium Terpadu", "Satuan Pengawas Internal",
    "Pusat Karier", "Kantor Urusan Internasional", "Program Studi Informatika",
    "Program Studi Sipil", "Program Studi Arsitektur", "Program Studi Akuntansi",
    "Program Studi Manajemen", "Program Studi Farmasi", "Program Studi Agroteknologi",
    "Program Studi Sastra Inggris", "Program Studi Sejarah", "Rumah Sakit Universitas",
    "Unit Layanan Terpadu", "Pusat Studi Lingkungan", "Pusat Studi Gender",
]
FIRST_NAMES = [
    "Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika",
    "Lestari", "Made", "Nur", "Oktaviani", "Putu", "Rina", "Sari", "Teguh", "Utami", "Wahyu",
    "Yanti", "Zainal", "Bambang", "Dian", "Endang", "Hendra", "Ika", "Ketut", "Lina", "Mega",
    "Nanda", "Rudi", "Siti", "Tri", "Wulan", "Yusuf", "Andi", "Bayu", "Cahya", "Danu", "Erni",
    "Fajar", "Gita", "Hari", "Intan", "Jaya", "Kurnia", "Laras", "Mulyadi",
]
LAST_NAMES = [
    "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kusuma", "Nugroho", "Siregar", "Lubis",
    "Nasution", "Harahap", "Simanjuntak", "Wibowo", "Setiawan", "Purnomo", "Susanto", "Halim",
    "Gunawan", "Sembiring", "Tarigan", "Rahman", "Hakim", "Firmansyah", "Kurniawan", "Utomo",
    "Sihombing", "Panjaitan", "Manurung", "Putri", "Lestari", "Permana", "Ramadhan", "Syahputra",
    "Maharani", "Anggraini", "Suryadi", "Handoko", "Prasetyo", "Wahyudi", "Rachmawati", "Sulistyo",
    "Fauzi", "Hasibuan", "Ginting", "Tambunan", "Pohan", "Daulay", "Batubara", "Situmorang",
    "Marpaung",
]
# fmt: on

# Complaints: what people complain about, and what the units answer.
# fmt: off
COMPLAINT_SUBJECTS = [
    "Belum ada kabar tentang {feature} {app}", "Layanan {feature} {app} lambat",
    "Hasil {feature} {app} tidak sesuai permintaan", "Petugas {app} sulit dihubungi",
    "Persyaratan {feature} tidak jelas", "{app} tidak dapat diakses saat {feature}",
    "Jawaban tentang {feature} kurang jelas", "Antrean {feature} terlalu lama",
    "Status {feature} {app} tidak berubah", "Berkas {feature} diminta berulang kali",
]
COMPLAINT_PROBLEMS = [
    "sudah dua minggu belum ada kabar", "statusnya tidak berubah sejak diverifikasi",
    "hasilnya berbeda dengan yang diminta", "tautan di halaman layanan tidak berfungsi",
    "petugas meminta berkas di luar persyaratan", "saya harus datang ke kantor berulang kali",
    "nomor WhatsApp layanan tidak menjawab", "halaman terus menampilkan pesan galat",
]
COMPLAINT_PLEAS = [
    "segera ditindaklanjuti", "diberi penjelasan tertulis", "diperbaiki sebelum akhir semester",
    "dihubungi melalui WhatsApp", "diberi kepastian waktu penyelesaian",
]
COMPLAINT_ANSWERS = [
    "Terima kasih atas masukannya. {feature} pada {app} sudah kami perbaiki.",
    "Mohon maaf atas keterlambatannya. Permintaan Anda sudah kami proses dan selesai.",
    "Kami sudah menambah petugas layanan {feature}; antrean kini lebih pendek.",
    "Persyaratan {feature} sudah kami perjelas di halaman layanan {app}.",
    "Gangguan {app} sudah diatasi; silakan mencoba kembali.",
]
COMPLAINT_REJECTIONS = [
    "Keluhan tidak menyebutkan layanan yang dimaksud.", "Keluhan yang sama sudah diajukan.",
    "Isi keluhan tidak dapat diverifikasi.",
]
COMPLAINT_EXTENSIONS = [
    "Menunggu data dari vendor.", "Perlu koordinasi dengan unit lain.",
    "Petugas yang menangani sedang bertugas di luar kota.",
]
COMPLAINT_REOPENINGS = [
    "Masalahnya masih terjadi.", "Jawaban belum menjawab pertanyaan saya.",
]
COMPLAINT_INSTRUCTIONS = [
    "Mohon ditindaklanjuti.", "Cek log layanan dan hubungi pelapor.",
    "Koordinasikan dengan vendor.",
]
# fmt: on
