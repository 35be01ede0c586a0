"""`evaluasi` and `jelaskan` as a user runs them (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import DASAR, WANGGAR, bangun_skenario

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]


def test_evaluasi_sampel_ringkasan_dan_berkas(tmp_path: Path) -> None:
    keluar = tmp_path / "hasil"
    hasil = runner.invoke(
        app,
        ["evaluasi", str(WANGGAR), "--periode", "2025", "--format", "md,html,json",
         "--keluaran", str(keluar), *TGL],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    assert "Tahun 2025" in hasil.output
    assert "Kurva Bappeda" in hasil.output  # the sample's curve breach is named
    assert "Perlu perhatian" in hasil.output
    for akhiran in ("md", "html", "json"):
        assert (keluar / f"evaluasi-2025.{akhiran}").is_file()
    data = json.loads((keluar / "evaluasi-2025.json").read_text(encoding="utf-8"))
    assert data["periode"] == "2025" and len(data["pegawai"]) == 50
    tebai = next(p for p in data["pegawai"] if p["nama"].startswith("Selviana Rumere"))
    assert tebai["predikat"] == "Butuh Perbaikan"


def test_evaluasi_json_hanya_json_di_stdout() -> None:
    hasil = runner.invoke(app, ["evaluasi", str(DASAR), "--periode", "2025-10", "--json", *TGL])
    assert hasil.exit_code == 0, hasil.output
    data = json.loads(hasil.stdout)
    assert set(data) >= {"periode", "instansi", "pegawai", "unit"}
    p = data["pegawai"][0]
    kunci = {"nip", "nama", "unit", "predikat", "rating_hasil_kerja", "rating_perilaku",
             "nilai_hasil_kerja", "nilai_perilaku", "nilai_akhir", "tren", "laporan"}  # fmt: skip
    assert set(p) >= kunci
    assert set(p["laporan"]) >= {"diharapkan", "masuk", "terlambat", "tidak_lengkap"}


def test_evaluasi_menolak_ruang_kerja_bergalat(tmp_path: Path) -> None:
    ruang = bangun_skenario(tmp_path / "r", "realisasi-teks")
    hasil = runner.invoke(app, ["evaluasi", str(ruang), *TGL])
    assert hasil.exit_code == 1
    assert 'realisasi harus berupa angka, bukan "sepuluh"' in hasil.stderr
    assert "perbaiki dulu" in hasil.stderr
    assert not (ruang / "hasil").exists()


def test_evaluasi_periode_salah_keluar_2() -> None:
    for periode in ("2025-13", "2025-W1"):
        hasil = runner.invoke(app, ["evaluasi", str(DASAR), "--periode", periode, *TGL])
        assert hasil.exit_code == 2
        assert "tidak dikenal" in hasil.stderr


def test_evaluasi_format_salah_keluar_2() -> None:
    hasil = runner.invoke(app, ["evaluasi", str(DASAR), "--format", "pdf", *TGL])
    assert hasil.exit_code == 2 and 'format "pdf" tidak dikenal' in hasil.stderr


def test_evaluasi_bawaan_periode_terakhir_dan_hasil_di_ruang_kerja(ruang_dasar: Path) -> None:
    hasil = runner.invoke(app, ["evaluasi", str(ruang_dasar), "--format", "md", *TGL])
    assert hasil.exit_code == 0, hasil.output
    assert (ruang_dasar / "hasil" / "evaluasi-2025-11.md").is_file()
    # The output folder is not an input: checking again still passes.
    assert runner.invoke(app, ["periksa", str(ruang_dasar)]).exit_code == 0


def test_evaluasi_rapor_dan_samarkan(tmp_path: Path) -> None:
    hasil = runner.invoke(
        app,
        ["evaluasi", str(DASAR), "--periode", "2025-T4", "--rapor", "--samarkan",
         "--format", "md", "--keluaran", str(tmp_path), *TGL],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    rapor = sorted((tmp_path / "rapor-2025-T4-samar").glob("*.html"))
    assert [p.name for p in rapor] == ["001.html", "002.html", "003.html", "004.html"]
    teks = rapor[0].read_text(encoding="utf-8") + hasil.output
    assert "Dokumen Evaluasi Kinerja Pegawai" in teks
    assert "198609262010052002" not in teks and "Maria Kayame" not in teks


def test_jelaskan_butuh_perbaikan_dari_sampel() -> None:
    hasil = runner.invoke(
        app, ["jelaskan", "199309092016042028", str(WANGGAR), "--periode", "2025", *TGL]
    )
    assert hasil.exit_code == 0, hasil.output
    out = hasil.output
    assert "Selviana Rumere" in out
    assert "laporan/2025-01.yaml:" in out  # every number with its file:line
    assert "Rating hasil kerja: Di Bawah Ekspektasi (menurut ambang)" in out
    assert "[Butuh Perbaikan]" in out  # the matrix cell
    assert "→ Predikat: Butuh Perbaikan" in out
    assert "Nilai akhir" in out and "bobot 60,00" in out


def test_jelaskan_rating_eksplisit() -> None:
    hasil = runner.invoke(
        app, ["jelaskan", "198907232014042017", str(WANGGAR), "--periode", "2025-12", *TGL]
    )
    assert hasil.exit_code == 0, hasil.output
    assert "ditetapkan langsung oleh penilai" in hasil.output


def test_jelaskan_nip_tidak_ada_keluar_2() -> None:
    hasil = runner.invoke(app, ["jelaskan", "198609262010052003", str(DASAR), *TGL])
    assert hasil.exit_code == 2
    assert "tidak ada di daftar pegawai; maksudnya 198609262010052002?" in hasil.stderr


def test_perlu_perhatian_menyebut_hasil_kerja_yang_turun() -> None:
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025-12", *TGL])
    assert hasil.exit_code == 0, hasil.output
    assert "Budi Santoso, S.H." in hasil.output
    assert "hasil kerja turun dari 97,18 ke 92,78 dibanding periode sebelumnya" in hasil.output
    assert "peringatan; lihat: asnkinerja periksa" in hasil.stderr


def test_rapor_menyebut_penilai_laporan_bukan_sekadar_atasan(tmp_path: Path) -> None:
    hasil = runner.invoke(
        app,
        ["evaluasi", str(WANGGAR), "--periode", "2025-10", "--rapor", "--keluaran",
         str(tmp_path), *TGL],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    ester = (tmp_path / "rapor-2025-10" / "199201302017022007.html").read_text(encoding="utf-8")
    blok = ester.split("2. Pejabat Penilai Kinerja")[1].split("3. Atasan")[0]
    assert "Theresia Manuputty" in blok


def test_pegawai_yang_belum_mulai_tidak_dievaluasi(ruang_dasar: Path) -> None:
    teks = (ruang_dasar / "pegawai.yaml").read_text(encoding="utf-8")
    (ruang_dasar / "pegawai.yaml").write_text(
        teks.replace("tmt_cpns: 2023-03-01", "tmt_cpns: 2025-11-01"), encoding="utf-8"
    )
    hasil = runner.invoke(app, ["evaluasi", str(ruang_dasar), "--periode", "2025-10", "--json"])
    data = json.loads(hasil.stdout)
    assert "199508192023212004" not in [p["nip"] for p in data["pegawai"]]


def test_periode_tanpa_laporan_dan_ruang_tanpa_laporan(ruang_dasar: Path) -> None:
    hasil = runner.invoke(app, ["evaluasi", str(ruang_dasar), "--periode", "2027", *TGL])
    assert hasil.exit_code == 2
    assert "tidak ada laporan untuk periode 2027" in hasil.stderr
    assert "2025-10 sampai 2025-11" in hasil.stderr
    for p in (ruang_dasar / "laporan").iterdir():
        p.unlink()
    hasil = runner.invoke(app, ["evaluasi", str(ruang_dasar), *TGL])
    assert hasil.exit_code == 1 and "belum ada laporan" in hasil.stderr


def test_kepatuhan_masuk_ditambah_hilang_sama_dengan_wajib() -> None:
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--json", *TGL])
    data = json.loads(hasil.stdout)
    for p in data["pegawai"]:
        lap = p["laporan"]
        assert lap["masuk"] + len(lap["tidak_masuk"]) == lap["diharapkan"]
    t = data["total"]
    assert t["laporan_masuk"] + t["laporan_hilang"] == t["laporan_diharapkan"]


def test_jelaskan_sumber_kebijakan_dan_tanggal_indonesia() -> None:
    hasil = runner.invoke(app, ["jelaskan", "198609262010052002", str(DASAR), "--periode",
                                "2025-10", *TGL])  # fmt: skip
    assert "(rekap: rata-rata semua laporan [bawaan]" in hasil.output
    assert "dilapor 3 November 2025" in hasil.output
    hasil = runner.invoke(app, ["jelaskan", "199309092016042028", str(WANGGAR), "--periode",
                                "2025", *TGL])  # fmt: skip
    assert "selain itu Di Bawah [kebijakan.yaml:29:23]" in hasil.output
    assert "(manajerial) [pelatihan.yaml:" in hasil.output


def test_ringkasan_layar_sama_dengan_atau_tanpa_berkas(tmp_path: Path, monkeypatch) -> None:
    """The terminal-only run builds no row per employee; what it shows must not differ."""
    import asnkinerja.sajian.tampilan

    monkeypatch.setattr(asnkinerja.sajian.tampilan, "RINGKAS_PERHATIAN", 2)
    args = ["evaluasi", str(WANGGAR), "--periode", "2025", *TGL]
    saja = runner.invoke(app, args)
    dengan = runner.invoke(app, [*args, "--format", "json", "--keluaran", str(tmp_path)])
    assert saja.exit_code == 0 and dengan.exit_code == 0, saja.output + dengan.output
    assert "lainnya (lihat laporan)" in saja.stdout  # the cap is reached and counted
    layar = saja.stdout
    assert dengan.stdout.startswith(layar)
    assert dengan.stdout[len(layar) :].startswith("Ditulis:")


def test_json_nilai_akhir_dihitung_ulang_dari_komponen_yang_tercetak() -> None:
    """An auditor recomputes every nilai_akhir from the printed parts, to the cent."""
    from decimal import ROUND_HALF_UP, Decimal

    for periode in ("2025", "2025-T4", "2025-10"):
        hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", periode, "--json", *TGL])
        assert hasil.exit_code == 0, hasil.output
        data = json.loads(hasil.stdout, parse_float=Decimal)
        dihitung = 0
        for p in data["pegawai"]:
            if p["nilai_akhir"] is None:
                assert p["komponen"] == []
                continue
            k = {x["nama"]: x for x in p["komponen"]}
            assert k["hasil_kerja"]["nilai"] == p["nilai_hasil_kerja"]
            if "perilaku" in k:
                assert k["perilaku"]["nilai"] == (p["nilai_perilaku"] / 5 * 100).quantize(
                    Decimal("0.01"), ROUND_HALF_UP
                )
            jumlah = sum(x["nilai"] * x["bobot"] for x in p["komponen"])
            bobot = sum(x["bobot"] for x in p["komponen"])
            assert p["nilai_akhir"] == (jumlah / bobot).quantize(Decimal("0.01"), ROUND_HALF_UP)
            dihitung += 1
        assert dihitung >= 40, periode


def test_bulan_tanpa_pelatihan_tidak_menurunkan_nilai_atau_menuntut_jp() -> None:
    """The JP minimum is yearly: a month is not judged on it, nor is nilai akhir."""
    hasil = runner.invoke(app, ["pengembangan", str(WANGGAR), "--periode", "2025-10", *TGL])
    assert hasil.exit_code == 0, hasil.output
    assert "JP minimal PNS (20,00 JP setahun) dinilai tahunan" in hasil.output
    assert "JP wajib" not in hasil.output and "kurang" not in hasil.output
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025-10", "--json", *TGL])
    data = json.loads(hasil.stdout)
    assert all(k["nama"] != "pengembangan" for p in data["pegawai"] for k in p["komponen"])
    assert data["kegiatan"]["jp_wajib"] is None
    tahun = json.loads(
        runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--json", *TGL]).stdout
    )
    assert tahun["kegiatan"]["jp_wajib"] == 20.0


def test_teks_manusia_tanpa_kunci_mentah_atau_tanggal_iso(tmp_path: Path) -> None:
    """What people read names things as people do: "Berorientasi Pelayanan", "sosial
    kultural", "14 Maret 2025"; the data keys and ISO dates stay in JSON and YAML."""
    import re

    keluar = tmp_path / "hasil"
    teks = []
    for argumen in (
        ["jelaskan", "198506022010031044"], ["jelaskan", "198402172009041005"],
        ["penghargaan"], ["pengembangan"], ["evaluasi", "--format", "md,html", "--keluaran",
                                            str(keluar)],
    ):  # fmt: skip
        hasil = runner.invoke(app, [*argumen, str(WANGGAR), "--periode", "2025", *TGL],
                              terminal_width=200)  # fmt: skip
        assert hasil.exit_code == 0, hasil.output
        teks.append(hasil.output)
    teks += [p.read_text(encoding="utf-8") for p in sorted(keluar.iterdir())]
    semua = "\n".join(teks)
    for mentah in ("berorientasi_pelayanan", "sosial_kultural", "rata_rata", "hasil_kerja:"):
        assert mentah not in semua, mentah
    html = re.sub(r"<(style|svg)\b.*?</\1>", "", semua, flags=re.S)
    assert re.findall(r"\b20\d\d-\d\d-\d\d\b", html) == []
    assert "hukuman disiplin sedang 14 Maret 2025" in semua


