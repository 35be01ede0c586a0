"""The one module that talks to the terminal (Rich), imported only by the CLI."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any, cast

from asnkinerja.masalah import GALAT, Masalah

if TYPE_CHECKING:  # imported for their types only: `--help` must start fast
    from rich.console import Console
    from rich.table import Table

    from asnkinerja.inti.evaluasi import HasilEvaluasi
    from asnkinerja.inti.penghargaan import HasilPenghargaan


def _lolos(teks: str) -> str:
    """Names may hold [brackets]: escape them from Rich markup."""
    from rich.markup import escape

    return escape(teks)


class _KonsolMalas:
    """A Rich console made on first use, so a command whose output is piped (plain
    text) never imports Rich: 45 ms of every short run."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr
        self._konsol: Console | None = None

    def _buat(self) -> Console:
        if self._konsol is None:
            from rich.console import Console

            # emoji=False: "berkas.yaml:1234:" must not become an emoji code.
            k = Console(stderr=self._stderr, highlight=False, soft_wrap=True, emoji=False)
            if not k.is_terminal:  # piped into a file: tables as wide as they need
                k.width = 140
            self._konsol = k
        return self._konsol

    @property
    def file(self) -> IO[str]:
        if self._konsol is not None:
            return self._konsol.file
        return sys.stderr if self._stderr else sys.stdout

    @property
    def is_terminal(self) -> bool:
        if self._konsol is None:
            aliran = self.file
            tty = getattr(aliran, "isatty", lambda: False)()
            # Rich may still call it a terminal when told to (FORCE_COLOR, TTY_*): ask it.
            if not tty and not any(k in os.environ for k in ("FORCE_COLOR", "TTY_COMPATIBLE",
                                                             "TTY_INTERACTIVE")):  # fmt: skip
                return False
        return self._buat().is_terminal

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._buat(), nama)


def _nyata(k: Console) -> Console:
    """The Rich console itself, for Rich objects that take one (a progress bar)."""
    buat = getattr(k, "_buat", None)
    return buat() if buat is not None else k


keluar = cast("Console", _KonsolMalas(stderr=False))
galat_konsol = cast("Console", _KonsolMalas(stderr=True))

_WARNA = {GALAT: "bold red", "peringatan": "yellow"}


def cetak_masalah(masalah: list[Masalah], konsol: Console = keluar) -> None:
    """Each problem on one line, `berkas:baris:kolom: tingkat: pesan`, grouped by file."""
    if not konsol.is_terminal:
        # Piped or redirected: plain lines, written at once (Rich per line is slow
        # for thousands of warnings and adds nothing without colour).
        konsol.file.write("".join(m.baris_teks() + "\n" for m in masalah))
        konsol.file.flush()
        return
    for m in masalah:
        konsol.print(
            f"[bold]{_lolos(m.lokasi.teks())}[/]: [{_WARNA[m.tingkat]}]{m.tingkat}[/]: "
            f"{_lolos(m.teks_pesan())}"
        )


def _tabel(judul: str | None, kolom: dict[str, bool]) -> Table:
    """A table whose numbers are never cut: `kolom` maps each heading to whether it
    holds a number or a NIP (right-aligned, never wrapped); text columns wrap between
    words. Below 100 columns (an 80-column Windows console, which may report 79) the
    lines and the outer padding are left out, so the names keep room beside the
    numbers. Print it with `_cetak_tabel`."""
    from rich import box
    from rich.table import Table

    sempit = keluar.width < 100
    t = Table(
        title=judul,
        title_justify="left",
        box=box.SIMPLE_HEAD if sempit else box.HEAVY_HEAD,
        show_edge=not sempit,
        pad_edge=not sempit,
    )
    for nama, angka in kolom.items():
        if angka:
            t.add_column(nama, justify="right", no_wrap=True)
        else:
            t.add_column(nama, overflow="fold")
    return t


_KATA_TERPANJANG = 20  # a longer "word" (a long e-mail, a run of letters) may be folded
_NYAMAN = 16  # below this a name wraps every word: the next, narrower layout reads better


