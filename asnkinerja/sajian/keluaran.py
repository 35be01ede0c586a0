"""What the commands hand back: report texts and the names of the files they go to.

Rendering returns strings; the command line writes them (`tulis.Penulis`, atomic).
"""

from __future__ import annotations

import re
from typing import Any

from asnkinerja.errors import PeriodeSalah, PilihanSalah
from asnkinerja.inti.evaluasi import HasilEvaluasi
from asnkinerja.masalah import Lokasi, maksudnya, mirip
from asnkinerja.sajian import jelaskan
from asnkinerja.sajian.penyaji import Penyaji
from asnkinerja.sajian.rapor import rapor as data_rapor

FORMAT = ("md", "html", "json")
FORMAT_EVALUASI = (*FORMAT, "xlsx")  # evaluasi also writes a workbook


def urai_format(teks: str | None, pilihan: tuple[str, ...] = FORMAT) -> list[str]:
    """`md,html` -> ["md", "html"]; an unknown format is a usage error."""
    if not teks:
        return []
    hasil = []
    for f in (x.strip().lower() for x in teks.split(",")):
        if f not in pilihan:
            raise PilihanSalah(f'format "{f}" tidak dikenal; pilih dari: {", ".join(pilihan)}')
        if f not in hasil:
            hasil.append(f)
    return hasil


def sajikan(hasil: HasilEvaluasi, samarkan: bool, ringkas: bool = False) -> dict[str, Any]:
    """The presentation every output of one run shares: build it once per run.

    `ringkas`: for the terminal summary alone (see `Penyaji.data`).
    """
    return Penyaji(hasil, samarkan).data(ringkas)


def laporan(
    hasil: HasilEvaluasi, fmt: str, samarkan: bool, data: dict[str, Any] | None = None
) -> str:
    """One report as text: md, html or json (`data`: the presentation, if already made)."""
    from asnkinerja.sajian import render  # Jinja2 only for commands that write

    data = data if data is not None else sajikan(hasil, samarkan)
    if fmt == "json":
        return render.ke_teks_json(data)
    return render.render(f"evaluasi.{fmt}.j2", data)


def buku_kerja(hasil: HasilEvaluasi, samarkan: bool, data: dict[str, Any] | None = None) -> bytes:
    """The evaluation as an XLSX workbook (`sajian.buku`)."""
    from asnkinerja.sajian import buku

    return buku.xlsx(data if data is not None else sajikan(hasil, samarkan))


def csv_pegawai(hasil: HasilEvaluasi, samarkan: bool) -> bytes:
    """The employee table as CSV for Excel (`sajian.buku`)."""
    from asnkinerja.sajian import buku

    return buku.csv_pegawai(sajikan(hasil, samarkan))


def ekspor(hasil: HasilEvaluasi, akhiran: str, samarkan: bool) -> str | bytes:
    """What `asnkinerja ekspor` writes for a file ending in `akhiran` (`AKHIRAN_EKSPOR`)."""
    if akhiran == ".xlsx":
        return buku_kerja(hasil, samarkan)
    if akhiran == ".csv":
        return csv_pegawai(hasil, samarkan)
    return laporan(hasil, "json", samarkan)


AKHIRAN_EKSPOR = (".xlsx", ".csv", ".json")


def lampiran(
    hasil: HasilEvaluasi, fmt: str, samarkan: bool, data: dict[str, Any] | None = None
) -> str:
    """The report's annex (md or html): every list the meeting's summary only counts."""
    from asnkinerja.sajian import render  # Jinja2 only for commands that write

    data = data if data is not None else sajikan(hasil, samarkan)
    return render.render(f"lampiran-evaluasi.{fmt}.j2", data)


def rapor(
    hasil: HasilEvaluasi, samarkan: bool, data: dict[str, Any] | None = None
) -> list[tuple[str, str]]:
    """One report card per employee: (file name, HTML). Names never leak via file names."""
    from asnkinerja.sajian import render  # Jinja2 only for commands that write

    penyaji = Penyaji(hasil, samarkan)
    data = data if data is not None else penyaji.data()
    hasil_rapor = []
    for i, h in enumerate(hasil.pegawai, start=1):
        nama = f"rapor/{i:03d}.html" if samarkan else f"rapor/{h.nip}.html"
        teks = render.render("rapor.html.j2", {**data, "p": data_rapor(penyaji, h)})
        hasil_rapor.append((nama, teks))
    return hasil_rapor