def test_samarkan_tanpa_tanggal_lahir_atau_hukuman_tetapi_penandatangan_tetap(
    tmp_path: Path,
) -> None:
    """--samarkan: a NIP shows its last 4 digits only, no sanction is named (with
    initials and a unit it would say who), and the official who signs stays named."""
    keluar = tmp_path / "hasil"
    teks = []
    for argumen in (["penghargaan", "--samarkan"],
                    ["evaluasi", "--samarkan", "--format", "md,json", "--keluaran", str(keluar)],
                    ["evaluasi", "--samarkan", "--json"]):  # fmt: skip
        hasil = runner.invoke(app, [*argumen, str(WANGGAR), "--periode", "2025", *TGL],
                              terminal_width=200)  # fmt: skip
        assert hasil.exit_code == 0, hasil.output
        teks.append(hasil.stdout)
    teks += [p.read_text(encoding="utf-8") for p in sorted(keluar.iterdir())]
    semua = "\n".join(teks)
    assert "198402172009041005" not in semua and "19840217" not in semua
    assert "••••••••••••••1005" in semua
    assert "hukuman disiplin" not in semua and "14 Maret 2025" not in semua
    assert "syarat lain tidak terpenuhi (rincian disamarkan)" in semua
    data = json.loads(teks[2])
    assert data["penandatangan"] == {
        "nama": "Paulus Tekege, S.H., M.H.", "jabatan": "Kepala BKPSDM Kabupaten Nabire",
        "nip": "197403191999031043"}  # fmt: skip