def _lebar_kolom(t: Table, lebar: int, nyaman: int = 0, lipat: bool = True) -> list[int] | None:
    """Column widths that fit `lebar` without cutting a number, a NIP or a word, or None.

    Rich, when a table is too wide, narrows the widest columns with no regard for
    words ("Perbaika|n") and at last every column evenly, numbers too ("97,…").
    Here each text column keeps at least its longest word (and `nyaman` characters,
    or its whole text if shorter); the widest are narrowed first, a character at a
    time. A word longer than `_KATA_TERPANJANG` is folded (if `lipat`) only when no
    other column can give any more.
    """
    from rich.cells import cell_len
    from rich.markup import render

    keras: list[int] = []  # never narrower
    lunak: list[int] = []  # narrower only when nothing else can give
    penuh: list[int] = []
    for c in t.columns:
        teks = (render(x, emoji=False).plain if isinstance(x, str) else str(x) for x in c.cells)
        baris = [b for x in (str(c.header), *teks) for b in x.split("\n")]
        utuh = max(map(cell_len, baris), default=0)
        if c.no_wrap:
            kata = terlipat = utuh
        else:
            kata = max((cell_len(k) for b in baris for k in b.split()), default=0)
            terlipat = min(kata, _KATA_TERPANJANG)
            kata, terlipat = (max(x, min(utuh, nyaman)) for x in (kata, terlipat))
        keras.append(max(terlipat, 1))
        lunak.append(max(kata, 1))
        penuh.append(max(utuh, 1))
    n = len(t.columns)
    garis = (2 if t.box and t.show_edge else 0) + (n - 1 if t.box else 0)
    _, kanan, _, kiri = t.padding  # our tables never collapse padding
    isi = (kiri + kanan) * (n if t.pad_edge else n - 1)
    muat = lebar - garis - isi
    if sum(keras if lipat else lunak) > muat:
        return None
    hasil = list(penuh)
    lebih = sum(hasil) - muat
    for batas in (lunak, keras):
        while lebih > 0:  # narrow the widest column that can still give
            bisa = [j for j in range(n) if hasil[j] > batas[j]]
            if not bisa:
                break
            i = max(bisa, key=lambda j: hasil[j])
            hasil[i] -= 1
            lebih -= 1
    return hasil


def _cetak_tabel(*pilihan: Table) -> None:
    """Print the first of `pilihan` (most detailed first) that fits the terminal
    with every number, NIP and word whole; when none does (a very narrow window),
    the first one as a list, a row a line, which the terminal wraps."""
    for i, t in enumerate(pilihan):
        # a more detailed layout only while its text columns stay comfortable to read
        # and its words whole; the last one may fold a very long word
        akhir = i == len(pilihan) - 1
        lebar = _lebar_kolom(t, keluar.width, 0 if akhir else _NYAMAN, lipat=akhir)
        if lebar is not None:
            for c, w in zip(t.columns, lebar, strict=True):
                c.width = w
            keluar.print(t)
            return
    t = pilihan[0]
    if t.title:
        keluar.print(t.title)
    judul = [str(c.header) for c in t.columns]
    for baris in zip(*(c.cells for c in t.columns), strict=True):
        isi = [str(x).replace("\n", " ") for x in baris]
        i = next((i for i, x in enumerate(isi) if x), 0)  # a total row leads with its label
        lain = "; ".join(f"{judul[j]}: {x}" for j, x in enumerate(isi) if x and j != i)
        nomor = i == 0 and t.columns[0].no_wrap  # a numbered list: "1. ..."
        keluar.print(f"  {isi[i]}{'.' if nomor else ' —'} {lain}")


_KENDALI = str.maketrans("", "", "\r\a\b\v\f")


def _polos(teks: str) -> str:
    """Text as Rich writes it to a file: tabs expanded, control characters dropped."""
    return teks.expandtabs(8).translate(_KENDALI)


