"""The rules' reasons and computations in words, each number written as the documents do.

The rules (`inti`) return numbers and `inti.alasan.Alasan`s; here they become the
sentences the reports, the terminal and `--json` show.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from asnkinerja.sajian.tampilan import angka, angka_pendek, rupiah
from asnkinerja.sajian.tampilan import tanggal as tampil_tanggal

if TYPE_CHECKING:  # the terminal's summary of a kept result needs none of the rules
    from asnkinerja.inti.alasan import Alasan, JenisAlasan
    from asnkinerja.inti.berakhlak import PerilakuKelompok
    from asnkinerja.inti.pengembangan import JpPegawai
    from asnkinerja.inti.penghargaan import HasilPenghargaan, RincianInsentif
    from asnkinerja.inti.periode import Periode
    from asnkinerja.inti.unit import HasilAturan


def _daftar_periode(hilang: Any) -> str:
    return ", ".join(p.kode() for p in hilang)


_KATA: dict[JenisAlasan, Callable[..., str]] = {
    "predikat_belum_ada": lambda: "predikat belum dapat ditentukan",
    "predikat_di_bawah_minimal": lambda predikat, minimal: (
        f"predikat {predikat}, minimal {minimal}"
    ),
    "laporan_tidak_lengkap": lambda hilang: (
        f"laporan tidak lengkap: {_daftar_periode(hilang)} tidak masuk"
    ),
    "hukuman_disiplin": lambda tingkat, tanggal, tahun: (
        f"hukuman disiplin {tingkat} {tampil_tanggal(tanggal)} (dalam {tahun} tahun terakhir)"
    ),
    "perilaku_di_atas_saat_hukuman": lambda tingkat, tanggal: (
        f"perilaku kerja Di Atas Ekspektasi padahal ada hukuman disiplin {tingkat} "
        f"{tampil_tanggal(tanggal)} dalam periode ini; minta penilai meninjau atau menjelaskannya"
    ),
    "masa_kerja_tidak_diketahui": lambda: "masa kerja tidak diketahui (tmt_cpns kosong)",
    "masa_kerja_kurang": lambda bulan, minimal_tahun: (
        f"masa kerja {bulan // 12} tahun {bulan % 12} bulan, minimal "
        f"{angka_pendek(minimal_tahun)} tahun"
    ),
    "jp_kurang": lambda jp, minimal: (
        f"JP pengembangan {angka_pendek(jp)}, minimal {angka_pendek(minimal)}"
    ),
    "nilai_akhir_belum_ada": lambda: "nilai akhir belum ada",
    "predikat_rendah": lambda predikat: f"predikat {predikat}",
    "predikat_belum_dapat_ditentukan": lambda catatan: (
        "predikat belum dapat ditentukan: " + "; ".join(catatan)
    ),
    "laporan_tidak_masuk": lambda hilang: (
        f"{len(hilang)} laporan tidak masuk ({_daftar_periode(hilang)})"
    ),
    "laporan_terlambat": lambda jumlah: f"{jumlah} laporan terlambat",
    "hasil_kerja_turun": lambda dari, ke: (
        f"hasil kerja turun dari {angka(dari)} ke {angka(ke)} dibanding periode sebelumnya"
    ),
}


def teks(a: Alasan) -> str:
    """A reason as a phrase: `predikat Baik, minimal Sangat Baik`."""
    return _KATA[a.jenis](**a.nilai)


# Reasons that would expose what personal-data law protects: with `--samarkan`, said
# without the sanction.
_SAMAR: dict[str, str] = {
    "hukuman_disiplin": "syarat lain tidak terpenuhi (rincian disamarkan)",
    "perilaku_di_atas_saat_hukuman": "rating perilaku kerja perlu ditinjau (rincian disamarkan)",
}


def semua(alasan: list[Alasan] | tuple[Alasan, ...], samarkan: bool = False) -> list[str]:
    """Every reason in words; with `samarkan` a disciplinary sanction is not named."""
    if not samarkan:
        return [teks(a) for a in alasan]
    tampil = [teks(a) for a in alasan if a.jenis not in _SAMAR]
    tampil += list(dict.fromkeys(_SAMAR[a.jenis] for a in alasan if a.jenis in _SAMAR))
    return tampil


def saran_perilaku(pk: PerilakuKelompok) -> str:
    """What to do about a unit's weak BerAKHLAK aspects and a fall in Adaptif or
    Kolaboratif ("" when there is nothing to do)."""
    from asnkinerja.inti.regulasi import NAMA_BERAKHLAK

    bagian = []
    if pk.lemah:
        nama = [NAMA_BERAKHLAK[a] for a in pk.lemah[:2]]
        bagian.append(
            f"pelatihan soft skill dan mentoring yang menyasar aspek {' dan '.join(nama)} "
            f"(rata-rata {' dan '.join(angka(pk.rata[a]) for a in pk.lemah[:2])})"
        )
    turun = [p for p in pk.perubahan if p.turun]
    if turun:
        nama_turun = " dan ".join(
            f"{NAMA_BERAKHLAK[p.aspek]} ({angka(p.awal)} → {angka(p.akhir)})" for p in turun
        )
        bagian.append(
            f"{nama_turun} menurun: lakukan pendekatan komunikatif kepada staf yang menolak "
            "perubahan"
        )
    return "; ".join(bagian)


def tanpa_insentif(ph: HasilPenghargaan, periode: Periode) -> str:
    """Why a period's shortlist comes without money."""
    return (
        f"penghargaan dan anggarannya ditetapkan per periode {ph.periode_penghargaan} "
        f"(kebijakan penghargaan.periode); {periode.label()} bukan periode penghargaan, jadi "
        "ini daftar calon tanpa insentif, lampiran SK dan piagam"
    )


