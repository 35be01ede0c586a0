"""The workspace's records as typed structs: the single schema of the format.

msgspec structs validate a whole record in one C call (faster than pydantic on our
reports: docs/benchmark.md); `skema.periksa_nilai` walks the same
definitions to list *every* problem of a record that fails. docs/format.md
documents every key here; keep the two in step.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Literal

import msgspec
from msgspec import Meta, Struct, field

from asnkinerja.inti.regulasi import (
    BERAKHLAK,
    JP_MAKSIMAL_PPPK,
    JP_MINIMAL_PNS,
    KURVA_BAWAAN,
    PREDIKAT_DI_BAWAH_BAIK,
    SKOR_MAKSIMAL,
    SKOR_MINIMAL,
    Bentuk,
    JenisJabatan,
    Kompetensi,
    PeriodeLaporan,
    PeriodePenghargaan,
    PredikatOrganisasi,
    PredikatPegawai,
    Rating,
    Sektor,
    StatusAsn,
    TingkatHukuman,
)

# A NIP may be written quoted (text) or as a bare number; `nip.normalkan` makes it text.
Nip = str | int
Teks = str
Positif = Annotated[float, Meta(gt=0, lt=1e15)]
NonNegatif = Annotated[float, Meta(ge=0, lt=1e15)]
Skor = Annotated[int, Meta(ge=SKOR_MINIMAL, le=SKOR_MAKSIMAL)]
Persen = Annotated[float, Meta(ge=0, le=100)]
Bulat = Annotated[int, Meta(ge=0, lt=10**15)]


class _Rekaman(Struct, forbid_unknown_fields=True, kw_only=True):
    """Base: every record rejects keys it does not know."""


# ---------------------------------------------------------------- pegawai
class HukumanDisiplin(_Rekaman):
    tingkat: TingkatHukuman
    tanggal: datetime.date
    keterangan: Teks = ""


class Pegawai(_Rekaman):
    nip: Nip
    nama: Teks
    unit: Teks
    status: StatusAsn = "PNS"
    golongan: Teks | None = None
    jabatan: Teks = ""
    jenis_jabatan: JenisJabatan | None = None
    atasan: Nip | None = None
    tmt_cpns: datetime.date | None = None
    aktif: bool = True
    hukuman_disiplin: list[HukumanDisiplin] = field(default_factory=list)


# ---------------------------------------------------------------- laporan
class Pencapaian(_Rekaman):
    indikator: Teks
    target: Positif
    realisasi: NonNegatif
    satuan: Teks = ""
    bobot: Positif = 1.0
    arah: Literal["naik", "turun"] = "naik"


if TYPE_CHECKING:

    class Perilaku(_Rekaman):
        """The seven BerAKHLAK scores, one key each (`regulasi.BERAKHLAK`)."""

else:  # made from the regulation's list, so the keys are written in one place only
    Perilaku = msgspec.defstruct(
        "Perilaku", [(k, Skor) for k in BERAKHLAK], bases=(_Rekaman,), module=__name__
    )


class Penilaian(_Rekaman):
    penilai: Nip
    perilaku: Perilaku
    hasil_kerja: Rating | None = None
    perilaku_kerja: Rating | None = None
    umpan_balik: Teks = ""


class Laporan(_Rekaman):
    nip: Nip
    periode: Teks
    tanggal_lapor: datetime.date
    pencapaian: Annotated[list[Pencapaian], Meta(min_length=1)]
    tantangan: list[Teks] = field(default_factory=list)
    rencana_perbaikan: list[Teks] = field(default_factory=list)
    penilaian: Penilaian | None = None


# ---------------------------------------------------------------- penetapan
class Penetapan(_Rekaman):
    """The Pejabat Penilai Kinerja's decision on one employee's year: the ratings it sets
    are final; the computed ones stay beside them as the recommendation."""

    nip: Nip
    periode: Teks
    hasil_kerja: Rating
    perilaku: Rating
    penilai: Nip
    alasan: Teks
    tanggal: datetime.date | None = None


# ---------------------------------------------------------------- pelatihan
class Narasumber(_Rekaman):
    nama: Teks
    sektor: Sektor
    instansi: Teks = ""


class Pelatihan(_Rekaman):
    nama: Teks
    kompetensi: Kompetensi
    bentuk: Bentuk
    tanggal: datetime.date
    jp: Positif
    narasumber: list[Narasumber] = field(default_factory=list)
    peserta: list[Nip] = field(default_factory=list)


# ---------------------------------------------------------------- kebijakan
class Ambang(_Rekaman):
    di_atas: NonNegatif
    sesuai: NonNegatif


class AmbangHasilKerja(Ambang):
    di_atas: NonNegatif = 110.0
    sesuai: NonNegatif = 90.0


class AmbangPerilaku(Ambang):
    di_atas: NonNegatif = 4.0
    sesuai: NonNegatif = 3.0


class Bobot(_Rekaman):
    hasil_kerja: NonNegatif = 60.0
    perilaku: NonNegatif = 30.0
    pengembangan: NonNegatif = 10.0


class AturanKurva(_Rekaman):
    """One rule of a distribution curve over a set of employee predikat."""

    predikat: Annotated[list[PredikatPegawai], Meta(min_length=1)]
    maksimal_persen: Persen | None = None
    minimal_persen: Persen | None = None
    minimal_orang: Bulat | None = None


def _kurva_bawaan() -> dict[PredikatOrganisasi, list[AturanKurva]]:
    return msgspec.convert(KURVA_BAWAAN, dict[PredikatOrganisasi, list[AturanKurva]])


class KebijakanPenilaian(_Rekaman):
    batas_capaian: Positif = 120.0
    ambang_hasil_kerja: AmbangHasilKerja = field(default_factory=AmbangHasilKerja)
    ambang_perilaku: AmbangPerilaku = field(default_factory=AmbangPerilaku)
    rekap: Literal["rata_rata", "terakhir"] = "rata_rata"
    bobot: Bobot = field(default_factory=Bobot)
    ambang_tren: NonNegatif = 2.0
    # A unit's mean Adaptif or Kolaboratif (1-5) that falls by this much over the period
    # is flagged as resistance to change.
    ambang_perubahan_perilaku: NonNegatif = 0.1
    kurva_distribusi: dict[PredikatOrganisasi, list[AturanKurva]] = field(
        default_factory=_kurva_bawaan
    )


class KebijakanUnit(_Rekaman):
    predikat_organisasi: PredikatOrganisasi | None = None
    nama_lengkap: Teks = ""


class KebijakanPengembangan(_Rekaman):
    jp_minimal: NonNegatif = float(JP_MINIMAL_PNS)
    jp_maksimal_pppk: NonNegatif = float(JP_MAKSIMAL_PPPK)
    keterlibatan_minimal: Persen = 80.0


class Syarat(_Rekaman):
    predikat_minimal: PredikatPegawai | None = "Sangat Baik"
    laporan_lengkap: bool = True
    bebas_hukuman_disiplin_tahun: Bulat | None = 3
    hukuman_dihitung: list[TingkatHukuman] = field(
        default_factory=lambda: ["ringan", "sedang", "berat"]
    )
    masa_kerja_minimal_tahun: NonNegatif | None = 2.0
    jp_minimal: NonNegatif | None = None


class Insentif(_Rekaman):
    anggaran: Bulat = 0
    skema: Literal["merata", "peringkat", "proporsional"] = "peringkat"
    bobot_peringkat: list[Positif] = field(default_factory=lambda: [3.0, 2.0, 1.0])
    pembulatan: Annotated[int, Meta(ge=1, lt=10**15)] = 1000


class Penandatangan(_Rekaman):
    nama: Teks
    jabatan: Teks
    nip: Nip | None = None


class Keputusan(_Rekaman):
    """The decree the award list is the lampiran of: who issues it, what it is about, who
    signs it (default: the policy's penandatangan). Nomor and tanggal are left blank for
    the legal section."""

    penerbit: Teks = ""  # e.g. "BUPATI NABIRE"; default: the signer's jabatan
    tentang: Teks = ""  # default: "PENETAPAN <kategori> <periode>"
    penandatangan: Penandatangan | None = None


class KebijakanPenghargaan(_Rekaman):
    kategori: Teks = "ASN Teladan"
    # The period the award and its budget belong to; other periods list candidates only.
    periode: PeriodePenghargaan = "tahunan"
    # Each piagam's number: {urut} (rank), {tahun}, {periode} (the period's code).
    nomor_piagam: Teks = "{urut}/PIAGAM/{periode}"
    keputusan: Keputusan = field(default_factory=Keputusan)
    kuota: Bulat = 3
    kuota_per_unit: Bulat | None = None
    syarat: Syarat = field(default_factory=Syarat)
    insentif: Insentif = field(default_factory=Insentif)


class KebijakanMentoring(_Rekaman):
    predikat_mentee: list[PredikatPegawai] = field(
        default_factory=lambda: list(PREDIKAT_DI_BAWAH_BAIK)
    )
    predikat_mentor: list[PredikatPegawai] = field(default_factory=lambda: ["Sangat Baik"])
    jenis_jabatan_mentor: list[JenisJabatan] | None = None
    maks_mentee: Annotated[int, Meta(ge=1, le=1000)] = 2
    mentor_lebih_senior: bool = True
    mentor_bebas_hukuman_disiplin_tahun: Bulat | None = 3


class Kop(_Rekaman):
    """The letterhead every document carries: government, office, address."""

    pemerintah: Teks = ""  # e.g. "PEMERINTAH KABUPATEN NABIRE"
    instansi: Teks = ""  # e.g. "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
    alamat: Teks = ""


class Pejabat(_Rekaman):
    """An official outside the roster who may rate or sign without being evaluated
    (the Bupati rating the Sekda)."""

    nip: Nip
    nama: Teks
    jabatan: Teks
    pangkat: Teks = ""


class Kebijakan(_Rekaman):
    instansi: Teks = "Instansi Pemerintah Daerah"
    periode_laporan: PeriodeLaporan = "bulanan"
    batas_lapor_hari: Annotated[int, Meta(ge=0, le=366)] = 10
    tempat: Teks = ""
    # The instansi's own rule (Perbup, SE, keputusan) that sets the thresholds and weights
    # below: the regulation leaves them, and the ratings, to the instansi.
    dasar_kebijakan: Teks = ""
    penandatangan: Penandatangan | None = None
    # Who prepared the report ("Dibuat oleh"), beside the penandatangan ("Mengetahui").
    dibuat_oleh: Penandatangan | None = None
    kop: Kop | None = None
    pejabat: list[Pejabat] = field(default_factory=list)
    penilaian: KebijakanPenilaian = field(default_factory=KebijakanPenilaian)
    unit: dict[Teks, KebijakanUnit] = field(default_factory=dict)
    pengembangan: KebijakanPengembangan = field(default_factory=KebijakanPengembangan)
    penghargaan: KebijakanPenghargaan = field(default_factory=KebijakanPenghargaan)
    mentoring: KebijakanMentoring = field(default_factory=KebijakanMentoring)


def bawaan() -> Kebijakan:
    """The policy when kebijakan.yaml is missing or empty: every documented default."""
    return msgspec.convert({}, Kebijakan)