def pesan(teks: str, gaya: str = "") -> None:
    if not keluar.is_terminal:  # plain text, as Rich would write it, without Rich
        keluar.file.write(_polos(teks) + "\n")
        return
    keluar.print(f"[{gaya}]{_lolos(teks)}[/]" if gaya else _lolos(teks))


def pesan_galat(teks: str) -> None:
    if not galat_konsol.is_terminal:
        galat_konsol.file.write(f"galat: {_polos(teks)}\n")
        return
    galat_konsol.print(f"[bold red]galat:[/] {_lolos(teks)}")


def ringkasan_evaluasi(data: dict[str, Any]) -> None:
    """A compact summary for the terminal: predikat, units, compliance, who needs attention.

    `data` is the run's presentation (`keluaran.sajikan`), already masked if asked.
    """
    from asnkinerja.sajian import tampilan
    from asnkinerja.sajian.tampilan import angka, persen

    samarkan = data["disamarkan"]
    total = data["total"]
    keluar.print(
        f"[bold]Evaluasi kinerja {_lolos(data['instansi'])}[/] — {data['periode_label']}"
        + (" [yellow](disamarkan)[/]" if samarkan else "")
    )
    t = _tabel("Predikat kinerja", {"Predikat": False, "Jumlah": True, "Persen": True})
    for p, s in total["sebaran"].items():
        t.add_row(p, str(s["jumlah"]), persen(s["persen"]))
    t.add_row("[bold]JUMLAH[/]", f"[bold]{total['berpredikat']}[/]", "")
    if total["tanpa_predikat"]:
        t.add_row("Belum dapat ditentukan", str(total["tanpa_predikat"]), "")
    _cetak_tabel(t)
    judul = ("Unit", "Pegawai", "SB", "B", "BP", "K/M", "SK", "Akhir", "Laporan", "Kurva")
    u = _tabel("Per unit", {nama: nama != "Unit" for nama in judul})
    u.columns[-1].justify = "left"  # sesuai / MELANGGAR: a word, never cut
    for x in data["unit"]:
        kurva = "-"
        if x["kurva"] is not None:
            kurva = "[green]sesuai[/]" if x["kurva"]["dipenuhi"] else "[bold red]MELANGGAR[/]"
        u.add_row(
            _lolos(x["nama"]), str(x["jumlah_pegawai"]),
            *(str(s["jumlah"]) for s in x["sebaran"].values()),
            angka(x["rata_akhir"]), persen(x["kepatuhan_persen"]), kurva,
        )  # fmt: skip
    _cetak_tabel(u)
    keluar.print(
        f"Laporan masuk {total['laporan_diharapkan'] - total['laporan_hilang']} dari "
        f"{total['laporan_diharapkan']} ({persen(total['kepatuhan_persen'])}); terlambat "
        f"{total['laporan_terlambat']}; tidak lengkap {total['laporan_tidak_lengkap']}."
    )
    for x in data["unit"]:
        if x["kurva"] is not None and not x["kurva"]["dipenuhi"]:
            gagal = [a for a in x["kurva"]["aturan"] if not a["dipenuhi"]]
            for a in gagal:
                keluar.print(
                    f"[bold red]Kurva {_lolos(x['nama'])}[/]: {_lolos(a['uraian'])}: ada "
                    f"{a['jumlah']} orang ({_lolos(a['rincian'])})"
                )
    if total["tantangan_teratas"]:
        keluar.print("[bold]Tantangan paling sering:[/]")
        for t in total["tantangan_teratas"][:3]:
            keluar.print(f"  {_lolos(t['tantangan'])} ({t['jumlah']} laporan)")
        for x in data["unit"]:
            if x["tantangan_teratas"]:
                t = x["tantangan_teratas"][0]
                keluar.print(f"  {_lolos(x['nama'])}: {_lolos(t['tantangan'])} ({t['jumlah']})")
    _ringkasan_program(data)
    if data["perhatian"]:
        jumlah = data.get("jumlah_perhatian", len(data["perhatian"]))
        keluar.print(f"[bold]Perlu perhatian ({jumlah} orang):[/]")
        for p in data["perhatian"][: tampilan.RINGKAS_PERHATIAN]:
            keluar.print(
                f"  {_lolos(p['nama'])} ({p['nip']}, {_lolos(p['unit'])}): "
                + _lolos("; ".join(p["alasan"]))
            )
        if jumlah > tampilan.RINGKAS_PERHATIAN:
            keluar.print(f"  ... dan {jumlah - tampilan.RINGKAS_PERHATIAN} lainnya (lihat laporan)")


