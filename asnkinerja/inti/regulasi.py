"""The regulation's fixed tables, held as data in one place.

Sources: PermenPAN-RB 6/2022 (ratings, predikat matrix),
SE MenPAN-RB 20/2021 (BerAKHLAK), PP 94/2021 (hukuman disiplin), the MenPAN-RB
circular on the distribution curve (defaults only: the policy file may change them).
"""

from __future__ import annotations

from typing import Literal, get_args

Rating = Literal["di_atas", "sesuai", "di_bawah"]
RATING: tuple[Rating, ...] = ("di_atas", "sesuai", "di_bawah")
NAMA_RATING: dict[Rating, str] = {
    "di_atas": "Di Atas Ekspektasi",
    "sesuai": "Sesuai Ekspektasi",
    "di_bawah": "Di Bawah Ekspektasi",
}

PredikatPegawai = Literal[
    "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"
]
# Best to worst.
PREDIKAT: tuple[PredikatPegawai, ...] = (
    "Sangat Baik",
    "Baik",
    "Butuh Perbaikan",
    "Kurang/Misconduct",
    "Sangat Kurang",
)

DASAR_REGULASI = (
    "Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai "
    "Aparatur Sipil Negara"
)
# PermenPAN-RB 6/2022: (rating hasil kerja, rating perilaku kerja) -> predikat.
# Asymmetric on purpose: good results never excuse bad behaviour.
MATRIKS_PREDIKAT: dict[tuple[Rating, Rating], PredikatPegawai] = {
    ("di_atas", "di_bawah"): "Kurang/Misconduct",
    ("di_atas", "sesuai"): "Baik",
    ("di_atas", "di_atas"): "Sangat Baik",
    ("sesuai", "di_bawah"): "Kurang/Misconduct",
    ("sesuai", "sesuai"): "Baik",
    ("sesuai", "di_atas"): "Baik",
    ("di_bawah", "di_bawah"): "Sangat Kurang",
    ("di_bawah", "sesuai"): "Butuh Perbaikan",
    ("di_bawah", "di_atas"): "Butuh Perbaikan",
}

# PermenPAN-RB 1/2023: predikat as a percentage (functional-position credit points).
PERSEN_PREDIKAT: dict[PredikatPegawai, int] = {
    "Sangat Baik": 150,
    "Baik": 100,
    "Butuh Perbaikan": 75,
    "Kurang/Misconduct": 50,
    "Sangat Kurang": 25,
}

PredikatOrganisasi = Literal["Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]
PREDIKAT_ORGANISASI: tuple[PredikatOrganisasi, ...] = (
    "Istimewa",
    "Baik",
    "Butuh Perbaikan",
    "Kurang",
    "Sangat Kurang",
)

# Short column headings for the predikat, as the forms' recap tables write them.
SINGKATAN_PREDIKAT: dict[str, str] = dict(
    zip(PREDIKAT, ("SB", "B", "BP", "K/M", "SK"), strict=True)
)
# Predikat below Baik: those the meeting looks at and, by default, the mentees.
PREDIKAT_DI_BAWAH_BAIK: tuple[PredikatPegawai, ...] = PREDIKAT[2:]

# SE MenPAN-RB 20/2021: the seven core values, as keys in the data files, with their names.
NAMA_BERAKHLAK: dict[str, str] = {
    "berorientasi_pelayanan": "Berorientasi Pelayanan",
    "akuntabel": "Akuntabel",
    "kompeten": "Kompeten",
    "harmonis": "Harmonis",
    "loyal": "Loyal",
    "adaptif": "Adaptif",
    "kolaboratif": "Kolaboratif",
}
BERAKHLAK: tuple[str, ...] = tuple(NAMA_BERAKHLAK)
# Each value is scored on a whole-number scale: the instansi's practice, not the regulation's.
SKOR_MINIMAL = 1
SKOR_MAKSIMAL = 5

TingkatHukuman = Literal["ringan", "sedang", "berat"]
TINGKAT_HUKUMAN: tuple[TingkatHukuman, ...] = ("ringan", "sedang", "berat")

# Golongan/ruang PNS (17 ranks) with their pangkat, and PPPK golongan I..XVII.
PANGKAT_PNS: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
GOLONGAN_PNS: tuple[str, ...] = tuple(PANGKAT_PNS)
GOLONGAN_PPPK: tuple[str, ...] = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip

StatusAsn = Literal["PNS", "PPPK"]
JenisJabatan = Literal["pimpinan", "fungsional", "pelaksana"]
Kompetensi = Literal["teknis", "manajerial", "sosial_kultural"]
KOMPETENSI: tuple[Kompetensi, ...] = get_args(Kompetensi)
NAMA_KOMPETENSI: dict[str, str] = {
    "teknis": "teknis",
    "manajerial": "manajerial",
    "sosial_kultural": "sosial kultural",
}
# Managerial and socio-cultural competencies: the "soft skills" of the policy.
KOMPETENSI_SOFT: tuple[Kompetensi, ...] = ("manajerial", "sosial_kultural")
Bentuk = Literal["pelatihan", "workshop", "seminar", "sosialisasi", "mentoring", "lainnya"]
Sektor = Literal["pemerintah", "swasta", "akademisi", "masyarakat", "lainnya"]
PeriodeLaporan = Literal["bulanan", "triwulanan", "semesteran"]
PeriodePenghargaan = Literal["tahunan", "semesteran", "triwulanan", "bulanan"]

# PP 11/2017 Pasal 203(4): at least 20 JP a year for a PNS; PPPK ceiling 24 JP (default).
JP_MINIMAL_PNS = 20
JP_MAKSIMAL_PPPK = 24

# The MenPAN-RB circular's distribution curve, as defaults the policy file may change:
# for each organisation predikat, rules over sets of employee predikat.
KURVA_BAWAAN: dict[PredikatOrganisasi, list[dict[str, object]]] = {
    "Istimewa": [{"predikat": ["Sangat Baik"], "maksimal_persen": 70.0}],
    "Baik": [
        {"predikat": ["Baik"], "maksimal_persen": 70.0},
        {"predikat": ["Butuh Perbaikan", "Kurang/Misconduct"], "minimal_orang": 1},
    ],
    "Butuh Perbaikan": [
        {"predikat": ["Butuh Perbaikan"], "minimal_persen": 60.0},
        {"predikat": ["Sangat Baik"], "maksimal_persen": 10.0},
    ],
    "Kurang": [
        {"predikat": ["Kurang/Misconduct"], "minimal_persen": 60.0},
        {"predikat": ["Butuh Perbaikan"], "minimal_persen": 10.0},
        {"predikat": ["Sangat Baik"], "maksimal_persen": 10.0},
    ],
    "Sangat Kurang": [
        {"predikat": ["Sangat Kurang"], "minimal_persen": 60.0},
        {"predikat": ["Kurang/Misconduct", "Butuh Perbaikan"], "minimal_persen": 10.0},
        {"predikat": ["Sangat Baik"], "maksimal_persen": 0.0},
    ],
}