def berkas_laporan(
    hasil: HasilEvaluasi,
    format_list: list[str],
    samarkan: bool,
    dengan_rapor: bool,
    data: dict[str, Any] | None = None,
    bagian: tuple[str, ...] = (),
) -> list[tuple[str, str | bytes]]:
    """The reports `evaluasi --format/--rapor` writes: (file name, text). `bagian`: the
    units of an OPD's own report, named in its files."""
    if not (format_list or dengan_rapor):
        return []
    akhiran = akhiran_nama(bagian, samarkan)
    data = data if data is not None else sajikan(hasil, samarkan)
    kode = hasil.periode.kode()
    berkas: list[tuple[str, str | bytes]] = []
    for fmt in format_list:
        if fmt == "xlsx":
            berkas.append((f"evaluasi-{kode}{akhiran}.xlsx", buku_kerja(hasil, samarkan, data)))
            continue
        # The meeting's summary, and (md, html) the annex with every list.
        berkas.append((f"evaluasi-{kode}{akhiran}.{fmt}", laporan(hasil, fmt, samarkan, data)))
        if fmt != "json":
            berkas.append(
                (f"lampiran-evaluasi-{kode}{akhiran}.{fmt}", lampiran(hasil, fmt, samarkan, data))
            )
    if dengan_rapor:
        for nama, teks in rapor(hasil, samarkan, data):
            folder, isi = nama.split("/")
            berkas.append((f"{folder}-{hasil.periode.kode()}{akhiran}/{isi}", teks))
    return berkas


def penjelasan(
    hasil: HasilEvaluasi, nip: str, tempat: jelaskan.Tempat, kebijakan: Lokasi | None
) -> list[str]:
    """The `jelaskan` lines for one NIP; an unknown NIP is a usage error with suggestions.

    `tempat` writes a record's location as `berkas:baris`; `kebijakan`: where the policy is.
    """
    cocok = [h for h in hasil.pegawai if h.nip == nip]
    if not cocok:
        semua = list(hasil.roster)
        if nip in semua:
            p = hasil.roster[nip]
            if not p.aktif:
                raise PilihanSalah(f"pegawai {nip} tidak aktif (aktif: false); tidak dievaluasi")
            raise PilihanSalah(
                f"pegawai {nip} belum mulai bekerja pada {hasil.periode.label()} "
                "(lihat tmt_cpns); tidak dievaluasi untuk periode ini"
            )
        saran = maksudnya(mirip(nip, semua, n=3, cutoff=0.7), kutip=False)
        raise PilihanSalah(f"NIP {nip} tidak ada di daftar pegawai{saran}")
    return jelaskan.langkah(hasil, cocok[0], tempat, kebijakan)


def akhiran_nama(unit: tuple[str, ...] = (), samarkan: bool = False) -> str:
    """What a written file's name carries after its period: the units of an OPD's own
    report (safe in a file name) and `-samar` for masked output."""
    return "".join(f"-{_aman(u).lower()}" for u in dict.fromkeys(unit)) + (
        "-samar" if samarkan else ""
    )


def _periode_penghargaan(hasil: HasilEvaluasi, dokumen: str) -> None:
    """Award documents belong to the award period the policy names."""
    ph = hasil.penghargaan
    if ph is not None and not ph.berinsentif:
        contoh = {"tahunan": str(hasil.periode.tahun)}.get(ph.periode_penghargaan)
        raise PeriodeSalah(
            f"{dokumen} hanya untuk periode penghargaan ({ph.periode_penghargaan}, "
            f"kebijakan penghargaan.periode), bukan {hasil.periode.label()}"
            + (f"; pakai --periode {contoh}" if contoh else "")
        )


def _aman(teks: str) -> str:
    """A file name from a NIP or code: letters, digits and dashes only."""
    return re.sub(r"[^0-9A-Za-z-]+", "-", teks).strip("-") or "x"


def berkas_penghargaan(
    hasil: HasilEvaluasi, format_list: list[str], samarkan: bool
) -> list[tuple[str, str]]:
    """The Lampiran of the draft decree (SK penetapan): (file name, Markdown/HTML/JSON).
    Only for the policy's award period (`errors.PeriodeSalah` otherwise)."""
    from asnkinerja.sajian import render  # Jinja2 only for commands that write

    _periode_penghargaan(hasil, "lampiran SK")
    berkas = []
    data = sajikan(hasil, samarkan)
    akhiran = akhiran_nama((), samarkan)
    for fmt in format_list:
        if fmt == "json":
            teks = render.ke_teks_json(
                {
                    k: data[k]
                    for k in (
                        "periode",
                        "instansi",
                        "penghargaan",
                        "insentif",
                        "nyaris",
                        "dasar",
                        "sidik_data",
                        "versi",
                    )
                }
            )
        else:
            teks = render.render(f"lampiran-sk.{fmt}.j2", data)
        berkas.append((f"lampiran-sk-{_aman(hasil.periode.kode())}{akhiran}.{fmt}", teks))
    return berkas


def sertifikat(hasil: HasilEvaluasi, samarkan: bool) -> list[tuple[str, str]]:
    """One printable certificate (A4 landscape) per awardee: (file name, HTML). Only for
    the policy's award period (`errors.PeriodeSalah` otherwise)."""
    from asnkinerja.sajian import render  # Jinja2 only for commands that write

    _periode_penghargaan(hasil, "piagam")
    data = sajikan(hasil, samarkan)
    folder = f"sertifikat-{_aman(hasil.periode.kode())}{akhiran_nama((), samarkan)}"
    hasil_berkas = []
    for i, p in enumerate(data["penghargaan"], start=1):
        nama = f"{i:03d}" if samarkan else _aman(p["nip"])
        teks = render.render("sertifikat.html.j2", {**data, "p": p})
        hasil_berkas.append((f"{folder}/{nama}.html", teks))
    return hasil_berkas