def ringkasan_penghargaan(hasil: HasilEvaluasi, ph: HasilPenghargaan, samarkan: bool) -> None:
    """The award shortlist with incentives, how each was computed, and the near misses."""
    from asnkinerja.sajian.penyaji import Penyaji
    from asnkinerja.sajian.tampilan import angka, rupiah

    s = Penyaji(hasil, samarkan)
    keluar.print(
        f"[bold]{_lolos(ph.kategori)} — {_lolos(hasil.instansi)}[/], {hasil.periode.label()}"
    )

    def tabel(lebar: bool) -> Table:
        if lebar:
            kolom = {"Peringkat": True, "Nama": False, "NIP": True, "Unit": False}
        else:  # the NIP under the name, so the names are not cut to two letters
            kolom = {"No": True, "Nama / NIP": False, "Unit": False}
        kolom |= {"Predikat": False, "Nilai akhir": True, "Insentif": True}
        t = _tabel("Calon penerima", kolom)
        if lebar:
            t.columns[2].justify = "left"
        for p in ph.penerima:
            h = p.hasil
            nama = _lolos(s.nama(h.pegawai.nama))
            orang = [nama, s.nip(h.nip)] if lebar else [f"{nama}\n{s.nip(h.nip)}"]
            t.add_row(
                str(p.peringkat), *orang, _lolos(h.pegawai.unit), h.predikat or "-",
                angka(h.nilai_akhir), rupiah(p.insentif),
            )  # fmt: skip
        kosong = [""] * (len(t.columns) - 3)
        t.add_row("", "[bold]JUMLAH[/]", *kosong, f"[bold]{rupiah(ph.terbagi)}[/]")
        return t

    _cetak_tabel(tabel(lebar=True), tabel(lebar=False))
    kuota = hasil.kebijakan.penghargaan.kuota
    if kuota == 0:
        keluar.print("Kuota penghargaan di kebijakan adalah 0.")
    elif not ph.penerima:
        keluar.print("Tidak ada pegawai yang memenuhi semua syarat.")
    elif len(ph.penerima) < kuota:
        keluar.print(
            f"Kuota {kuota} tidak terisi penuh: hanya {len(ph.penerima)} pegawai yang memenuhi "
            "syarat."
        )
    keluar.print(
        f"Anggaran {rupiah(ph.anggaran)}, skema {ph.skema}, pembulatan {rupiah(ph.pembulatan)}:"
        f" terbagi {rupiah(ph.terbagi)}, sisa {rupiah(ph.sisa)}."
    )
    for p in ph.penerima:
        keluar.print(f"  {p.peringkat}. {_lolos(p.rincian)}")
    for h in ph.dilewati_kuota_unit:
        keluar.print(
            f"Dilewati karena kuota unit {_lolos(h.pegawai.unit)} penuh: "
            f"{_lolos(s.nama(h.pegawai.nama))} (nilai akhir {angka(h.nilai_akhir)})"
        )
    if ph.nyaris:
        keluar.print("[bold]Nyaris (tidak memenuhi syarat):[/]")
        for n in ph.nyaris:
            keluar.print(
                f"  {_lolos(s.nama(n.hasil.pegawai.nama))} ({s.nip(n.hasil.nip)}, "
                f"{_lolos(n.hasil.pegawai.unit)}, nilai akhir {angka(n.hasil.nilai_akhir)}): "
                + _lolos("; ".join(n.alasan))
            )


