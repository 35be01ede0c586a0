"""What each command shows on the terminal: summaries drawn from the presentation data.

Built with `console`'s tables and messages (through the module, so a test can give it
another terminal); Rich itself stays in `console`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asnkinerja.sajian import console, kata
from asnkinerja.sajian.console import buat_tabel, cetak_tabel, lolos

if TYPE_CHECKING:
    from asnkinerja.inti.evaluasi import HasilEvaluasi
    from asnkinerja.inti.penghargaan import HasilPenghargaan
    from asnkinerja.sajian.console import Tabel


def ringkasan_evaluasi(data: dict[str, Any]) -> None:
    """A compact summary for the terminal: predikat, units, compliance, who needs attention.

    `data` is the run's presentation (`keluaran.sajikan`), already masked if asked.
    """
    keluar = console.keluar
    from asnkinerja.sajian import tampilan
    from asnkinerja.sajian.tampilan import angka, persen

    samarkan = data["disamarkan"]
    total = data["total"]
    keluar.print(
        f"[bold]Evaluasi kinerja {lolos(data['instansi'])}[/] — {data['periode_label']}"
        + (" [yellow](disamarkan)[/]" if samarkan else "")
    )
    t = buat_tabel("Predikat kinerja", {"Predikat": False, "Jumlah": True, "Persen": True})
    for p, s in total["sebaran"].items():
        t.add_row(p, str(s["jumlah"]), persen(s["persen"]))
    t.add_row("[bold]JUMLAH[/]", f"[bold]{total['berpredikat']}[/]", "")
    if total["tanpa_predikat"]:
        t.add_row("Belum dapat ditentukan", str(total["tanpa_predikat"]), "")
    cetak_tabel(t)
    from asnkinerja.inti.regulasi import SINGKATAN_PREDIKAT

    judul = ("Unit", "Pegawai", *SINGKATAN_PREDIKAT.values(), "Akhir", "Laporan", "Kurva")
    u = buat_tabel("Per unit", {nama: nama != "Unit" for nama in judul})
    u.columns[-1].justify = "left"  # sesuai / MELANGGAR: a word, never cut
    for x in data["unit"]:
        kurva = "-"
        if x["kurva"] is not None:
            kurva = "[green]sesuai[/]" if x["kurva"]["dipenuhi"] else "[bold red]MELANGGAR[/]"
        u.add_row(
            lolos(x["nama"]), str(x["jumlah_pegawai"]),
            *(str(s["jumlah"]) for s in x["sebaran"].values()),
            angka(x["rata_akhir"]), persen(x["kepatuhan_persen"]), kurva,
        )  # fmt: skip
    cetak_tabel(u)
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
                    f"[bold red]Kurva {lolos(x['nama'])}[/]: {lolos(a['uraian'])}: ada "
                    f"{a['jumlah']} orang ({lolos(a['rincian'])})"
                )
    if total["tantangan_teratas"]:
        keluar.print("[bold]Tantangan paling sering:[/]")
        for t in total["tantangan_teratas"][:3]:
            keluar.print(f"  {lolos(t['tantangan'])} ({t['jumlah']} laporan)")
        for x in data["unit"]:
            if x["tantangan_teratas"]:
                t = x["tantangan_teratas"][0]
                keluar.print(f"  {lolos(x['nama'])}: {lolos(t['tantangan'])} ({t['jumlah']})")
    _ringkasan_program(data)
    if data["perhatian"]:
        jumlah = data.get("jumlah_perhatian", len(data["perhatian"]))
        keluar.print(f"[bold]Perlu perhatian ({jumlah} orang):[/]")
        for p in data["perhatian"][: tampilan.RINGKAS_PERHATIAN]:
            keluar.print(
                f"  {lolos(p['nama'])} ({p['nip']}, {lolos(p['unit'])}): "
                + lolos("; ".join(p["alasan"]))
            )
        if jumlah > tampilan.RINGKAS_PERHATIAN:
            keluar.print(f"  ... dan {jumlah - tampilan.RINGKAS_PERHATIAN} lainnya (lihat laporan)")


def ringkasan_penghargaan(hasil: HasilEvaluasi, ph: HasilPenghargaan, samarkan: bool) -> None:
    """The award shortlist with incentives, how each was computed, and the near misses."""
    keluar = console.keluar
    from asnkinerja.sajian.penyaji import Penyaji
    from asnkinerja.sajian.tampilan import angka, rupiah

    s = Penyaji(hasil, samarkan)
    keluar.print(
        f"[bold]{lolos(ph.kategori)} — {lolos(hasil.instansi)}[/], {hasil.periode.label()}"
    )

    def tabel(lebar: bool) -> Tabel:
        if lebar:
            kolom = {"Peringkat": True, "Nama": False, "NIP": True, "Unit": False}
        else:  # the NIP under the name, so the names are not cut to two letters
            kolom = {"No": True, "Nama / NIP": False, "Unit": False}
        kolom |= {"Predikat": False, "Nilai akhir": True}
        if ph.berinsentif:
            kolom["Insentif"] = True
        t = buat_tabel("Calon penerima", kolom)
        if lebar:
            t.columns[2].justify = "left"
        for p in ph.penerima:
            h = p.hasil
            nama = lolos(s.nama(h.pegawai.nama))
            orang = [nama, s.nip(h.nip)] if lebar else [f"{nama}\n{s.nip(h.nip)}"]
            uang = [rupiah(p.insentif)] if ph.berinsentif else []
            t.add_row(
                str(p.peringkat), *orang, lolos(h.pegawai.unit), h.predikat or "-",
                angka(h.nilai_akhir), *uang,
            )  # fmt: skip
        if ph.berinsentif:
            kosong = [""] * (len(t.columns) - 3)
            t.add_row("", "[bold]JUMLAH[/]", *kosong, f"[bold]{rupiah(ph.terbagi)}[/]")
        return t

    cetak_tabel(tabel(lebar=True), tabel(lebar=False))
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
    if not ph.berinsentif:
        keluar.print(f"Tanpa insentif: {lolos(kata.tanpa_insentif(ph, hasil.periode))}.")
    else:
        keluar.print(
            f"Anggaran {rupiah(ph.anggaran)}, skema {ph.skema}, pembulatan "
            f"{rupiah(ph.pembulatan)}: terbagi {rupiah(ph.terbagi)}, sisa {rupiah(ph.sisa)}."
        )
        for p in ph.penerima:
            keluar.print(f"  {p.peringkat}. {lolos(kata.rincian_insentif(p.rincian))}")
    for h in ph.dilewati_kuota_unit:
        keluar.print(
            f"Dilewati karena kuota unit {lolos(h.pegawai.unit)} penuh: "
            f"{lolos(s.nama(h.pegawai.nama))} (nilai akhir {angka(h.nilai_akhir)})"
        )
    if ph.nyaris:
        keluar.print("[bold]Nyaris (tidak memenuhi syarat):[/]")
        for n in ph.nyaris:
            keluar.print(
                f"  {lolos(s.nama(n.hasil.pegawai.nama))} ({s.nip(n.hasil.nip)}, "
                f"{lolos(n.hasil.pegawai.unit)}, nilai akhir {angka(n.hasil.nilai_akhir)}): "
                + lolos("; ".join(kata.semua(n.alasan, s.samarkan)))
            )


def _ringkasan_program(data: dict[str, Any]) -> None:
    """One line each: awards, near misses, mentoring, JP gaps, engagement."""
    keluar = console.keluar
    from asnkinerja.sajian import tampilan
    from asnkinerja.sajian.tampilan import angka, rupiah

    batas = tampilan.RINGKAS_DAFTAR
    if data.get("penghargaan") is not None:
        ins = data["insentif"]
        daftar = "; ".join(
            f"{p['peringkat']}. {p['nama']} ({p['unit']})"
            + (f" {rupiah(p['insentif'])}" if ins["berinsentif"] else "")
            for p in data["penghargaan"]
        )
        isi = lolos(daftar) or "tidak ada yang memenuhi syarat"
        if ins["sebagian"]:
            isi = lolos(daftar) or "tidak ada penerima dari unit ini"
            uang = (f" — bagian unit ini {rupiah(ins['terbagi'])} dari anggaran seluruh instansi "
                    f"{rupiah(ins['anggaran'])}")  # fmt: skip
        elif ins["berinsentif"]:
            uang = f" — jumlah {rupiah(ins['terbagi'])} dari {rupiah(ins['anggaran'])}"
        else:
            uang = f" — calon, tanpa insentif (penghargaan {ins['periode_penghargaan']})"
        keluar.print(f"[bold]{lolos(ins['kategori'])}:[/] {isi}{uang}")
        for n in data["nyaris"][: batas["nyaris"]]:
            keluar.print(
                f"  nyaris: {lolos(n['nama'])} (nilai akhir {angka(n['nilai_akhir'])}): "
                + lolos("; ".join(n["alasan"]))
            )
    if data.get("mentoring") is not None:
        tanpa = data.get("jumlah_tanpa_mentor", len(data["tanpa_mentor"]))
        lagi = f", {tanpa} belum mendapat mentor" if tanpa else ""
        pasangan = data.get("jumlah_mentoring", len(data["mentoring"]))
        keluar.print(f"[bold]Mentoring:[/] {pasangan} pasangan{lagi}")
        for m in data["mentoring"][: batas["mentoring"]]:
            keluar.print(
                f"  {lolos(m['nama_mentor'])} → {lolos(m['nama_mentee'])} "
                f"({lolos(m['unit_mentee'])})"
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
        kg = data["kegiatan"]
        pns = (
            f"{n_kurang} PNS di bawah {angka(kg['jp_wajib'])} JP wajib"
            if kg["tahunan"]
            else f"JP minimal PNS ({angka(kg['jp_minimal_tahun'])} JP setahun) dinilai tahunan"
        )
        keluar.print(f"[bold]Pengembangan:[/] {pns}; {n_lebih} PPPK melebihi batas JP")
        if not data["kegiatan"]["jumlah"]:
            keluar.print("  (tidak ada kegiatan pengembangan dalam periode ini)")
        n = batas["_pengembangan_kurang"]  # as many of both together as of either
        for j in (kurang + lebih)[:n]:
            keluar.print(f"  {lolos(j['nama'])} ({lolos(j['unit'])}): {lolos(j['catatan'])}")
        if n_kurang + n_lebih > n:
            keluar.print(f"  ... dan {n_kurang + n_lebih - n} lainnya (lihat laporan)")
    for x in data.get("keterlibatan", []):
        if x["ditandai"]:
            keluar.print(
                f"[bold yellow]Keterlibatan rendah[/] {lolos(x['unit'])} (indeks "
                f"{angka(x['indeks'])}): {lolos(data['saran_keterlibatan'])}"
            )


def ringkasan_mentoring(hasil: HasilEvaluasi, samarkan: bool) -> None:
    keluar = console.keluar
    from asnkinerja.sajian.penyaji import Penyaji

    data = Penyaji(hasil, samarkan).data()
    keluar.print(f"[bold]Mentoring sesudah evaluasi[/] — {data['periode_label']}")

    def tabel(bentuk: str) -> Tabel:
        """Layout "lebar": name (NIP) and unit side by side; "sedang": the NIP under
        the name; "sempit": the unit under them too (an 80-column console)."""
        judul = ["No", "Mentor", "Unit mentor", "Mentee", "Unit mentee", "Predikat mentee"]
        if bentuk == "sempit":
            judul = [j for j in judul if not j.startswith("Unit")]
        t = buat_tabel(None, {j: j == "No" for j in judul})
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
            t.add_row(str(i), *map(lolos, orang), m["predikat_mentee"] or "-")
        return t

    k = hasil.kebijakan.mentoring
    if data["mentoring"]:
        cetak_tabel(tabel("lebar"), tabel("sedang"), tabel("sempit"))
    else:
        keluar.print(lolos(data["_mentoring_kosong"]))
    keluar.print(
        f"Aturan: mentee berpredikat {', '.join(k.predikat_mentee) or '-'}; mentor berpredikat "
        f"{', '.join(k.predikat_mentor) or '-'}, paling banyak {k.maks_mentee} mentee"
        + ("; mentor lebih senior" if k.mentor_lebih_senior else "")
        + "; unit yang sama didahulukan."
    )
    for m in data["tanpa_mentor"]:
        keluar.print(
            f"Belum mendapat mentor: {lolos(m['nama'])} ({m['nip']}): {lolos(m['alasan'])}"
        )


def ringkasan_pengembangan(hasil: HasilEvaluasi, samarkan: bool) -> None:
    keluar = console.keluar
    from asnkinerja.sajian.penyaji import Penyaji
    from asnkinerja.sajian.tampilan import angka, persen

    data = Penyaji(hasil, samarkan).data()
    kg = data["kegiatan"]
    keluar.print(f"[bold]Pengembangan kompetensi[/] — {data['periode_label']}")
    if not kg["ada_data"]:
        keluar.print("Tidak ada berkas pelatihan di ruang kerja ini.")
        return
    keluar.print(
        f"{kg['jumlah']} kegiatan; "
        + (
            f"JP wajib PNS setahun {angka(kg['jp_wajib'])} JP; "
            if kg["tahunan"]
            else f"JP minimal PNS ({angka(kg['jp_minimal_tahun'])} JP setahun) dinilai tahunan; "
        )
        + f"JP-orang teknis {angka(kg['jp_orang_teknis'])}, manajerial dan sosial kultural "
        f"{angka(kg['jp_orang_soft'])}."
    )
    bentuk = "; ".join(
        f"{b} {v['kegiatan']} kegiatan ({angka(v['jp'])} JP)" for b, v in kg["per_bentuk"].items()
    )
    sektor = "; ".join(f"{s} {n}" for s, n in kg["narasumber_per_sektor"].items())
    keluar.print(f"Per bentuk: {bentuk or '-'}. Narasumber per sektor: {sektor or '-'}.")
    judul = ("Unit", "PNS", "PNS memenuhi", "Persen PNS", "JP per orang", "Keterlibatan")
    t = buat_tabel("Per unit", {j: j != "Unit" for j in judul})
    ket = {x["unit"]: x for x in data["keterlibatan"]}
    for u in data["pengembangan_unit"]:
        x = ket.get(u["unit"])
        tanda = " [bold yellow]rendah[/]" if x and x["ditandai"] else ""
        t.add_row(
            lolos(u["unit"]), str(u["jumlah_pegawai"]),
            "-" if u["memenuhi"] is None else str(u["memenuhi"]),
            persen(u["persen_memenuhi"]), angka(u["jp_per_orang"]),
            (angka(x["indeks"]) if x else "-") + tanda,
        )  # fmt: skip
    cetak_tabel(t)
    for j in data["pengembangan"]:
        if not j["memenuhi"]:
            keluar.print(
                f"  {lolos(j['nama'])} ({j['nip']}, {lolos(j['unit'])}): {lolos(j['catatan'])}"
            )
    if any(x["ditandai"] for x in data["keterlibatan"]):
        keluar.print(f"Untuk unit berketerlibatan rendah: {lolos(data['saran_keterlibatan'])}.")