def test_pejabat_di_luar_daftar_menilai_sekda(tmp_path: Path) -> None:
    """The Bupati (kebijakan `pejabat`) rates the Sekda: no error, a predikat, and the
    rapor names him as Pejabat Penilai with his NIP and pangkat."""
    keluar = tmp_path / "hasil"
    hasil = runner.invoke(
        app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--rapor", "--keluaran",
              str(keluar), *TGL],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    rapor = (keluar / "rapor-2025" / "196812011993031001.html").read_text(encoding="utf-8")
    assert "Drs. Fransiskus Pekei, M.M." in rapor and "196905121990031007" in rapor
    assert "Pembina Utama Madya (IV/d)" in rapor and "Penjabat Bupati Nabire" in rapor
    assert "belum dapat ditentukan" not in rapor


def test_penilai_asing_tanpa_pejabat_tetap_galat(tmp_path: Path) -> None:
    import shutil

    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    k = ruang / "kebijakan.yaml"
    teks = k.read_text(encoding="utf-8")
    awal = teks.index("pejabat:")
    akhir = teks.index("\n\n", awal)
    k.write_text(teks[:awal] + teks[akhir + 1 :], encoding="utf-8")
    hasil = runner.invoke(app, ["periksa", str(ruang)])
    assert hasil.exit_code == 1
    # The Sekda's penilai, named in 13 places, is one problem (grouped under the NIP).
    assert (
        "pegawai.yaml:12:11: galat: NIP 196905121990031007 tidak ada di daftar pegawai, "
        "padahal dipakai 13 kali (12 sebagai penilai, 1 sebagai atasan; ini yang pertama). "
        "Bila ia pegawai, tambahkan ke pegawai.yaml; bila pejabat di luar daftar (misalnya "
        "Bupati), tulis di pejabat pada kebijakan.yaml; bila salah ketik, perbaiki NIP-nya\n"
    ) in hasil.output
    assert "1 galat" in hasil.output