def _ringkasan_program(data: dict[str, Any]) -> None:
    """One line each: awards, near misses, mentoring, JP gaps, engagement."""
    from asnkinerja.sajian import tampilan
    from asnkinerja.sajian.tampilan import angka, rupiah

    batas = tampilan.RINGKAS_DAFTAR
    if data.get("penghargaan") is not None:
        ins = data["insentif"]
        daftar = "; ".join(
            f"{p['peringkat']}. {p['nama']} ({p['unit']}) {rupiah(p['insentif'])}"
            for p in data["penghargaan"]
        )
        isi = _lolos(daftar) or "tidak ada yang memenuhi syarat"
        keluar.print(
            f"[bold]{_lolos(ins['kategori'])}:[/] {isi} — jumlah {rupiah(ins['terbagi'])} dari "
            f"{rupiah(ins['anggaran'])}"
        )
        for n in data["nyaris"][: batas["nyaris"]]:
            keluar.print(
                f"  nyaris: {_lolos(n['nama'])} (nilai akhir {angka(n['nilai_akhir'])}): "
                + _lolos("; ".join(n["alasan"]))
            )
    if data.get("mentoring") is not None:
        tanpa = data.get("jumlah_tanpa_mentor", len(data["tanpa_mentor"]))
        lagi = f", {tanpa} belum mendapat mentor" if tanpa else ""
        pasangan = data.get("jumlah_mentoring", len(data["mentoring"]))
        keluar.print(f"[bold]Mentoring:[/] {pasangan} pasangan{lagi}")
        for m in data["mentoring"][: batas["mentoring"]]:
            keluar.print(
                f"  {_lolos(m['nama_mentor'])} → {_lolos(m['nama_mentee'])} "
                f"({_lolos(m['unit_mentee'])})"
            )
        if pasangan > batas["mentoring"]:
            keluar.print(
                f"  ... dan {pasangan - batas['mentoring']} pasangan lain (lihat: asnkinerja "
                "mentoring)"
            )
    if data.get("pengembangan") is not None and data["kegiatan"]["ada_data"]:
        kurang, lebih = data["_pengembangan_kurang"], data["_pengembangan_lebih"]
        n_kurang = data.get("jumlah_pengembangan_kurang", len(kurang))
        n_lebih = data.get("jumlah_pengembangan_lebih", len(lebih))
        wajib = angka(data["kegiatan"]["jp_wajib"])
        keluar.print(
            f"[bold]Pengembangan:[/] {n_kurang} PNS di bawah {wajib} JP wajib; "
            f"{n_lebih} PPPK melebihi batas JP"
        )
        if not data["kegiatan"]["jumlah"]:
            keluar.print("  (tidak ada kegiatan pengembangan dalam periode ini)")
        n = batas["_pengembangan_kurang"]  # as many of both together as of either
        for j in (kurang + lebih)[:n]:
            keluar.print(f"  {_lolos(j['nama'])} ({_lolos(j['unit'])}): {_lolos(j['catatan'])}")
        if n_kurang + n_lebih > n:
            keluar.print(f"  ... dan {n_kurang + n_lebih - n} lainnya (lihat laporan)")
    for x in data.get("keterlibatan", []):
        if x["ditandai"]:
            keluar.print(
                f"[bold yellow]Keterlibatan rendah[/] {_lolos(x['unit'])} (indeks "
                f"{angka(x['indeks'])}): {_lolos(data['saran_keterlibatan'])}"
            )


