"""The documents in a real browser: headless Chromium (Debian's `chromium`) prints them to
PDF and lays them out at the A4 page's width.

Checked: no console error and no network request; no element wider than the A4 page's
printable width (180 mm with 15 mm margins); no heading left as the last line of a page;
one landscape A4 page per certificate; the meeting's summary for 5,000 employees within 4
pages. Without a Chromium these tests are skipped, except in CI (`.ci/run` installs one and
sets ASNKINERJA_WAJIB_PERAMBAN=1, so a missing browser fails).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import WANGGAR

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]
LEBAR_A4_CETAK = 680  # CSS px: (210 mm - 2 x 15 mm) at 96 px per inch


def _peramban() -> str:
    """The browser `--pdf` would use (`sajian.pdf.cari_peramban`)."""
    from asnkinerja.sajian.pdf import cari_peramban

    jalur = cari_peramban()
    if jalur:
        return jalur
    if os.environ.get("ASNKINERJA_WAJIB_PERAMBAN") == "1":
        pytest.fail("Chromium tidak ditemukan, padahal CI memasangnya")
    pytest.skip("Chromium tidak terpasang (apt-get install chromium)")


def _jalankan(*argumen: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_peramban(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-features=Translate,OptimizationHints,MediaRouter",
         "--host-resolver-rules=MAP * ~NOTFOUND", *argumen],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=180,
        check=False,
    )  # fmt: skip


def cetak_pdf(berkas: Path) -> tuple[PdfReader, str, list[str]]:
    """The document printed to PDF as the browser prints it, the browser's log, and every
    URL fetched other than the document itself (from Chromium's network log)."""
    pdf = berkas.with_suffix(".pdf")
    jaring = berkas.with_suffix(".netlog.json")
    hasil = _jalankan(f"--log-net-log={jaring}", "--no-pdf-header-footer",
                      f"--print-to-pdf={pdf}", berkas.as_uri())  # fmt: skip
    assert pdf.is_file(), hasil.stderr[-2000:]
    return PdfReader(pdf), hasil.stderr, _diambil(jaring)


# What Chromium itself asks for in the background, whatever the page: not the document's.
_LATAR = ("https://accounts.google.com/ListAccounts", "http://clients2.google.com/time/",
          "https://update.googleapis.com/service/", "http://update.googleapis.com/service/",
          "https://redirector.gvt1.com/edgedl/chrome/dict/",
          "https://translate.googleapis.com/translate_a/")  # fmt: skip


def _diambil(jaring: Path) -> list[str]:
    urls = {
        str(e["params"]["url"])
        for e in json.loads(jaring.read_text(encoding="utf-8"))["events"]
        if isinstance(e.get("params"), dict) and "url" in e["params"]
    }
    return sorted(
        u for u in urls if not u.startswith(("file:", "data:", "chrome:")) and not
        u.startswith(_LATAR)
    )  # fmt: skip


# Applies the document's print rules on screen (without @page), then lists the elements
# that reach past the page's width into data-lebar on <body>.
_UKUR = """<script>
addEventListener('load', () => {
  for (const sh of document.styleSheets) {
    for (const r of [...sh.cssRules]) {
      if (r.media && r.media.mediaText.includes('print')) {
        for (const x of r.cssRules) {
          if (!(x instanceof CSSPageRule)) sh.insertRule(x.cssText, sh.cssRules.length);
        }
      }
    }
  }
  const W = document.documentElement.clientWidth;
  const lebar = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > W + 1)
    .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40));
  document.body.setAttribute('data-lebar', JSON.stringify(lebar));
});
</script>"""


def terlalu_lebar(berkas: Path) -> list[str]:
    """Elements wider than the A4 page's printable width, laid out with the print rules."""
    uji = berkas.with_name(berkas.stem + "-ukur.html")
    uji.write_text(berkas.read_text(encoding="utf-8").replace("</body>", _UKUR + "</body>"),
                   encoding="utf-8")  # fmt: skip
    hasil = _jalankan(f"--window-size={LEBAR_A4_CETAK},1200", "--virtual-time-budget=3000",
                      "--dump-dom", uji.as_uri())  # fmt: skip
    cocok = re.search(r'data-lebar="([^"]*)"', hasil.stdout)
    assert cocok, hasil.stderr[-2000:]
    return list(json.loads(html.unescape(cocok.group(1))))


def galat_konsol(log: str) -> list[str]:
    """Console messages and script errors the browser logged."""
    return [b for b in log.splitlines() if ":CONSOLE" in b or "Uncaught" in b]


def judul_di_kaki(pdf: PdfReader, berkas: Path) -> list[str]:
    """Headings that are the last line of a page (a heading left alone at its foot)."""
    judul = {
        html.unescape(re.sub(r"<[^>]+>", "", j)).strip()
        for j in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", berkas.read_text(encoding="utf-8"))
    }
    hasil = []
    for i, halaman in enumerate(pdf.pages[:-1], start=1):
        baris = [b.strip() for b in (halaman.extract_text() or "").splitlines() if b.strip()]
        if baris and baris[-1] in judul:
            hasil.append(f"halaman {i}: {baris[-1]}")
    return hasil


# A rapor's small tables, by their heading and their last row: each on one page.
TABEL_RAPOR = (("Pegawai yang Dinilai", "Unit Kerja"), ("Pejabat Penilai Kinerja", "Unit Kerja"),
               ("Atasan Pejabat Penilai Kinerja", "Unit Kerja"),
               ("Predikat Kinerja Pegawai", "Laporan berkala"))  # fmt: skip


def tabel_terbelah(pdf: PdfReader) -> list[str]:
    """The rapor tables (heading to last row) that run over a page break."""
    teks = "\f".join(h.extract_text() or "" for h in pdf.pages)
    hasil = []
    for judul, akhir in TABEL_RAPOR:
        i = teks.find(judul)
        j = teks.find(akhir, i)
        if i >= 0 and j >= 0 and "\f" in teks[i:j]:
            hasil.append(judul)
    return hasil


@pytest.fixture(scope="module")
def dokumen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keluar = tmp_path_factory.mktemp("dokumen")
    for argumen in (["evaluasi", "--format", "html", "--rapor"],
                    ["penghargaan", "--format", "html"], ["sertifikat"]):  # fmt: skip
        hasil = runner.invoke(app, [*argumen, str(WANGGAR), "--periode", "2025", "--keluaran",
                                    str(keluar), *TGL])  # fmt: skip
        assert hasil.exit_code == 0, hasil.output
    return keluar


DOKUMEN = ["evaluasi-2025.html", "lampiran-evaluasi-2025.html", "lampiran-sk-2025.html",
           "rapor-2025/196812011993031001.html", "rapor-2025/198609262010052004.html"]  # fmt: skip


@pytest.mark.parametrize("nama", DOKUMEN)
def test_dokumen_tercetak_rapi_tanpa_galat(dokumen: Path, nama: str) -> None:
    berkas = dokumen / nama
    pdf, log, diambil = cetak_pdf(berkas)
    assert galat_konsol(log) == [] and diambil == []
    assert terlalu_lebar(berkas) == []
    assert judul_di_kaki(pdf, berkas) == []
    if nama.startswith("rapor"):
        assert tabel_terbelah(pdf) == []
    if nama == "evaluasi-2025.html":  # the meeting's summary
        assert len(pdf.pages) <= 4
    for halaman in pdf.pages:  # A4 portrait
        assert (round(float(halaman.mediabox.width)), round(float(halaman.mediabox.height))) \
            == (595, 842)  # fmt: skip


def test_satu_halaman_a4_mendatar_per_piagam(dokumen: Path) -> None:
    piagam = sorted((dokumen / "sertifikat-2025").glob("*.html"))
    assert len(piagam) == 3  # one per awardee
    for berkas in piagam:
        pdf, log, diambil = cetak_pdf(berkas)
        assert galat_konsol(log) == [] and diambil == []
        assert len(pdf.pages) == 1, berkas.name
        h = pdf.pages[0]
        assert (round(float(h.mediabox.width)), round(float(h.mediabox.height))) == (842, 595)


def test_pemeriksaan_dapat_gagal(tmp_path: Path) -> None:
    """Each check catches what it is for: a fetched image, a too-wide table, a heading
    left at the foot of a page."""
    rusak = tmp_path / "rusak.html"
    rusak.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>@media print {'
        "@page { size: A4; margin: 15mm; } }</style></head><body>"
        '<img src="http://contoh.invalid/logo.png"><script>console.error("rusak")</script>'
        '<table style="width:1200px"><tr><td>lebar</td></tr></table>'
        '<div style="height:930px"></div><h2>Judul Sendirian</h2>'
        '<div style="break-before: page">isi</div></body></html>',
        encoding="utf-8",
    )
    pdf, log, diambil = cetak_pdf(rusak)
    assert galat_konsol(log) != []
    assert diambil == ["http://contoh.invalid/logo.png"]
    assert any(x.startswith("TABLE") for x in terlalu_lebar(rusak))
    assert judul_di_kaki(pdf, rusak) == ["halaman 1: Judul Sendirian"]


def test_ringkasan_5000_pegawai_paling_banyak_4_halaman(tmp_path: Path) -> None:
    ruang = tmp_path / "w1"
    hasil = runner.invoke(app, ["contoh", str(ruang), "--pegawai", "5000"])
    assert hasil.exit_code == 0, hasil.output
    keluar = tmp_path / "hasil"
    hasil = runner.invoke(app, ["evaluasi", str(ruang), "--periode", "2025", "--format", "html",
                                "--keluaran", str(keluar), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    berkas = keluar / "evaluasi-2025.html"
    pdf, log, diambil = cetak_pdf(berkas)
    assert galat_konsol(log) == [] and diambil == []
    assert len(pdf.pages) <= 4
    assert terlalu_lebar(berkas) == []


def test_pdf_dengan_peramban_komputer_ini(tmp_path: Path) -> None:
    _peramban()
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--pdf",
                                "--keluaran", str(tmp_path), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    for nama in ("evaluasi-2025", "lampiran-evaluasi-2025"):
        assert (tmp_path / f"{nama}.html").is_file()
        pdf = PdfReader(tmp_path / f"{nama}.pdf")
        assert len(pdf.pages) >= 1
        assert "Evaluasi Kinerja ASN" in (pdf.pages[0].extract_text() or "")


def test_pdf_tanpa_peramban_mengatakan_caranya(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asnkinerja.sajian import pdf

    monkeypatch.setattr(pdf, "cari_peramban", lambda: None)
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--pdf",
                                "--keluaran", str(tmp_path), *TGL])  # fmt: skip
    assert hasil.exit_code == 1
    assert (
        "galat: tidak ada Chromium, Chrome atau Edge untuk membuat PDF; buka berkas "
        "HTML-nya di peramban lalu pilih Cetak → Simpan sebagai PDF"
    ) in hasil.output
    assert (tmp_path / "evaluasi-2025.html").is_file()  # the HTML is there to print by hand
    assert not list(tmp_path.glob("*.pdf"))


def test_logo_kop_tidak_diambil_dari_jaringan(tmp_path: Path) -> None:
    from test_dokumen import _PNG_1X1

    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    (ruang / "logo.png").write_bytes(_PNG_1X1)
    hasil = runner.invoke(app, ["evaluasi", str(ruang), "--periode", "2025", "--format", "html",
                                "--keluaran", str(tmp_path / "h"), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    pdf, log, diambil = cetak_pdf(tmp_path / "h" / "evaluasi-2025.html")
    assert galat_konsol(log) == [] and diambil == []
    assert len(pdf.pages[0].images) == 1  # the logo, printed


def test_pdf_tidak_dapat_ditulis_pesan_jelas(tmp_path: Path) -> None:
    _peramban()
    (tmp_path / "evaluasi-2025.pdf").mkdir()  # in the way, as a PDF open in a viewer is
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--pdf",
                                "--keluaran", str(tmp_path), *TGL])  # fmt: skip
    assert hasil.exit_code == 1
    assert "evaluasi-2025.pdf tidak dapat ditulis" in hasil.output
    assert "tutup berkas itu bila sedang dibuka" in hasil.output