def test_perilaku_di_atas_padahal_hukuman_sedang_dalam_periode() -> None:
    """Andi Pakiding has a hukuman disiplin sedang on 14 March 2025 and perilaku Di Atas
    for 2025: the meeting is told to have the penilai review or explain it."""
    andi = "198402172009041005"
    for samar, harapan in (
        ([], "perilaku kerja Di Atas Ekspektasi padahal ada hukuman disiplin sedang 14 Maret "
             "2025 dalam periode ini; minta penilai meninjau atau menjelaskannya"),
        (["--samarkan"], "rating perilaku kerja perlu ditinjau (rincian disamarkan)"),
    ):  # fmt: skip
        hasil = runner.invoke(
            app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--json", *samar, *TGL]
        )
        data = json.loads(hasil.stdout)
        [p] = [p for p in data["perhatian"] if p["nip"].endswith(andi[-4:])]
        assert harapan in p["alasan"]
    # Not in a period without the sanction: 2025-T3 (July-September) has no 14 March.
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025-T3", "--json", *TGL])
    data = json.loads(hasil.stdout)
    assert not any("hukuman" in a for p in data["perhatian"] for a in p["alasan"])


def test_perilaku_berakhlak_per_unit_di_laporan(tmp_path: Path) -> None:
    keluar = tmp_path / "hasil"
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--format",
                                "md,json", "--keluaran", str(keluar), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    md = (keluar / "evaluasi-2025.md").read_text(encoding="utf-8")
    assert "## Perilaku kerja (BerAKHLAK) per unit" in md
    assert "| Puskesmas Wanggar | 3,98 | 3,92 | 3,97 | 3,98 | 3,97 | 3,97 | 3,96 ▼ |\n" in md
    # The summary names the units whose Adaptif/Kolaboratif fell; the annex every unit's advice.
    assert "- **Puskesmas Wanggar**: pelatihan soft skill" in md
    assert "**Dinas Dukcapil**: pelatihan" not in md
    lampiran = (keluar / "lampiran-evaluasi-2025.md").read_text(encoding="utf-8")
    assert ("- **Dinas Dukcapil**: pelatihan soft skill dan mentoring yang menyasar aspek "
            "Harmonis dan Berorientasi Pelayanan (rata-rata 3,58 dan 3,59).") in \
        lampiran  # fmt: skip
    data = json.loads((keluar / "evaluasi-2025.json").read_text(encoding="utf-8"))
    pusk = {u["nama"]: u for u in data["unit"]}["Puskesmas Wanggar"]["perilaku"]
    assert pusk["perubahan"][1] == {"aspek": "Kolaboratif", "awal": 4.03, "akhir": 3.88,
                                    "selisih": -0.15, "turun": True}  # fmt: skip


