"""`jelaskan`: every step of one employee's evaluation, each number with its source.

Returns lines of text; the CLI prints them. An officer must be able to answer
"why did she get Butuh Perbaikan?" from these lines alone.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from asnkinerja.inti import model
from asnkinerja.inti.angka import bulat2
from asnkinerja.inti.evaluasi import HasilEvaluasi
from asnkinerja.inti.laporan import rinci
from asnkinerja.inti.penilaian import HasilPegawai
from asnkinerja.inti.regulasi import (
    BERAKHLAK,
    MATRIKS_PREDIKAT,
    NAMA_BERAKHLAK,
    NAMA_KOMPETENSI,
    NAMA_RATING,
    RATING,
)
from asnkinerja.masalah import Lokasi
from asnkinerja.sajian.tampilan import angka, tanggal

_REKAP = {"rata_rata": "rata-rata semua laporan", "terakhir": "laporan terakhir"}
_KOMPONEN = {"hasil_kerja": "hasil kerja", "perilaku": "perilaku", "pengembangan": "pengembangan"}

Tempat = Callable[..., str]


def _a(x: Decimal | float | None) -> str:
    return angka(bulat2(Decimal(str(x)))) if x is not None else "-"


def langkah(
    hasil: HasilEvaluasi, h: HasilPegawai, tempat: Tempat, kebijakan: Lokasi | None = None
) -> list[str]:
    """The explanation, step by step. `kebijakan`: where kebijakan.yaml's record is."""

    def dari(*jalur: str) -> str:
        """Where a policy value comes from: kebijakan.yaml:line, or the documented default."""
        if kebijakan is not None:
            letak = tempat(kebijakan.turun(*jalur), tepat=True)
            if letak:
                return letak
        return "bawaan"

    k = hasil.kebijakan
    kp = k.penilaian
    p = h.pegawai
    b: list[str] = [
        f"{p.nama} (NIP {h.nip}), {p.jabatan or '-'}, {p.unit}",
        f"Periode penilaian: {h.periode.label()} ({h.periode.kode()}); data pegawai di "
        f"{tempat(h.lokasi)}",
        "",
        f"1. Laporan dalam periode: {len(h.laporan)} (rekap: {_REKAP[kp.rekap]} "
        f"[{dari('penilaian', 'rekap')}]; capaian per indikator dibatasi "
        f"{_a(kp.batas_capaian)}% [{dari('penilaian', 'batas_capaian')}])",
    ]
    for n in h.laporan:
        telat = f", terlambat {n.hari_terlambat} hari" if n.hari_terlambat else ""
        b.append(
            f"   Laporan {n.periode.kode()} di {tempat(n.lokasi)}, dilapor "
            f"{tanggal(n.tanggal_lapor)}{telat}"
        )
        for j, i in enumerate(rinci(n, k).indikator):
            if i.arah == "naik":
                rumus = f"{_a(i.realisasi)} / {_a(i.target)} × 100 = {_a(i.mentah)}"
            elif i.realisasi == 0:
                rumus = f"realisasi 0 pada arah turun = batas {_a(i.capaian)}"
            else:
                rumus = f"{_a(i.target)} / {_a(i.realisasi)} × 100 = {_a(i.mentah)} (arah turun)"
            batas = f" → dibatasi {_a(i.capaian)}" if i.dibatasi else ""
            lok = tempat(n.lokasi.turun("pencapaian", j))
            b.append(f"     - {i.indikator}: capaian {rumus}{batas}; bobot {_a(i.bobot)} [{lok}]")
        b.append(f"     nilai hasil kerja laporan = rata-rata berbobot = {_a(n.nilai_hasil_kerja)}")
        if n.skor_perilaku is not None:
            skor = ", ".join(
                f"{NAMA_BERAKHLAK[a]} {s}" for a, s in zip(BERAKHLAK, n.skor_perilaku, strict=True)
            )
            b.append(f"     perilaku ({skor}) → rata-rata {_a(n.nilai_perilaku)}"
                     f" [{tempat(n.lokasi.turun('penilaian', 'perilaku'))}]")  # fmt: skip
        else:
            b.append("     perilaku: belum dinilai atasan")
        for nama, r in (("hasil kerja", n.rating_hasil_kerja_eksplisit),
                        ("perilaku kerja", n.rating_perilaku_eksplisit)):  # fmt: skip
            if r is not None:
                b.append(f"     rating {nama} langsung dari penilai: {NAMA_RATING[r]}")
    if not h.laporan:
        b.append("   (tidak ada laporan; predikat tidak dapat ditentukan)")
    b.append("")
    b.extend(_rating(hasil, h, dari))
    if h.penetapan is not None and h.rekomendasi is not None:
        pt, rek = h.penetapan.data, h.rekomendasi
        kapan = f", {tanggal(pt.tanggal)}" if pt.tanggal else ""
        b.append(
            f"   Ditetapkan Pejabat Penilai Kinerja (NIP {pt.penilai}{kapan}) "
            f"[{tempat(h.penetapan.lokasi)}]: {pt.alasan}"
        )
        b.append(
            "   Rekomendasi hitungan: hasil kerja "
            f"{NAMA_RATING[rek.rating_hasil_kerja] if rek.rating_hasil_kerja else '-'}, "
            f"perilaku {NAMA_RATING[rek.rating_perilaku] if rek.rating_perilaku else '-'}, "
            f"predikat {rek.predikat or 'belum dapat ditentukan'}"
        )
    b.append("")
    b.extend(_nilai_akhir(h, k, dari, tempat))
    b.append("")
    kp2 = h.kepatuhan
    b.append(f"5. Kepatuhan laporan: wajib {kp2.diharapkan}, masuk {kp2.masuk}, terlambat "
             f"{kp2.terlambat}, tidak lengkap {kp2.tidak_lengkap}")  # fmt: skip
    if kp2.hilang:
        b.append("   tidak masuk: " + ", ".join(x.kode() for x in kp2.hilang))
    for n in h.laporan:
        if n.kurang:
            b.append(f"   {n.periode.kode()} tidak lengkap: tanpa {', '.join(n.kurang)}")
    if h.tren is not None:
        b.append(
            f"6. Tren: nilai akhir {_a(h.nilai_akhir)} dibanding "
            f"{_a(h.nilai_akhir_sebelumnya)} pada {h.periode.sebelumnya().label()} → "
            f"{h.tren} (ambang {_a(kp.ambang_tren)})"
        )
    return b


