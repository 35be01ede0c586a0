"""What every document carries: its legal basis (the regulation, and the instansi's own
rule), the kop, and who signs it.

PermenPAN-RB 6/2022 gives the predikat matrix and leaves the ratings to the Pejabat
Penilai Kinerja; the cap on capaian, the thresholds, the 1-5 behaviour scale and the
weights of nilai akhir are the instansi's (`kebijakan.dasar_kebijakan`). Each rule a
document applies is listed with the value used and where it comes from.
"""

from __future__ import annotations

from typing import Any

from asnkinerja.inti import model
from asnkinerja.inti.angka import desimal
from asnkinerja.inti.regulasi import DASAR_REGULASI, JP_MINIMAL_PNS, SKOR_MAKSIMAL, SKOR_MINIMAL
from asnkinerja.sajian.tampilan import angka_pendek

REGULASI = "PermenPAN-RB 6/2022"


def _a(x: float) -> str:
    return angka_pendek(desimal(x))


def dasar(k: model.Kebijakan) -> dict[str, Any]:
    """`regulasi`, `kebijakan` (the local rule, or None) and `ketentuan`: one row per
    rule, `{uraian, nilai, sumber}`."""
    kp = k.penilaian
    lokal = k.dasar_kebijakan or None
    instansi = f"kebijakan instansi ({lokal})" if lokal else "kebijakan instansi"
    ahk, apk, b = kp.ambang_hasil_kerja, kp.ambang_perilaku, kp.bobot
    jp = k.pengembangan.jp_minimal
    ketentuan = [
        ("Predikat kinerja dari rating hasil kerja dan perilaku kerja", "matriks 3 × 3",
         f"{REGULASI}, Lampiran"),
        ("Penetapan rating", "rekomendasi; ditetapkan Pejabat Penilai Kinerja", REGULASI),
        ("Batas capaian per indikator", f"{_a(kp.batas_capaian)}%", instansi),
        ("Ambang rating hasil kerja",
         f"di atas ≥ {_a(ahk.di_atas)}%, sesuai ≥ {_a(ahk.sesuai)}%", instansi),
        ("Skala dan ambang perilaku kerja",
         f"skor {SKOR_MINIMAL}-{SKOR_MAKSIMAL} per aspek BerAKHLAK; di atas ≥ "
         f"{_a(apk.di_atas)}, sesuai ≥ {_a(apk.sesuai)}", instansi),
        ("Rekap laporan dalam periode",
         "rata-rata semua laporan" if kp.rekap == "rata_rata" else "laporan terakhir", instansi),
        ("Bobot nilai akhir (untuk peringkat)",
         f"hasil kerja {_a(b.hasil_kerja)}, perilaku {_a(b.perilaku)}, pengembangan "
         f"{_a(b.pengembangan)}", instansi),
        ("JP minimal PNS setahun", f"{_a(jp)} JP",
         "PP 11/2017 Pasal 203 ayat (4)" if jp == JP_MINIMAL_PNS else instansi),
    ]  # fmt: skip
    return {
        "regulasi": DASAR_REGULASI,
        "kebijakan": lokal,
        "ketentuan": [{"uraian": u, "nilai": n, "sumber": s} for u, n, s in ketentuan],
    }


def ttd(t: model.Penandatangan | None) -> dict[str, str] | None:
    """An official who signs or prepares: named even with `samarkan` (it is public)."""
    if t is None:
        return None
    return {"nama": t.nama, "jabatan": t.jabatan, "nip": str(t.nip) if t.nip else ""}


def kop(k: model.Kebijakan) -> dict[str, str]:
    """The letterhead: the policy's `kop`, or the instansi's name alone."""
    isi = k.kop or model.Kop()
    return {"pemerintah": isi.pemerintah, "instansi": isi.instansi or k.instansi,
            "alamat": isi.alamat}  # fmt: skip


def keputusan(k: model.Kebijakan, periode_label: str) -> dict[str, Any]:
    """The decree the award list belongs to: issuer, subject, signer."""
    kp = k.penghargaan.keputusan
    penanda = ttd(kp.penandatangan or k.penandatangan)
    penerbit = kp.penerbit or (penanda["jabatan"] if penanda else f"KEPALA {k.instansi}")
    return {
        "penerbit": penerbit.upper(),
        "tentang": (kp.tentang or f"PENETAPAN {k.penghargaan.kategori} {periode_label}").upper(),
        "penandatangan": penanda,
    }