def test_laporan_satu_opd(tmp_path: Path) -> None:
    """--unit gives an OPD its own report: its staff, its units, its total, its files."""
    keluar = tmp_path / "hasil"
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--unit",
                                "Bappeda", "--unit", "BKPSDM", "--format", "md,json",
                                "--keluaran", str(keluar), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    assert sorted(p.name for p in keluar.iterdir()) == [
        "evaluasi-2025-bappeda-bkpsdm.json", "evaluasi-2025-bappeda-bkpsdm.md",
        "lampiran-evaluasi-2025-bappeda-bkpsdm.md"]  # fmt: skip
    data = json.loads((keluar / "evaluasi-2025-bappeda-bkpsdm.json").read_text(encoding="utf-8"))
    assert {p["unit"] for p in data["pegawai"]} == {"Bappeda", "BKPSDM"}
    assert [u["nama"] for u in data["unit"]] == ["BKPSDM", "Bappeda"]
    assert data["total"]["jumlah_pegawai"] == 16 == len(data["pegawai"])
    assert data["instansi"] == "BKPSDM, Bappeda — Pemerintah Kabupaten Nabire"
    # Awards stay as decided for the whole instansi: only this OPD's awardee is listed.
    assert [p["nama"] for p in data["penghargaan"]] == ["Rahmat Hidayat, S.E."]
    assert data["insentif"]["terbagi"] == 1_667_000
    md = (keluar / "evaluasi-2025-bappeda-bkpsdm.md").read_text(encoding="utf-8")
    assert "Distrik Wanggar" not in md


def test_unit_tidak_dikenal_dengan_saran() -> None:
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--unit",
                                "Bapeda", *TGL])  # fmt: skip
    assert hasil.exit_code == 2
    assert 'unit "Bapeda" tidak ada di daftar pegawai; maksudnya "Bappeda"?; unit yang ada: ' \
        "BKPSDM, Bappeda" in hasil.output  # fmt: skip