def _rating(hasil: HasilEvaluasi, h: HasilPegawai, dari: Callable[..., str]) -> list[str]:
    kp = hasil.kebijakan.penilaian
    ahk, apk = kp.ambang_hasil_kerja, kp.ambang_perilaku
    cara = "rata-rata laporan" if kp.rekap == "rata_rata" else "laporan terakhir"
    b = [
        f"2. Nilai periode ({cara}): hasil kerja {_a(h.nilai_hasil_kerja)}, perilaku "
        f"{_a(h.nilai_perilaku)}",
        f"   Ambang hasil kerja: Di Atas Ekspektasi >= {_a(ahk.di_atas)}, Sesuai >= "
        f"{_a(ahk.sesuai)}, selain itu Di Bawah [{dari('penilaian', 'ambang_hasil_kerja')}]",
        f"   Ambang perilaku: Di Atas Ekspektasi >= {_a(apk.di_atas)}, Sesuai >= "
        f"{_a(apk.sesuai)}, selain itu Di Bawah [{dari('penilaian', 'ambang_perilaku')}]",
        "   (nilai dibandingkan setelah dibulatkan ke 2 desimal, seperti yang ditampilkan)",
    ]
    for nama, r, s in (("hasil kerja", h.rating_hasil_kerja, h.sumber_hasil_kerja),
                       ("perilaku kerja", h.rating_perilaku, h.sumber_perilaku)):  # fmt: skip
        if r is None:
            b.append(f"   Rating {nama}: belum ada")
        elif s == "penetapan":
            b.append(f"   Rating {nama}: {NAMA_RATING[r]} — ditetapkan Pejabat Penilai Kinerja "
                     "(penetapan; mengalahkan hitungan)")  # fmt: skip
        elif s == "eksplisit":
            b.append(f"   Rating {nama}: {NAMA_RATING[r]} — ditetapkan langsung oleh penilai "
                     f"pada laporan {h.periode.kode()} (mengalahkan ambang)")  # fmt: skip
        else:
            b.append(f"   Rating {nama}: {NAMA_RATING[r]} (menurut ambang)")
    b.append("3. Predikat (matriks PermenPAN-RB 6/2022, baris hasil kerja × kolom perilaku):")
    b.append(f"   {'hasil kerja / perilaku':<20} | Di Bawah | Sesuai | Di Atas")
    for r_hk in RATING:
        sel = []
        for r_pk in reversed(RATING):
            pr = MATRIKS_PREDIKAT[(r_hk, r_pk)]
            tanda = (
                "[" + pr + "]" if (r_hk, r_pk) == (h.rating_hasil_kerja, h.rating_perilaku) else pr
            )
            sel.append(tanda)
        b.append(f"   {NAMA_RATING[r_hk]:<20} | " + " | ".join(sel))
    b.append(
        f"   → Predikat: {h.predikat or 'belum dapat ditentukan (' + '; '.join(h.catatan) + ')'}"
    )
    return b


def _nilai_akhir(
    h: HasilPegawai, k: model.Kebijakan, dari: Callable[..., str], tempat: Tempat
) -> list[str]:
    b = [
        "4. Nilai akhir (untuk peringkat) = rata-rata berbobot komponen yang ada "
        f"[bobot: {dari('penilaian', 'bobot')}; JP minimal: {dari('pengembangan', 'jp_minimal')}]:"
    ]
    for c in h.komponen:
        if c.nama == "pengembangan":
            if c.nilai is not None:
                asal = f"min({_a(h.jp)} JP / {_a(h.jp_wajib)} JP wajib, 1) × 100"
            elif h.jp_wajib is None:
                asal = "JP dinilai tahunan: komponen tidak dihitung untuk periode ini"
            else:
                asal = "tidak ada berkas pelatihan: komponen gugur"
        elif c.nama == "perilaku":
            asal = f"{_a(h.nilai_perilaku)} / 5 × 100" if c.nilai is not None else "belum dinilai"
        else:
            asal = "nilai hasil kerja" if c.nilai is not None else "tidak ada laporan"
        b.append(f"   - {_KOMPONEN[c.nama]}: {_a(c.nilai)} ({asal}), bobot {_a(c.bobot)}")
    ada = [c for c in h.komponen if c.nilai is not None and c.bobot > 0]
    if ada and h.nilai_akhir is not None:
        rumus = " + ".join(f"{_a(c.nilai)} × {_a(c.bobot)}" for c in ada)
        total = sum((c.bobot for c in ada), Decimal(0))
        b.append(f"   = ({rumus}) / {_a(total)} = {_a(h.nilai_akhir)}")
    for pl in h.pelatihan:
        b.append(
            f"   pelatihan: {pl.data.nama}, {tanggal(pl.data.tanggal)}, {_a(pl.data.jp)} JP "
            f"({NAMA_KOMPETENSI[pl.data.kompetensi]}) [{tempat(pl.lokasi)}]"
        )
    return b
