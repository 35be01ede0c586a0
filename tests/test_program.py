"""Mentoring pairs, competency development, engagement: hand-computed cases and commands."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest
from typer.testing import CliRunner

from asnkinerja.cli import app
from asnkinerja.inti import model
from asnkinerja.inti.mentoring import pasangkan, tanpa_pasangan
from asnkinerja.inti.pengembangan import hitung, keterlibatan
from asnkinerja.inti.penilaian import HasilPegawai, Kepatuhan
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.ruang import Entri
from asnkinerja.masalah import Lokasi
from asnkinerja.sajian import kata

from conftest import DASAR, WANGGAR, hasil_pegawai

TAHUN = Periode.urai("2025")
S1 = Periode.urai("2025-S1")


def orang(
    nip: str, predikat: str | None, nilai: str, unit: str = "A", periode: Periode | None = None,
    jp: str = "0", pelatihan: int = 0, **pegawai: Any,
) -> HasilPegawai:  # fmt: skip
    per = periode or TAHUN
    assert per is not None
    return hasil_pegawai(
        nip, periode=per, predikat=predikat, nilai_akhir=nilai, nilai_hasil_kerja=nilai,
        nilai_perilaku=3, rating="sesuai", jp=jp, jp_wajib=Decimal(20) * per.panjang / 12,
        unit=unit, pelatihan=pelatihan, **pegawai,
    )  # fmt: skip


# NIPs with TMT CPNS in them: 2005, 2010, 2015, 2020.
SENIOR, MADYA, MUDA, BARU = (
    "198001012005011001", "198501012010011002", "199001012015011003", "199501012020011004",
)  # fmt: skip


def kebijakan(**mentoring: Any) -> model.Kebijakan:
    return msgspec.convert({"mentoring": mentoring}, model.Kebijakan)


def test_mentor_terbaik_unit_sama_dan_kapasitas() -> None:
    pegawai = [
        orang(SENIOR, "Sangat Baik", "105", unit="B"),
        orang(MADYA, "Baik", "100", unit="A"),
        orang(MUDA, "Butuh Perbaikan", "70", unit="A"),
        orang(BARU, "Butuh Perbaikan", "60", unit="A"),
    ]
    h = pasangkan(pegawai, kebijakan(predikat_mentor=["Sangat Baik", "Baik"], maks_mentee=1))
    # Neediest first (60 before 70); same unit first, then the best nilai_akhir.
    assert [(p.mentee.nip, p.mentor.nip, p.unit_sama) for p in h.pasangan] == [
        (BARU, MADYA, True),
        (MUDA, SENIOR, False),
    ]
    assert h.tanpa_mentor == []


def test_tanpa_pasangan_dengan_alasannya() -> None:
    """No pair at all: the sentence names why (no mentee, no mentor, empty policy list)."""
    semua_baik = [orang(SENIOR, "Sangat Baik", "105"), orang(MUDA, "Baik", "100")]
    k = kebijakan(predikat_mentee=["Sangat Kurang"])
    assert tanpa_pasangan(pasangkan(semua_baik, k), k.mentoring) == (
        "Tidak ada pasangan mentoring: tidak ada pegawai berpredikat Sangat Kurang dalam "
        "periode ini."
    )
    k = kebijakan(predikat_mentee=[])
    assert tanpa_pasangan(pasangkan(semua_baik, k), k.mentoring) == (
        "Tidak ada pasangan mentoring: mentoring.predikat_mentee di kebijakan kosong."
    )
    k = kebijakan(predikat_mentor=[])
    h = pasangkan([*semua_baik, orang(BARU, "Sangat Kurang", "40")], k)
    assert h.pasangan == [] and tanpa_pasangan(h, k.mentoring) == (
        "Tidak ada pasangan mentoring: tidak ada mentor yang dapat dipasangkan."
    )
    assert h.tanpa_mentor[0].alasan == (
        "mentoring.predikat_mentor di kebijakan kosong: tidak ada yang dapat menjadi mentor"
    )


def test_mentor_bukan_bawahan_dan_lebih_senior() -> None:
    pegawai = [
        orang(BARU, "Sangat Baik", "110", atasan=MUDA),  # below the mentee in the chain
        orang(MUDA, "Butuh Perbaikan", "70"),
        orang(MADYA, "Sangat Baik", "100"),  # senior to MUDA: allowed
    ]
    h = pasangkan(pegawai, kebijakan())
    assert [(p.mentee.nip, p.mentor.nip) for p in h.pasangan] == [(MUDA, MADYA)]
    junior_saja = [orang(BARU, "Sangat Baik", "110"), orang(MUDA, "Butuh Perbaikan", "70")]
    h = pasangkan(junior_saja, kebijakan())
    assert h.pasangan == [] and "lebih senior" in h.tanpa_mentor[0].alasan
    h = pasangkan(junior_saja, kebijakan(mentor_lebih_senior=False))
    assert [p.mentor.nip for p in h.pasangan] == [BARU]


def test_mentor_dengan_hukuman_baru_tidak_dipilih_dan_kapasitas_penuh() -> None:
    hukum = [{"tingkat": "ringan", "tanggal": "2025-06-01"}]
    pegawai = [
        orang(SENIOR, "Sangat Baik", "110", hukuman_disiplin=hukum),
        orang(MADYA, "Sangat Baik", "100"),
        orang(MUDA, "Butuh Perbaikan", "70"),
        orang(BARU, "Kurang/Misconduct", "65"),
    ]
    h = pasangkan(pegawai, kebijakan(maks_mentee=1))
    assert [(p.mentee.nip, p.mentor.nip) for p in h.pasangan] == [(BARU, MADYA)]
    assert h.tanpa_mentor[0].mentee.nip == MUDA
    assert "sudah penuh (1 mentee)" in h.tanpa_mentor[0].alasan


def test_jp_pns_diprorata_dan_batas_pppk_setahun() -> None:
    assert S1 is not None
    pns = orang(MUDA, "Baik", "100", periode=S1, jp="9")  # owes 10 JP in a semester
    pppk = orang("199508192023212004", "Baik", "100", periode=S1, jp="12", status="PPPK")
    data = {"nama": "x", "kompetensi": "teknis", "bentuk": "pelatihan", "jp": 16,
            "peserta": ["199508192023212004"]}  # fmt: skip
    pelatihan = [
        Entri(msgspec.convert({**data, "tanggal": t}, model.Pelatihan), Lokasi("pl", i))
        for i, t in enumerate(["2025-02-01", "2025-05-01"])
    ]
    h = hitung([pns, pppk], pelatihan, S1, model.bawaan())
    a, b = h.pegawai
    assert (a.jp_wajib, a.memenuhi, kata.catatan_jp(a)) == (
        Decimal(10),
        False,
        "kurang 1 JP dari 10 JP wajib",
    )
    assert (b.jp_tahun, b.jp_maksimal, b.memenuhi) == (Decimal(32), Decimal(24), False)
    assert kata.catatan_jp(b) == "melebihi batas PPPK 24 JP setahun (32 JP)"
    assert h.per_bentuk == {"pelatihan": (2, Decimal(32))}


def test_keterlibatan_tiga_bagian() -> None:
    a = orang(MUDA, "Baik", "100", pelatihan=1)
    b = orang(BARU, "Baik", "100")
    b.kepatuhan = Kepatuhan(12, 11, 0, 0, (Periode(2025, 1, "bulan"),))
    [x] = keterlibatan([a, b], model.bawaan())
    # on time 1/2, rencana 0/2 (no reports), events 1/2 -> (1 + 0 + 1) / 6 x 100
    assert (x.tepat_waktu, x.menulis_rencana, x.ikut_kegiatan) == (1, 0, 1)
    assert x.indeks is not None and round(x.indeks, 2) == Decimal("33.33")
    assert x.ditandai


runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]


def test_perintah_mentoring_dan_pengembangan_sampel() -> None:
    hasil = runner.invoke(app, ["mentoring", str(WANGGAR), "--periode", "2025", *TGL])
    assert hasil.exit_code == 0, hasil.output
    assert "Stefanus Tekege" in hasil.output and "Yohanes Pigai" in hasil.output
    hasil = runner.invoke(app, ["pengembangan", str(WANGGAR), "--periode", "2025", *TGL])
    assert hasil.exit_code == 0, hasil.output
    assert "Budi Santoso, S.H. (198810252013041045, BKPSDM): kurang 2 JP dari 20 JP wajib" in (
        hasil.output
    )
    assert "70,37 rendah" in hasil.output


def test_sertifikat_dan_lampiran_sk(tmp_path: Path) -> None:
    hasil = runner.invoke(
        app, ["sertifikat", str(WANGGAR), "--periode", "2025", "--keluaran", str(tmp_path), *TGL]
    )
    assert hasil.exit_code == 0, hasil.output
    piagam = sorted(p.name for p in (tmp_path / "sertifikat-2025").iterdir())
    assert piagam == ["198506022010031044.html", "198609262010052004.html",
                      "198907232014042017.html"]  # fmt: skip
    teks = (tmp_path / "sertifikat-2025" / "198907232014042017.html").read_text(encoding="utf-8")
    assert "Yuliana Tebai" in teks and "A4 landscape" in teks and "<script" not in teks
    hasil = runner.invoke(
        app,
        ["penghargaan", str(WANGGAR), "--periode", "2025", "--format", "md",
         "--keluaran", str(tmp_path), *TGL],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    sk = (tmp_path / "lampiran-sk-2025.md").read_text(encoding="utf-8")
    assert "| | **JUMLAH** | | | | | **Rp 10.000.000** |" in sk
    # The sample's decree is the Bupati's; nomor and tanggal are the legal section's.
    assert sk.startswith(
        "LAMPIRAN : KEPUTUSAN BUPATI NABIRE  \nNOMOR : ........................  \n"
        "TANGGAL : ........................  \nTENTANG : PENETAPAN ASN TELADAN TAHUN 2025\n"
    )
    assert "BUPATI NABIRE,\n\n&nbsp;\n\n**Drs. Fransiskus Pekei, M.M.**\n" in sk
    assert "| ASN Teladan peringkat 1 | 1/PIAGAM/2025 | Rp 5.000.000 |" in sk
    assert "Nomor: 1/PIAGAM/2025" in teks


@pytest.mark.parametrize(
    ("perintah", "dokumen"),
    [(["sertifikat"], "piagam"), (["penghargaan", "--format", "md"], "lampiran SK")],
)
def test_dokumen_penghargaan_hanya_untuk_periode_penghargaan(
    tmp_path: Path, perintah: list[str], dokumen: str
) -> None:
    """A quarter is not the award period: no piagam 'ASN Teladan Oktober 2025', no decree
    that splits the year's budget again; the shortlist is still shown, without money."""
    hasil = runner.invoke(app, [*perintah, str(WANGGAR), "--periode", "2025-10", "--keluaran",
                                str(tmp_path), *TGL])  # fmt: skip
    assert hasil.exit_code == 2
    assert (
        f"{dokumen} hanya untuk periode penghargaan (tahunan, kebijakan "
        "penghargaan.periode), bukan Oktober 2025; pakai --periode 2025"
    ) in hasil.output
    assert list(tmp_path.iterdir()) == []
    if perintah[0] == "penghargaan":
        assert "Tanpa insentif: penghargaan dan anggarannya ditetapkan per periode tahunan" \
            in hasil.output  # fmt: skip
        assert "Rp " not in hasil.output


