"""The regulation's fixed tables, held as data in one place.

Sources (see ../shared/DOMAIN.md): PermenPAN-RB 6/2022 (ratings, predikat matrix),
SE MenPAN-RB 20/2021 (BerAKHLAK), PP 94/2021 (hukuman disiplin), the MenPAN-RB
circular on the distribution curve (defaults only: the policy file may change them).
"""

from __future__ import annotations

from typing import Literal

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

# SE MenPAN-RB 20/2021: the seven core values, as keys in the data files.
BERAKHLAK: tuple[str, ...] = (
    "berorientasi_pelayanan",
    "akuntabel",
    "kompeten",
    "harmonis",
    "loyal",
    "adaptif",
    "kolaboratif",
)

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
Bentuk = Literal["pelatihan", "workshop", "seminar", "sosialisasi", "mentoring", "lainnya"]
Sektor = Literal["pemerintah", "swasta", "akademisi", "masyarakat", "lainnya"]
PeriodeLaporan = Literal["bulanan", "triwulanan", "semesteran"]

# PP 11/2017 Pasal 203(4): at least 20 JP a year for a PNS; PPPK ceiling 24 JP (default).
JP_MINIMAL_PNS = 20
JP_MAKSIMAL_PPPK = 24
