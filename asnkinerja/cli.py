"""The command line: a thin shell over `asnkinerja.api`.

Each command parses its options, makes one `api` call, prints to the console or
renders, and writes what it gets back; the project's errors become exit codes
(0 all good, 1 problems in the data, 2 wrong usage). The process around it (UTF-8
streams, usage errors in Bahasa Indonesia) is `masuk`'s. Heavy modules are imported
inside the commands so that `asnkinerja --help` starts fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asnkinerja.bantuan import Kelompok, Perintah
from asnkinerja.cli_umum import (
    BukaOpt,
    FolderArg,
    KeluaranOpt,
    PeriodeOpt,
    SamarkanOpt,
    TanggalOpt,
    TanpaCacheOpt,
    UnitOpt,
    catat_peringatan,
    cetak_pdf,
    evaluasi_atau_keluar,
    hasil_atau_keluar,
    keluar_karena_galat,
    tangani,
    tanggal_dari,
    tulis,
    urai_format,
)
from asnkinerja.versi import __version__

app = typer.Typer(
    name="asnkinerja",
    cls=Kelompok,
    help=(
        "Evaluasi kinerja ASN (PermenPAN-RB 6/2022) dari folder berkas YAML: pegawai, "
        "laporan berkala, pengembangan kompetensi dan kebijakan instansi."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _versi(nilai: bool) -> None:
    if nilai:
        typer.echo(f"asnkinerja {__version__}")
        raise typer.Exit()


@app.callback()
def utama(
    versi: Annotated[
        bool,
        typer.Option(
            "--versi",
            "--version",
            "-V",
            callback=_versi,
            is_eager=True,
            help="Tampilkan versi lalu keluar.",
        ),
    ] = False,
) -> None:
    """Evaluasi kinerja ASN dari folder berkas YAML."""


@app.command(cls=Perintah)
@tangani
def periksa(
    folder: FolderArg = Path(),
    json_: Annotated[
        bool,
        typer.Option("--json", help="Cetak hasil sebagai JSON saja (untuk program lain)."),
    ] = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Periksa semua berkas ruang kerja dan tampilkan SEMUA masalahnya.

    Setiap masalah ditulis sebagai berkas:baris:kolom: tingkat: pesan. Kode keluar 0
    bila tidak ada galat (peringatan boleh), 1 bila ada galat, 2 bila perintah salah.

    Contoh: asnkinerja periksa data/wanggar
    """
    from asnkinerja import api, masalah
    from asnkinerja.sajian import console
    from asnkinerja.sajian import progres as progres_

    with progres_.ProgresMuat(not json_, sesudah="Memeriksa") as progres:
        hasil = api.periksa(folder, tanggal_dari(tanggal), pakai_cache=not tanpa_cache,
                            progres=progres)  # fmt: skip
    daftar = hasil.masalah
    if json_:
        typer.echo(masalah.sebagai_json(daftar))
    else:
        console.cetak_masalah(daftar)
        console.pesan(
            f"Diperiksa {hasil.berkas} berkas: {hasil.pegawai} pegawai, "
            f"{hasil.laporan} laporan, {hasil.pelatihan} kegiatan pengembangan. "
            + masalah.ringkasan(daftar),
            "bold red" if masalah.ada_galat(daftar) else "bold green",
        )
    if masalah.ada_galat(daftar):
        raise typer.Exit(1)