def rincian_insentif(r: RincianInsentif) -> str:
    """How one share of the incentive budget was computed, step by step."""
    hasil = (
        f"{angka_pendek(_desimal(r.bobot))} / {angka_pendek(_desimal(r.total))} × "
        f"{rupiah(r.anggaran)} = Rp {angka(_desimal(r.tepat))}; dibulatkan ke bawah ke "
        f"kelipatan {rupiah(r.pembulatan)} = {rupiah(r.dasar)}"
    )
    if r.tambahan:
        hasil += f"; + {rupiah(r.pembulatan)} dari sisa pembulatan (sisa terbesar)"
    return hasil


def _desimal(x: Fraction) -> Decimal:
    """A fraction to 4 places (rounded down, so a share is never overstated)."""
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return d.quantize(Decimal("0.0001"), rounding=ROUND_DOWN)


def uraian_aturan(a: HasilAturan) -> str:
    """A curve rule as the policy states it: `Baik paling banyak 70%`."""
    if a.persen is None:
        return f"{a.nama} paling sedikit {a.batas_orang} orang"
    return f"{a.nama} {_kata_batas(a)} {angka_pendek(a.persen)}%"


def rincian_aturan(a: HasilAturan) -> str:
    """How a percentage became a head count: `70% × 8 orang = 5,6 → paling banyak 5 orang`."""
    if a.persen is None or a.tepat is None:
        return f"paling sedikit {a.batas_orang} orang"
    return (
        f"{angka_pendek(a.persen)}% × {a.dasar} orang = {angka_pendek(a.tepat)} → "
        f"{_kata_batas(a)} {a.batas_orang} orang"
    )


def _kata_batas(a: HasilAturan) -> str:
    return "paling banyak" if a.maksimal else "paling sedikit"


def catatan_jp(j: JpPegawai) -> str:
    """Why an employee's JP falls short of the minimum or over the PPPK ceiling ("" if not)."""
    if not j.ada_data:
        return "tidak ada data pelatihan"
    if j.jp_minimal_tahun is not None:
        return (
            f"JP minimal dinilai tahunan: {angka_pendek(j.jp_tahun, 2)} JP sejak awal tahun, "
            f"minimal {angka_pendek(j.jp_minimal_tahun, 2)} JP setahun"
        )
    if j.memenuhi:
        return ""
    if j.jp_maksimal is not None:
        return (
            f"melebihi batas PPPK {angka_pendek(j.jp_maksimal, 2)} JP setahun "
            f"({angka_pendek(j.jp_tahun, 2)} JP)"
        )
    assert j.jp_wajib is not None  # a PNS in a year: the pro-rated minimum
    return (
        f"kurang {angka_pendek(j.jp_wajib - j.jp, 2)} JP dari {angka_pendek(j.jp_wajib, 2)} "
        "JP wajib"
    )