def ringkasan_mentoring(hasil: HasilEvaluasi, samarkan: bool) -> None:
    from asnkinerja.sajian.penyaji import Penyaji

    data = Penyaji(hasil, samarkan).data()
    keluar.print(f"[bold]Mentoring sesudah evaluasi[/] — {data['periode_label']}")

    def tabel(bentuk: str) -> Table:
        """Layout "lebar": name (NIP) and unit side by side; "sedang": the NIP under
        the name; "sempit": the unit under them too (an 80-column console)."""
        judul = ["No", "Mentor", "Unit mentor", "Mentee", "Unit mentee", "Predikat mentee"]
        if bentuk == "sempit":
            judul = [j for j in judul if not j.startswith("Unit")]
        t = _tabel(None, {j: j == "No" for j in judul})
        for i, m in enumerate(data["mentoring"], start=1):
            mentor, mentee = (m["nama_mentor"], m["mentor"]), (m["nama_mentee"], m["mentee"])
            if bentuk == "lebar":
                orang = [f"{mentor[0]} ({mentor[1]})", m["unit_mentor"],
                         f"{mentee[0]} ({mentee[1]})", m["unit_mentee"]]  # fmt: skip
            elif bentuk == "sedang":
                orang = ["\n".join(mentor), m["unit_mentor"], "\n".join(mentee), m["unit_mentee"]]
            else:
                orang = ["\n".join((*mentor, m["unit_mentor"])),
                         "\n".join((*mentee, m["unit_mentee"]))]  # fmt: skip
            t.add_row(str(i), *map(_lolos, orang), m["predikat_mentee"] or "-")
        return t

    k = hasil.kebijakan.mentoring
    if data["mentoring"]:
        _cetak_tabel(tabel("lebar"), tabel("sedang"), tabel("sempit"))
    else:
        keluar.print(_lolos(data["_mentoring_kosong"]))
    keluar.print(
        f"Aturan: mentee berpredikat {', '.join(k.predikat_mentee) or '-'}; mentor berpredikat "
        f"{', '.join(k.predikat_mentor) or '-'}, paling banyak {k.maks_mentee} mentee"
        + ("; mentor lebih senior" if k.mentor_lebih_senior else "")
        + "; unit yang sama didahulukan."
    )
    for m in data["tanpa_mentor"]:
        keluar.print(
            f"Belum mendapat mentor: {_lolos(m['nama'])} ({m['nip']}): {_lolos(m['alasan'])}"
        )


def ringkasan_pengembangan(hasil: HasilEvaluasi, samarkan: bool) -> None:
    from asnkinerja.sajian.penyaji import Penyaji
    from asnkinerja.sajian.tampilan import angka, persen

    data = Penyaji(hasil, samarkan).data()
    kg = data["kegiatan"]
    keluar.print(f"[bold]Pengembangan kompetensi[/] — {data['periode_label']}")
    if not kg["ada_data"]:
        keluar.print("Tidak ada berkas pelatihan di ruang kerja ini.")
        return
    keluar.print(
        f"{kg['jumlah']} kegiatan; JP wajib PNS untuk periode ini {angka(kg['jp_wajib'])} JP; "
        f"JP-orang teknis {angka(kg['jp_orang_teknis'])}, manajerial dan sosial kultural "
        f"{angka(kg['jp_orang_soft'])}."
    )
    bentuk = "; ".join(
        f"{b} {v['kegiatan']} kegiatan ({angka(v['jp'])} JP)" for b, v in kg["per_bentuk"].items()
    )
    sektor = "; ".join(f"{s} {n}" for s, n in kg["narasumber_per_sektor"].items())
    keluar.print(f"Per bentuk: {bentuk or '-'}. Narasumber per sektor: {sektor or '-'}.")
    judul = ("Unit", "Pegawai", "Memenuhi", "Persen", "JP per orang", "Keterlibatan")
    t = _tabel("Per unit", {j: j != "Unit" for j in judul})
    ket = {x["unit"]: x for x in data["keterlibatan"]}
    for u in data["pengembangan_unit"]:
        x = ket.get(u["unit"])
        tanda = " [bold yellow]rendah[/]" if x and x["ditandai"] else ""
        t.add_row(
            _lolos(u["unit"]), str(u["jumlah_pegawai"]), str(u["memenuhi"]),
            persen(u["persen_memenuhi"]), angka(u["jp_per_orang"]),
            (angka(x["indeks"]) if x else "-") + tanda,
        )  # fmt: skip
    _cetak_tabel(t)
    for j in data["pengembangan"]:
        if not j["memenuhi"]:
            keluar.print(
                f"  {_lolos(j['nama'])} ({j['nip']}, {_lolos(j['unit'])}): {_lolos(j['catatan'])}"
            )
    if any(x["ditandai"] for x in data["keterlibatan"]):
        keluar.print(f"Untuk unit berketerlibatan rendah: {_lolos(data['saran_keterlibatan'])}.")


