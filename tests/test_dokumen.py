"""What every document carries for those who sign and audit it: the legal basis (the
regulation and the instansi's own rule, each rule with its source), and the audit trail
(the tool's version and one hash over every input file)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from asnkinerja.cli import app
from asnkinerja.versi import __version__

from conftest import WANGGAR

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]


def _tulis_semua(ruang: Path, keluar: Path, *opsi: str) -> dict[str, str]:
    """Every document of one period, by file name (relative to `keluar`)."""
    for argumen in (
        ["evaluasi", "--format", "md,html,json", "--rapor"],
        ["penghargaan", "--format", "md,html,json"],
        ["sertifikat"],
    ):
        hasil = runner.invoke(app, [*argumen, str(ruang), "--periode", "2025", "--keluaran",
                                    str(keluar), *TGL, *opsi])  # fmt: skip
        assert hasil.exit_code == 0, hasil.output
    return {
        str(p.relative_to(keluar)): p.read_text(encoding="utf-8")
        for p in sorted(keluar.rglob("*"))
        if p.is_file()
    }


_SIDIK = re.compile(r'sidik data ([0-9a-f]{32})|"sidik_data": "([0-9a-f]{32})"')


def _sidik(teks: str) -> set[str]:
    """The data hashes a document prints (as text, or as a JSON field)."""
    return {a or b for a, b in _SIDIK.findall(teks)}


def test_setiap_dokumen_membawa_sidik_data_dan_versi(tmp_path: Path) -> None:
    dokumen = _tulis_semua(WANGGAR, tmp_path / "a")
    assert {"evaluasi-2025.md", "evaluasi-2025.html", "evaluasi-2025.json",
            "lampiran-sk-2025.md", "lampiran-sk-2025.html",
            "lampiran-sk-2025.json"} <= set(dokumen)  # fmt: skip
    assert any(n.startswith("rapor-2025/") for n in dokumen)
    assert any(n.startswith("sertifikat-2025/") for n in dokumen)
    sidik = set()
    for nama, teks in dokumen.items():
        s = _sidik(teks)
        assert len(s) == 1, nama  # every document, one hash
        sidik |= s
        assert __version__ in teks, nama
    assert len(sidik) == 1  # the same in every document of one run
    # The same data read without the cache gives the same hash.
    tanpa = _tulis_semua(WANGGAR, tmp_path / "b", "--tanpa-cache")
    assert _sidik(tanpa["evaluasi-2025.json"]) == sidik


def test_sidik_data_berubah_bila_satu_masukan_berubah(tmp_path: Path) -> None:
    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)

    def sidik() -> str:
        hasil = runner.invoke(app, ["evaluasi", str(ruang), "--periode", "2025", "--json", *TGL])
        assert hasil.exit_code == 0, hasil.output
        return str(json.loads(hasil.stdout)["sidik_data"])

    awal = sidik()
    lap = ruang / "laporan" / "2025-07.yaml"
    lap.write_text(lap.read_text(encoding="utf-8") + "\n# dicek ulang\n", encoding="utf-8")
    diubah = sidik()
    assert diubah != awal
    (ruang / "pelatihan.yaml").unlink()
    assert sidik() not in {awal, diubah}


def test_dasar_kebijakan_lokal_dan_sumber_setiap_ketentuan(tmp_path: Path) -> None:
    dokumen = _tulis_semua(WANGGAR, tmp_path / "a")
    md = dokumen["evaluasi-2025.md"]
    assert "Peraturan Menteri PANRB Nomor 6 Tahun 2022" in md
    assert "Peraturan Bupati Nabire Nomor 7 Tahun 2025" in md
    assert ("| Ambang rating hasil kerja | di atas ≥ 110%, sesuai ≥ 90% | kebijakan instansi "
            "(Peraturan Bupati Nabire Nomor 7 Tahun 2025) |") in md  # fmt: skip
    assert "| Predikat kinerja dari rating hasil kerja dan perilaku kerja | matriks 3 × 3 | " \
           "PermenPAN-RB 6/2022, Lampiran |" in md  # fmt: skip
    assert "Pejabat Penilai Kinerja yang menetapkannya" in md
    for nama in ("evaluasi-2025.html", "lampiran-sk-2025.md"):
        assert "Peraturan Bupati Nabire Nomor 7 Tahun 2025" in dokumen[nama], nama
    rapor = next(t for n, t in dokumen.items() if n.startswith("rapor-2025/"))
    assert "Peraturan Bupati Nabire Nomor 7 Tahun 2025" in rapor
    data = json.loads(dokumen["evaluasi-2025.json"])
    assert data["dasar"]["kebijakan"] == "Peraturan Bupati Nabire Nomor 7 Tahun 2025"


def test_tanpa_dasar_kebijakan_dokumen_mengatakannya(tmp_path: Path) -> None:
    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    k = ruang / "kebijakan.yaml"
    k.write_text(
        re.sub(r"(?m)^dasar_kebijakan:.*\n", "", k.read_text(encoding="utf-8")), encoding="utf-8"
    )
    md = _tulis_semua(ruang, tmp_path / "a")["evaluasi-2025.md"]
    assert "ketentuan instansi: belum dicantumkan (isi dasar_kebijakan di kebijakan.yaml)" in md
    assert "| kebijakan instansi |" in md


def test_kop_dibuat_oleh_dan_mengetahui(tmp_path: Path) -> None:
    dokumen = _tulis_semua(WANGGAR, tmp_path / "a")
    md = dokumen["evaluasi-2025.md"]
    assert md.startswith(
        "**PEMERINTAH KABUPATEN NABIRE**  \n**BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA "
        "MANUSIA**  \nJl. Merdeka, Nabire, Papua Tengah (alamat contoh)\n"
    )
    assert "Dibuat oleh,  \nPengelola Data Kepegawaian\n\n&nbsp;\n\n**Yoel Nawipa, A.Md.**" in md
    assert "Mengetahui,  \nKepala BKPSDM Kabupaten Nabire" in md
    html = dokumen["evaluasi-2025.html"]
    assert '<div class="kop-pemerintah">PEMERINTAH KABUPATEN NABIRE</div>' in html
    assert "Dibuat oleh,<br>Pengelola Data Kepegawaian" in html and "Mengetahui," in html
    rapor = next(t for n, t in dokumen.items() if n.startswith("rapor-2025/"))
    assert '<div class="kop-instansi">BADAN KEPEGAWAIAN' in rapor


_PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5c9a0cf0000000049454e44ae426082"
)


def test_logo_kop_tertanam_dan_ikut_sidik(tmp_path: Path) -> None:
    """logo.png in the workspace is embedded in every document as data (nothing fetched),
    left out of JSON, and part of the data hash: a new logo is a new document."""
    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    (ruang / "logo.png").write_bytes(_PNG_1X1)
    dokumen = _tulis_semua(ruang, tmp_path / "a")
    html = dokumen["evaluasi-2025.html"]
    assert '<img class="kop-logo" src="data:image/png;base64,iVBORw0KGgo' in html
    rapor = next(t for n, t in dokumen.items() if n.startswith("rapor-2025/"))
    assert "data:image/png;base64," in rapor
    assert "base64" not in dokumen["evaluasi-2025.json"]
    sidik_awal = _sidik(dokumen["evaluasi-2025.json"])
    assert sidik_awal != _sidik(_tulis_semua(WANGGAR, tmp_path / "b")["evaluasi-2025.json"])
    (ruang / "logo.png").write_bytes(_PNG_1X1 + b"\0")  # a changed logo, result kept before
    baru = _tulis_semua(ruang, tmp_path / "c")
    assert _sidik(baru["evaluasi-2025.json"]) != sidik_awal
    assert "iVBORw0KGgo" in baru["evaluasi-2025.html"]


def test_logo_terlalu_besar_galat(tmp_path: Path) -> None:
    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    (ruang / "logo.png").write_bytes(_PNG_1X1 + b"\0" * (3 * 1024 * 1024))
    hasil = runner.invoke(app, ["periksa", str(ruang)])
    assert hasil.exit_code == 1
    assert "logo.png: galat: logo lebih dari 2 MB; perkecil gambarnya" in hasil.output