def test_evaluasi_json_memuat_bagian_program() -> None:
    import json

    hasil = runner.invoke(app, ["evaluasi", str(DASAR), "--periode", "2025-T4", "--json", *TGL])
    data = json.loads(hasil.stdout)
    for kunci in ("penghargaan", "nyaris", "mentoring", "pengembangan", "keterlibatan"):
        assert kunci in data
    assert set(data["pengembangan"][0]) >= {"nip", "jp", "memenuhi"}
    assert set(data["keterlibatan"][0]) >= {"unit", "indeks"}
    assert datetime.date.fromisoformat(data["tanggal"]) == datetime.date(2026, 11, 28)


def test_rantai_atasan_dari_seluruh_daftar_termasuk_yang_tidak_aktif() -> None:
    # MUDA (mentee) -> atasan of TENGAH (inactive) -> atasan of BARU: BARU is below MUDA.
    tengah = msgspec.convert({"nip": "199001012015011005", "nama": "T", "unit": "A",
                              "atasan": MUDA, "aktif": False}, model.Pegawai)  # fmt: skip
    pegawai = [
        orang(SENIOR, "Baik", "90"),
        orang(MUDA, "Butuh Perbaikan", "70"),
        orang(BARU, "Sangat Baik", "110", atasan="199001012015011005"),
    ]
    roster = [h.pegawai for h in pegawai] + [tengah]
    h = pasangkan(pegawai, kebijakan(predikat_mentor=["Sangat Baik", "Baik"],
                                      mentor_lebih_senior=False), roster)  # fmt: skip
    assert [(p.mentee.nip, p.mentor.nip) for p in h.pasangan] == [(MUDA, SENIOR)]