@app.command(cls=Perintah)
@tangani
def evaluasi(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Tulis laporan: md, html, json, xlsx (pisahkan dengan koma).",
        ),
    ] = None,
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            "-o",
            metavar="FOLDER",
            help="Folder laporan; bawaan hasil/ di ruang kerja.",
        ),
    ] = None,
    json_: Annotated[
        bool, typer.Option("--json", help="Cetak seluruh hasil sebagai satu objek JSON.")
    ] = False,
    samarkan: Annotated[
        bool,
        typer.Option("--samarkan", help="Samarkan nama (inisial) dan NIP di semua keluaran."),
    ] = False,
    rapor: Annotated[
        bool, typer.Option("--rapor", help="Tulis juga rapor kinerja per pegawai (HTML).")
    ] = False,
    pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Cetak juga laporan HTML menjadi PDF (butuh Chromium, Chrome atau Edge di "
            "komputer ini).",
        ),
    ] = False,
    buka: BukaOpt = False,
    unit: UnitOpt = None,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Hitung predikat kinerja setiap pegawai dan ringkasan unit untuk satu periode.

    Menolak ruang kerja yang masih punya galat (jalankan periksa dulu).

    Contoh: asnkinerja evaluasi data/wanggar --periode 2025 --format md,html,json
    """
    from asnkinerja import api
    from asnkinerja.sajian import console, layar
    from asnkinerja.sajian import progres as progres_

    format_list = urai_format(format_, buku_kerja=True)
    if pdf and "html" not in format_list:
        format_list.append("html")  # the PDF is printed from the HTML
    with progres_.ProgresMuat(not json_) as progres:
        hasil = api.keluaran_evaluasi(
            folder, periode, tanggal_dari(tanggal), samarkan=samarkan, json=json_,
            format_list=tuple(format_list), rapor=rapor, unit=tuple(unit or ()),
            pakai_cache=not tanpa_cache, progres=progres,
        )  # fmt: skip
    if hasil.galat:
        keluar_karena_galat(hasil.galat, samarkan)
    if hasil.json is not None:
        typer.echo(hasil.json, nl=False)
    else:
        layar.ringkasan_evaluasi(hasil.layar)
    catat_peringatan(hasil.peringatan, folder)
    if hasil.berkas or hasil.biner:
        tujuan = keluaran if keluaran is not None else folder / "hasil"
        konsol = console.galat_konsol if json_ else console.keluar
        tulis([*hasil.berkas, *hasil.biner], tujuan, konsol, batas=6)
        if pdf:
            cetak_pdf([nama for nama, _ in hasil.berkas if "/" not in nama], tujuan, konsol)
        if buka:
            from asnkinerja.sajian.buka import buka_utama

            buka_utama([n for n, _ in [*hasil.berkas, *hasil.biner]], tujuan, pdf)


@app.command(cls=Perintah)
@tangani
def jelaskan(
    nip: Annotated[str, typer.Argument(metavar="NIP", help="NIP pegawai yang dijelaskan.")],
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Jelaskan setiap langkah penilaian satu pegawai, dengan berkas:baris sumber tiap angka.

    Contoh: asnkinerja jelaskan 198609262010052004 data/wanggar --periode 2025
    """
    from asnkinerja import api
    from asnkinerja.sajian import console

    ev = evaluasi_atau_keluar(folder, periode, tanggal, tanpa_cache=tanpa_cache)
    for baris in api.jelaskan(ev, nip):
        console.pesan(baris)


@app.command(cls=Perintah)
@tangani
def penghargaan(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="Tulis Lampiran draf SK penetapan: md, html, json.",
        ),
    ] = None,
    keluaran: KeluaranOpt = None,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Daftar calon penerima penghargaan (ASN teladan) dengan insentif yang tepat.

    Syarat, kuota dan anggaran dari kebijakan.yaml (bagian penghargaan). Menampilkan
    juga yang "nyaris" beserta semua alasan tidak memenuhi syarat.

    Contoh: asnkinerja penghargaan data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console, layar
    from asnkinerja.sajian import keluaran as kel

    format_list = urai_format(format_)
    hasil = hasil_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache)
    assert hasil.penghargaan is not None
    layar.ringkasan_penghargaan(hasil, hasil.penghargaan, samarkan)
    if format_list:
        tujuan = keluaran if keluaran is not None else folder / "hasil"
        tulis(kel.berkas_penghargaan(hasil, format_list, samarkan), tujuan, console.keluar)