class ProgresMuat:
    """What the screen shows while a long command works, on standard error.

    While files are parsed, a progress bar ("Membaca berkas"); after that, while the
    records are checked and scored (tens of seconds at provincial scale, even with
    every file from the cache), a spinner with the elapsed time. Shown only when
    standard error is a terminal, and only once the command has taken about a second:
    a quick run prints nothing extra, and piped or --json output is never touched.
    """

    JEDA = 1.0

    def __init__(self, aktif: bool = True, sesudah: str = "Memeriksa dan menghitung") -> None:
        import threading
        import time

        self._waktu = time.monotonic
        self._mulai = self._waktu()
        self._aktif = aktif and galat_konsol.is_terminal
        self._sesudah = sesudah
        self._bar: Any = None
        self._tugas: Any = None  # the loading bar's task; None while the spinner shows
        # Loading first: files are looked up in the cache and read, then parsed; `muat`
        # reports (0, bytes to parse) once it knows, then bytes done, and (0, 0) if
        # every file came from the cache. Loading is over when all bytes are done.
        self._selesai = 0
        self._total: int | None = None  # not known yet: a bar without a percentage
        self._kunci = threading.Lock()  # the main thread and the timer both start bars
        self._berhenti = threading.Event()
        self._jam: threading.Thread | None = None
        if self._aktif:
            self._jam = threading.Thread(target=self._tunggu, daemon=True)

    def __call__(self, selesai: int, total: int) -> None:
        """`selesai` of `total` bytes parsed; (0, total) as parsing starts."""
        if not self._aktif:
            return
        with self._kunci:
            self._selesai, self._total = selesai, total
            if self._waktu() - self._mulai >= self.JEDA:
                self._tampilkan()

    def _tampilkan(self) -> None:
        """The bar while files are parsed, else the spinner (called with the lock held)."""
        if self._total is not None and self._selesai >= self._total:
            # loading done (or nothing to parse): what follows is checking and scoring
            if self._tugas is not None or self._bar is None:
                self._putar()
            return
        if self._tugas is None:
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self._ganti(
                Progress(
                    TextColumn("Membaca berkas"),
                    BarColumn(),
                    TextColumn("{task.percentage:>3.0f}%"),
                    TimeRemainingColumn(),
                    console=_nyata(galat_konsol),
                    transient=True,
                )
            )
            self._tugas = self._bar.add_task("muat", total=self._total)
        self._bar.update(self._tugas, total=self._total, completed=self._selesai)

    def _ganti(self, bar: Any) -> None:
        if self._bar is not None:
            self._bar.stop()
        self._bar = bar
        bar.start()

    def _putar(self) -> None:
        """The spinner for the work after loading (called with the lock held)."""
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._ganti(
            Progress(
                SpinnerColumn(),
                TextColumn(self._sesudah),
                TimeElapsedColumn(),
                console=_nyata(galat_konsol),
                transient=True,
                refresh_per_second=4,
            )
        )
        self._bar.add_task("hitung", total=None)
        self._tugas = None

    def _tunggu(self) -> None:
        """After JEDA seconds with nothing shown yet: the bar while files are still
        being read (the cache lookup, or a large first file), else the spinner."""
        if self._berhenti.wait(self.JEDA):
            return
        with self._kunci:
            if self._bar is None and not self._berhenti.is_set():
                self._tampilkan()

    def __enter__(self) -> ProgresMuat:
        if self._jam is not None:
            self._jam.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._berhenti.set()
        with self._kunci:
            if self._bar is not None:
                self._bar.stop()
                self._bar = None