def test_jp_wajib_mengikuti_bulan_masa_kerja() -> None:
    from asnkinerja.inti.penilaian import nilai_pegawai

    from conftest import HARI_INI

    p = Entri(msgspec.convert({"nip": MUDA, "nama": "x", "unit": "A"}, model.Pegawai),
              Lokasi("p", 0))  # fmt: skip
    assert TAHUN is not None
    h = nilai_pegawai(p, TAHUN, [], [], model.bawaan(), datetime.date(2025, 9, 1), HARI_INI)
    assert round(h.jp_wajib, 2) == Decimal("6.67")  # 20 x 4 / 12


def test_narasumber_disamarkan_dan_rincian_bobot_rapi() -> None:
    import json

    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--json",
                                "--samarkan", *TGL])  # fmt: skip
    data = json.loads(hasil.stdout)
    nama = [n for k in data["kegiatan"]["daftar"] for n in k["narasumber"]]
    assert "R. H. (pemerintah)" in nama and not any("Rahmat Hidayat" in n for n in nama)
    from fractions import Fraction

    from asnkinerja.inti.penghargaan import bagi_insentif

    _, rincian = bagi_insentif(10_000_000, [Fraction(5), Fraction(15)], 1000)
    assert (rincian[0].bobot, rincian[0].total, rincian[0].dasar) == (5, 20, 2_500_000)
    assert kata.rincian_insentif(rincian[0]).startswith("5 / 20 × Rp 10.000.000")


def test_ringkasan_evaluasi_menampilkan_sepuluh_pasangan_mentoring(tmp_path: Path) -> None:
    """A kabupaten has hundreds of pairs: the summary shows ten and points to the rest."""
    runner = CliRunner()
    ruang = tmp_path / "skala"
    assert runner.invoke(app, ["contoh", str(ruang), "--pegawai", "400"]).exit_code == 0
    hasil = runner.invoke(app, ["evaluasi", str(ruang), "--periode", "2025",
                                "--tanggal", "2026-11-28"])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    baris = hasil.stdout.splitlines()
    i = next(i for i, b in enumerate(baris) if b.startswith("Mentoring: "))
    jumlah = int(baris[i].split()[1])
    assert jumlah > 10
    assert all(" → " in b for b in baris[i + 1 : i + 11])
    assert baris[i + 11] == (f"  ... dan {jumlah - 10} pasangan lain (lihat: asnkinerja mentoring)")