@app.command(cls=Perintah)
@tangani
def ekspor(
    folder: FolderArg = Path(),
    ke: Annotated[
        Path | None,
        typer.Option(
            "--ke",
            metavar="BERKAS",
            help="Berkas tujuan; bentuknya dari akhiran: .xlsx (buku kerja), .csv (tabel "
            "pegawai untuk Excel) atau .json. Bawaan: hasil/evaluasi-<periode>.xlsx di ruang "
            "kerja.",
        ),
    ] = None,
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    buka: BukaOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Ekspor hasil evaluasi ke buku kerja Excel, CSV atau JSON.

    Buku kerja: lembar Pegawai, Unit, Kurva, Penghargaan, Nyaris, Pembayaran (untuk BPKAD),
    Mentoring, Pengembangan dan Keterangan (dasar dan sidik data).

    Contoh: asnkinerja ekspor data/wanggar --periode 2025 --ke hasil/evaluasi-2025.xlsx
    """
    from asnkinerja.errors import PilihanSalah
    from asnkinerja.sajian import console
    from asnkinerja.sajian import keluaran as kel

    akhiran = ke.suffix.lower() if ke is not None else ".xlsx"
    if akhiran not in kel.AKHIRAN_EKSPOR:
        raise PilihanSalah(
            f"akhiran {akhiran or '(kosong)'} tidak dikenal untuk --ke; pakai .xlsx, .csv "
            "atau .json"
        )
    hasil = hasil_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache)
    if ke is None:
        ke = (
            folder
            / "hasil"
            / f"evaluasi-{hasil.periode.kode()}{kel.akhiran_nama((), samarkan)}.xlsx"
        )
    tulis([(ke.name, kel.ekspor(hasil, akhiran, samarkan))], ke.parent, console.keluar)
    if buka:
        from asnkinerja.sajian.buka import buka as buka_berkas

        buka_berkas(ke)


@app.command(cls=Perintah)
@tangani
def templat(
    jenis: Annotated[
        str, typer.Argument(metavar="JENIS", help="Jenis formulir: laporan, pegawai, pelatihan.")
    ],
    folder: FolderArg = Path(),
    periode: Annotated[
        str,
        typer.Option(
            "--periode",
            "-p",
            metavar="PERIODE",
            help="Periode laporan yang akan diisi, mis. 2026-01.",
        ),
    ] = "",
    ke: Annotated[
        Path | None,
        typer.Option(
            "--ke",
            metavar="BERKAS",
            help="Berkas tujuan (.xlsx); bawaan hasil/formulir-laporan-<periode>.xlsx.",
        ),
    ] = None,
    unit: UnitOpt = None,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Tulis formulir Excel untuk diisi OPD: satu lembar per unit, setiap pegawai dengan
    indikator dan target laporan sebelumnya, kolom realisasi, tantangan, rencana
    perbaikan, nilai BerAKHLAK dan umpan balik; kolom kunci terkunci dan isian divalidasi.

    Contoh: asnkinerja templat laporan data/wanggar --periode 2026-01 --unit Bappeda
    """  # fmt: skip
    from asnkinerja import api
    from asnkinerja.errors import PilihanSalah
    from asnkinerja.sajian import console

    if ke is not None and ke.suffix.lower() != ".xlsx":
        raise PilihanSalah(f"--ke harus berkas .xlsx, bukan {ke.name}")
    hari = tanggal_dari(tanggal)
    isi, masalah, nama = api.templat(
        jenis, folder, periode, tuple(unit or ()), hari, pakai_cache=not tanpa_cache
    )
    if isi is None:
        keluar_karena_galat(masalah, False)
    ke = ke or folder / "hasil" / nama
    tulis([(ke.name, isi)], ke.parent, console.keluar)


@app.command(cls=Perintah)
@tangani
def impor(
    jenis: Annotated[
        str, typer.Argument(metavar="JENIS", help="Yang diimpor: pegawai, laporan, pelatihan.")
    ],
    berkas: Annotated[
        Path,
        typer.Argument(metavar="BERKAS", help="Buku kerja Excel (.xlsx) atau CSV yang diimpor."),
    ],
    folder: FolderArg = Path(),
    peta: Annotated[
        Path | None,
        typer.Option(
            "--peta",
            metavar="PETA.yaml",
            help='Judul kolom lain dan artinya, satu per baris, mis. "NO. INDUK": nip.',
        ),
    ] = None,
    lembar: Annotated[
        str | None,
        typer.Option("--lembar", metavar="NAMA", help="Baca lembar ini saja."),
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option(
            "--periode",
            "-p",
            metavar="PERIODE",
            help="Periode laporan bila berkas tidak punya kolom Periode, mis. 2026-01.",
        ),
    ] = None,
    coba: Annotated[
        bool,
        typer.Option("--coba", help="Tunjukkan perubahannya saja; tidak ada yang ditulis."),
    ] = False,
    rinci: Annotated[
        bool, typer.Option("--rinci", help="Tunjukkan setiap perubahan (bawaan: 100 pertama).")
    ] = False,
    tanggal: TanggalOpt = None,
) -> None:
    """Impor daftar pegawai, laporan kinerja atau kegiatan pengembangan dari Excel/CSV ke
    ruang kerja: yang baru ditambahkan, yang berubah ditunjukkan, tidak ada rekaman yang
    dihapus (daftar indikator sebuah laporan mengikuti berkas impor).

    Sebelum menulis, ruang kerja gabungan diperiksa seperti 'asnkinerja periksa'; bila ada
    satu galat pun (disebut lembar, baris dan kolomnya), tidak ada yang ditulis. Berkas
    lama disimpan dulu di .cadangan/ di ruang kerja.

    Contoh: asnkinerja impor pegawai siasn.xlsx data/wanggar --coba
    """  # fmt: skip
    from asnkinerja import api
    from asnkinerja.masalah import ada_galat
    from asnkinerja.sajian import console

    hasil = api.impor(folder, jenis, berkas, peta=peta,
                      lembar=lembar, periode=periode, coba=coba,
                      hari_ini=tanggal_dari(tanggal))  # fmt: skip
    k = console.keluar
    for c in hasil.catatan:
        k.print(console.lolos(f"Catatan: {c}"), highlight=False)
    if ada_galat(hasil.masalah):
        console.cetak_masalah(hasil.masalah, console.galat_konsol)
        n = sum(1 for m in hasil.masalah if m.tingkat == "galat")
        console.pesan_galat(f"{n} galat; tidak ada yang ditulis. Perbaiki berkasnya lalu ulangi.")
        raise typer.Exit(1)
    console.cetak_perubahan(hasil.perubahan, None if rinci else 100)
    tambah = sum(1 for p in hasil.perubahan if p.jenis == "tambah")
    k.print(
        console.lolos(
            f"{berkas.name}: {hasil.dibaca} {jenis} dibaca; {tambah} baru, "
            f"{len(hasil.perubahan) - tambah} berubah, {hasil.tetap} sudah sama."
        ),
        highlight=False,
    )
    if coba:
        k.print("Coba saja (--coba): tidak ada yang ditulis.", highlight=False)
    for nama in hasil.ditulis:
        k.print(console.lolos(f"Ditulis: {folder / nama}"), highlight=False)
    if hasil.cadangan is not None:
        k.print(console.lolos(f"Isi lama disimpan di: {hasil.cadangan}"), highlight=False)
    catat_peringatan(hasil.peringatan, folder)


@app.command(cls=Perintah)
@tangani
def sertifikat(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    keluaran: KeluaranOpt = None,
    samarkan: SamarkanOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Tulis piagam penghargaan (HTML, A4 mendatar, siap cetak) untuk setiap penerima.

    Untuk periode setahun, inilah piagam ASN teladan akhir tahun.

    Contoh: asnkinerja sertifikat data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console
    from asnkinerja.sajian import keluaran as kel

    hasil = hasil_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache)
    tujuan = keluaran if keluaran is not None else folder / "hasil"
    berkas = kel.sertifikat(hasil, samarkan)
    if not berkas:
        console.pesan("Tidak ada penerima penghargaan; tidak ada piagam yang ditulis.")
    tulis(berkas, tujuan, console.keluar)


@app.command(cls=Perintah)
@tangani
def mentoring(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Pasangan mentor dan mentee sesudah evaluasi, dan yang belum mendapat mentor.

    Contoh: asnkinerja mentoring data/wanggar --periode 2025
    """
    from asnkinerja.sajian import layar

    layar.ringkasan_mentoring(
        hasil_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache), samarkan
    )


@app.command(cls=Perintah)
@tangani
def pengembangan(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """JP pengembangan kompetensi per pegawai dan unit, kegiatan, narasumber, keterlibatan.

    Contoh: asnkinerja pengembangan data/wanggar --periode 2025
    """
    from asnkinerja.sajian import layar

    layar.ringkasan_pengembangan(
        hasil_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache), samarkan
    )


@app.command(cls=Perintah)
@tangani
def contoh(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="Folder tujuan (dibuat bila belum ada).")
    ],
    timpa: Annotated[
        bool,
        typer.Option(
            "--timpa",
            help="Tulis juga ke folder yang sudah berisi; berkas lama yang tertimpa "
            "disalin dulu ke .cadangan/.",
        ),
    ] = False,
    pegawai: Annotated[
        int | None,
        typer.Option(
            "--pegawai",
            metavar="N",
            min=1,
            max=1_000_000,
            help="Buat ruang kerja sintetis berisi N pegawai (untuk uji skala), "
            "bukan sampel Wanggar.",
        ),
    ] = None,
    tahun: Annotated[
        int,
        typer.Option(
            "--tahun", metavar="TAHUN", min=1990, max=2200, help="Tahun laporan sintetis."
        ),
    ] = 2025,
    benih: Annotated[
        int, typer.Option("--benih", metavar="N", help="Benih acak; benih sama, isi sama.")
    ] = 1,
    tanggal: Annotated[
        str | None,
        typer.Option(
            "--tanggal",
            metavar="TTTT-BB-HH",
            help="Data sintetis dibuat hanya sejauh yang mungkin sudah ada pada tanggal ini "
            "(laporan periode yang sudah lewat, kegiatan yang sudah terjadi); bawaan hari ini.",
        ),
    ] = None,
) -> None:
    """Tulis ruang kerja contoh: sampel Distrik Wanggar, atau data sintetis dengan --pegawai.

    Contoh: asnkinerja contoh latihan
            asnkinerja contoh skala --pegawai 5000
    """
    from asnkinerja import contoh as inti
    from asnkinerja.errors import FolderTidakKosong
    from asnkinerja.sajian import console
    from asnkinerja.sajian.tulis import Penulis

    if folder.exists() and not folder.is_dir():
        raise FolderTidakKosong(f"{folder} adalah berkas, bukan folder")
    if folder.is_dir() and any(folder.iterdir()) and not timpa:
        raise FolderTidakKosong(
            f"folder {folder} sudah berisi berkas; pilih folder kosong atau tambahkan --timpa"
        )
    penulis = Penulis(folder)
    hari = tanggal_dari(tanggal)
    if pegawai is not None and tahun > hari.year:
        from asnkinerja.errors import PilihanSalah

        raise PilihanSalah(
            f"tahun {tahun} belum tiba pada {hari.isoformat()}: belum ada laporan yang mungkin "
            "ada; pilih tahun ini atau sebelumnya (atau --tanggal)"
        )
    isi = (
        inti.berkas_sampel()
        if pegawai is None
        else inti.berkas_sintetis(pegawai, tahun, benih, hari_ini=hari)
    )
    for nama, data in isi:
        penulis.tulis(nama, data)
    jenis = "sampel Distrik Wanggar" if pegawai is None else f"data sintetis {pegawai} pegawai"
    console.pesan(f"Menulis {len(penulis.ditulis)} berkas ({jenis}) ke {folder}.", "bold green")
    if penulis.folder_cadangan is not None:
        console.pesan(
            f"{len(penulis.dicadangkan)} berkas lama disalin ke {penulis.folder_cadangan}."
        )
    console.pesan(f"Lanjutkan dengan: asnkinerja periksa {folder}")
