"""Checks across records: what one record alone cannot tell.

NIPs against the roster, duplicates (both places named), the supervisor chain,
periods against the policy, dates that cannot be, and the policy's own demands
on a report (deadline, tantangan and rencana_perbaikan, a penilai who is the
atasan). `periksa_ruang` is what `asnkinerja periksa` runs and what every other
command runs first.
"""

from __future__ import annotations

import datetime
import re

import msgspec

from asnkinerja.inti import model, nip
from asnkinerja.inti.laporan import NilaiLaporan
from asnkinerja.inti.periode import CONTOH, JENIS_LAPORAN, Periode
from asnkinerja.inti.ruang import Entri, RuangKerja
from asnkinerja.masalah import Lokasi, Masalah, galat, maksudnya, mirip, peringatan


class HasilPeriksa(msgspec.Struct, array_like=True):
    """What `asnkinerja periksa` shows: every problem with its line, and what was read."""

    masalah: list[Masalah]
    berkas: int
    pegawai: int
    laporan: int
    pelatihan: int

    @classmethod
    def dari(cls, ruang: RuangKerja, masalah: list[Masalah]) -> HasilPeriksa:
        pelatihan = len(ruang.pelatihan) if ruang.pelatihan is not None else 0
        return cls(masalah, len(ruang.berkas), len(ruang.pegawai), len(ruang.laporan), pelatihan)


def periksa_ruang(ruang: RuangKerja, hari_ini: datetime.date) -> list[Masalah]:
    """Every cross-record problem of a loaded workspace."""
    masalah: list[Masalah] = []
    berkas_pegawai = [b for b in ruang.berkas if b.split("/")[0].startswith("pegawai")]
    if berkas_pegawai and not (ruang.pegawai or ruang.nip_cacat or ruang.pegawai_tak_terbaca):
        masalah.append(
            galat(
                Lokasi(berkas_pegawai[0]),
                "daftar pegawai kosong; isi dengan daftar ASN (setiap orang diawali '- nip: ')",
            )
        )
    roster = _periksa_pegawai(ruang.pegawai, hari_ini, masalah)
    kenal = _Dikenal(set(roster) | ruang.nip_cacat)
    # With a roster file unreadable, "not in the roster" would be noise, not news.
    cek_roster = not ruang.pegawai_tak_terbaca and bool(ruang.pegawai or ruang.nip_cacat)
    _periksa_atasan(roster, kenal if cek_roster else None, masalah)
    _periksa_laporan(ruang, roster, kenal if cek_roster else None, hari_ini, masalah)
    _periksa_pelatihan(ruang.pelatihan or [], kenal if cek_roster else None, masalah)
    _periksa_kebijakan(ruang, roster if cek_roster else None, masalah)
    return masalah


class _Dikenal(set[str]):
    """NIPs in the roster; one read from Excel as a float (`~1.98...e+17`) matches the
    NIPs it could have been, so a single damaged entry does not flood the output."""

    def __init__(self, nip: set[str]) -> None:
        super().__init__(nip)
        self._kabur = [float(n[1:]) for n in nip if n.startswith("~")]

    def __contains__(self, n: object) -> bool:
        if super().__contains__(n):
            return True
        if isinstance(n, str) and n.isdigit() and self._kabur:
            return any(abs(int(n) - f) <= 5000 for f in self._kabur)
        return False


# ---------------------------------------------------------------- pegawai
def _periksa_pegawai(
    daftar: list[Entri[model.Pegawai]], hari_ini: datetime.date, masalah: list[Masalah]
) -> dict[str, Entri[model.Pegawai]]:
    roster: dict[str, Entri[model.Pegawai]] = {}
    for e in daftar:
        p, lok = e.data, e.lokasi
        n = str(p.nip)
        uraian, pesan = nip.periksa(n, p.status, hari_ini)
        if pesan is not None:
            masalah.append(galat(lok.turun("nip"), pesan))
        if n in roster:
            masalah.append(
                galat(
                    lok.turun("nip"),
                    f"NIP {n} ({p.nama}) sudah ada di daftar pegawai; satu orang cukup "
                    "ditulis sekali, hapus salah satunya",
                    roster[n].lokasi.turun("nip"),
                )
            )
            continue
        roster[n] = e
        if p.golongan is not None:
            pesan = nip.periksa_golongan(p.golongan, p.status)
            if pesan is not None:
                masalah.append(galat(lok.turun("golongan"), pesan))
        lahir = uraian.tanggal_lahir if uraian else None
        if p.tmt_cpns is not None:
            if p.tmt_cpns > hari_ini:
                masalah.append(galat(lok.turun("tmt_cpns"), f"tmt_cpns {p.tmt_cpns} belum terjadi"))
            elif lahir is not None and p.tmt_cpns <= lahir:
                masalah.append(
                    galat(lok.turun("tmt_cpns"), f"tmt_cpns {p.tmt_cpns} sebelum tanggal lahir")
                )
            elif (
                uraian is not None
                and uraian.tmt_cpns is not None
                and (
                    (p.tmt_cpns.year, p.tmt_cpns.month)
                    != (uraian.tmt_cpns.year, uraian.tmt_cpns.month)
                )
            ):
                masalah.append(
                    peringatan(
                        lok.turun("tmt_cpns"),
                        f"tmt_cpns {p.tmt_cpns} berbeda dengan TMT di NIP "
                        f"({uraian.tmt_cpns:%Y-%m}); masa kerja memakai tmt_cpns, "
                        "pastikan sesuai SK CPNS",
                    )
                )
        elif p.status == "PPPK":
            masalah.append(
                peringatan(
                    lok.turun("nip"),
                    f"{p.nama} (PPPK) tidak punya tmt_cpns; isi tanggal mulai kerja agar "
                    "masa kerja dapat dihitung",
                )
            )
        for i, h in enumerate(p.hukuman_disiplin):
            if h.tanggal > hari_ini:
                masalah.append(
                    galat(
                        lok.turun("hukuman_disiplin", i, "tanggal"),
                        f"tanggal hukuman disiplin {h.tanggal} belum terjadi",
                    )
                )
            elif lahir is not None and h.tanggal <= lahir:
                masalah.append(
                    galat(
                        lok.turun("hukuman_disiplin", i, "tanggal"),
                        f"tanggal hukuman disiplin {h.tanggal} sebelum tanggal lahir",
                    )
                )
    return roster


def _periksa_atasan(
    roster: dict[str, Entri[model.Pegawai]], kenal: set[str] | None, masalah: list[Masalah]
) -> None:
    for n, e in roster.items():
        atasan = e.data.atasan
        if atasan is None:
            continue
        if atasan == n:
            masalah.append(
                galat(e.lokasi.turun("atasan"), "pegawai tidak bisa menjadi atasannya sendiri")
            )
        elif atasan in roster and not roster[atasan].data.aktif and e.data.aktif:
            masalah.append(
                peringatan(
                    e.lokasi.turun("atasan"),
                    f"atasan {_nama(roster, atasan)} tercatat tidak aktif (aktif: false); "
                    "perbarui atasan langsung pegawai ini",
                )
            )
        elif kenal is not None and atasan not in kenal:
            masalah.append(
                galat(
                    e.lokasi.turun("atasan"),
                    f"atasan {atasan} tidak ada di daftar pegawai; tambahkan atasan itu "
                    "ke pegawai.yaml atau perbaiki NIP-nya",
                )
            )
    _periksa_siklus(roster, masalah)


def _periksa_siklus(roster: dict[str, Entri[model.Pegawai]], masalah: list[Masalah]) -> None:
    """A chain of atasan that comes back to where it started, reported once per cycle."""
    selesai: set[str] = set()
    for mulai in sorted(roster):
        jalur: list[str] = []
        posisi: dict[str, int] = {}
        n: str | None = mulai
        while n is not None and n in roster and n not in selesai and n not in posisi:
            posisi[n] = len(jalur)
            jalur.append(n)
            atasan = roster[n].data.atasan
            n = str(atasan) if atasan is not None and atasan != n else None
        if n is not None and n in posisi:
            siklus = jalur[posisi[n] :]
            if len(siklus) > 1:
                pertama = min(siklus)
                urut = siklus[siklus.index(pertama) :] + siklus[: siklus.index(pertama)]
                nama = " → ".join(f"{roster[x].data.nama} ({x})" for x in [*urut, pertama])
                masalah.append(
                    galat(
                        roster[pertama].lokasi.turun("atasan"),
                        f"rantai atasan berputar: {nama}; perbaiki atasan salah satu dari mereka",
                    )
                )
        selesai.update(jalur)


# ---------------------------------------------------------------- laporan
def _periksa_laporan(
    ruang: RuangKerja,
    roster: dict[str, Entri[model.Pegawai]],
    kenal: set[str] | None,
    hari_ini: datetime.date,
    masalah: list[Masalah],
) -> None:
    kebijakan = ruang.kebijakan
    jenis = JENIS_LAPORAN[kebijakan.periode_laporan]
    batas = datetime.timedelta(days=kebijakan.batas_lapor_hari)
    dilihat: dict[tuple[str, str], NilaiLaporan] = {}
    # Each period code read once: (the period, its deadline), or None if not allowed.
    per_kode: dict[str, tuple[Periode, datetime.date] | None] = {}
    for n in ruang.laporan:
        nip_lap = n.nip
        pegawai = roster.get(nip_lap)
        if pegawai is None:
            if kenal is not None and nip_lap not in kenal:  # roster NIPs are all in kenal
                masalah.append(
                    galat(
                        n.lokasi.turun("nip"),
                        f"NIP {nip_lap} tidak ada di daftar pegawai; perbaiki NIP atau "
                        "tambahkan pegawai itu ke pegawai.yaml",
                    )
                )
        elif not pegawai.data.aktif:
            masalah.append(
                peringatan(
                    n.lokasi.turun("nip"),
                    f"laporan untuk {pegawai.data.nama}, yang tercatat tidak aktif "
                    "(aktif: false); laporan ini tidak dinilai",
                )
            )
        kode = n.kode_periode
        if kode not in per_kode:
            p = Periode.urai(kode)
            per_kode[kode] = (p, p.akhir + batas) if p is not None and p.jenis == jenis else None
        info = per_kode[kode]
        if info is None:
            longgar = _periode_longgar(kode)
            contoh = (
                Periode.memuat_bulan(longgar.tahun, longgar.bulan_awal, jenis).kode()
                if longgar is not None and longgar.jenis != "tahun"
                else CONTOH[jenis]
            )
            masalah.append(
                galat(
                    n.lokasi.turun("periode"),
                    f'periode "{kode}" tidak sesuai periode_laporan '
                    f"{kebijakan.periode_laporan}; tulis seperti {contoh}",
                )
            )
        else:
            periode, tenggat = info
            kunci = (nip_lap, kode)  # one spelling per period (Periode.urai)
            if kunci in dilihat:
                masalah.append(
                    galat(
                        n.lokasi.turun("periode"),
                        f"laporan NIP {nip_lap} periode {periode.kode()} sudah ada; "
                        "hapus salah satu atau perbaiki periodenya",
                        dilihat[kunci].lokasi.turun("periode"),
                    )
                )
            else:
                dilihat[kunci] = n
            tgl = n.tanggal_lapor
            if not (periode.awal <= tgl <= tenggat and tgl <= hari_ini):
                _periksa_tanggal_lapor(n, periode, batas, hari_ini, masalah)
        penilai = n.penilai
        if (  # the common case, decided here without a call: complete, and rated by the
            # employee's own active atasan (60,000 reports: the call alone is measurable)
            n.kurang
            or pegawai is None
            or penilai is None
            or penilai != pegawai.data.atasan
            or penilai == nip_lap
            or (oleh := roster.get(penilai)) is None
            or not oleh.data.aktif
        ):
            _periksa_isi_laporan(n, pegawai, roster, kenal, masalah)


def _periode_longgar(teks: str) -> Periode | None:
    """Read a period the way a person might write it (`2025-1`, `2025/10`), for advice."""
    p = Periode.urai(teks)
    if p is not None:
        return p
    cocok = re.match(r"^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*$", teks)
    if cocok and 1 <= int(cocok.group(2)) <= 12:
        return Periode(int(cocok.group(1)), int(cocok.group(2)), "bulan")
    return None


def _periksa_tanggal_lapor(
    n: NilaiLaporan,
    periode: Periode,
    batas: datetime.timedelta,
    hari_ini: datetime.date,
    masalah: list[Masalah],
) -> None:
    tgl = n.tanggal_lapor
    tempat = n.lokasi.turun("tanggal_lapor")
    if tgl < periode.awal:
        masalah.append(
            galat(
                tempat,
                f"tanggal_lapor {tgl} sebelum periode {periode.kode()} dimulai "
                f"({periode.awal}); periksa tanggal atau periodenya",
            )
        )
    elif tgl > hari_ini:
        masalah.append(galat(tempat, f"tanggal_lapor {tgl} belum terjadi (hari ini {hari_ini})"))
    elif tgl > periode.akhir + batas:
        terlambat = (tgl - (periode.akhir + batas)).days
        masalah.append(
            peringatan(
                tempat,
                f"laporan terlambat {terlambat} hari: batasnya {periode.akhir + batas} "
                f"(akhir periode + {batas.days} hari)",
            )
        )


def _periksa_isi_laporan(
    n: NilaiLaporan,
    pegawai: Entri[model.Pegawai] | None,
    roster: dict[str, Entri[model.Pegawai]],
    kenal: set[str] | None,
    masalah: list[Masalah],
) -> None:
    """A report's own demands (called only off the common case, see `_periksa_laporan`)."""
    penilai = n.penilai
    lok = n.lokasi
    if "tantangan" in n.kurang:
        masalah.append(
            peringatan(
                lok.turun("tantangan"),
                "laporan tanpa tantangan; kebijakan meminta tantangan yang dihadapi "
                "ditulis setiap periode",
            )
        )
    if "rencana_perbaikan" in n.kurang:
        masalah.append(
            peringatan(
                lok.turun("rencana_perbaikan"),
                "laporan tanpa rencana_perbaikan; kebijakan meminta rencana perbaikan "
                "ditulis setiap periode",
            )
        )
    if penilai is None:
        # The head of the chain is rated outside the workspace (by the PPK), so only
        # an employee with an atasan in the roster is expected to have a penilaian.
        if pegawai is not None and pegawai.data.atasan is not None:
            masalah.append(
                peringatan(
                    lok,
                    "laporan belum dinilai atasan (tidak ada bagian penilaian); minta "
                    "atasan mengisi penilaian perilaku dan umpan balik",
                )
            )
        return
    tempat = lok.turun("penilaian", "penilai")
    if penilai == n.nip:
        masalah.append(galat(tempat, "pegawai tidak boleh menilai laporannya sendiri"))
    elif kenal is not None and penilai not in roster and penilai not in kenal:
        masalah.append(
            galat(
                tempat,
                f"penilai {penilai} tidak ada di daftar pegawai; perbaiki NIP penilai",
            )
        )
    elif penilai in roster and not roster[penilai].data.aktif:
        masalah.append(
            peringatan(
                tempat,
                f"penilai {_nama(roster, penilai)} tercatat tidak aktif (aktif: false); "
                "pastikan penilaian dilakukan pejabat yang masih menjabat",
            )
        )
    elif (
        pegawai is not None
        and pegawai.data.atasan is not None
        and penilai in roster
        and pegawai.data.atasan in roster
        and penilai != pegawai.data.atasan
    ):
        atasan = _nama(roster, pegawai.data.atasan)
        masalah.append(
            peringatan(
                tempat,
                f"penilai {roster[penilai].data.nama} bukan atasan langsung "
                f"{pegawai.data.nama} (atasannya {atasan}); pastikan penilaian "
                "dilakukan pejabat penilai yang benar",
            )
        )


# ---------------------------------------------------------------- pelatihan
def _periksa_pelatihan(
    daftar: list[Entri[model.Pelatihan]], kenal: set[str] | None, masalah: list[Masalah]
) -> None:
    for e in daftar:
        pl, lok = e.data, e.lokasi
        if not pl.peserta:
            masalah.append(
                peringatan(
                    lok,
                    f'kegiatan "{pl.nama}" tidak punya peserta; JP-nya tidak '
                    "dihitung untuk siapa pun",
                )
            )
        dilihat: set[str] = set()
        for i, n in enumerate(pl.peserta):
            nip_teks = str(n)
            if nip_teks in dilihat:
                masalah.append(
                    peringatan(
                        lok.turun("peserta", i),
                        f"peserta {nip_teks} ditulis dua kali; JP dihitung sekali",
                    )
                )
            dilihat.add(nip_teks)
            if kenal is not None and nip_teks not in kenal:
                masalah.append(
                    galat(
                        lok.turun("peserta", i),
                        f"peserta {nip_teks} tidak ada di daftar pegawai; perbaiki NIP "
                        "atau hapus dari daftar peserta",
                    )
                )


# ---------------------------------------------------------------- kebijakan
def _periksa_kebijakan(
    ruang: RuangKerja, roster: dict[str, Entri[model.Pegawai]] | None, masalah: list[Masalah]
) -> None:
    lok = ruang.kebijakan_lokasi
    if lok is None:
        return
    k = ruang.kebijakan
    for nama, ambang in (
        ("ambang_hasil_kerja", k.penilaian.ambang_hasil_kerja),
        ("ambang_perilaku", k.penilaian.ambang_perilaku),
    ):
        if ambang.di_atas < ambang.sesuai:
            masalah.append(
                galat(
                    lok.turun("penilaian", nama),
                    f"{nama}: di_atas ({ambang.di_atas:g}) tidak boleh lebih kecil dari "
                    f"sesuai ({ambang.sesuai:g})",
                )
            )
    if k.penilaian.ambang_perilaku.di_atas > 5:
        masalah.append(
            galat(
                lok.turun("penilaian", "ambang_perilaku", "di_atas"),
                "ambang_perilaku memakai skala nilai perilaku 1 sampai 5; di_atas paling besar 5",
            )
        )
    b = k.penilaian.bobot
    if b.hasil_kerja + b.perilaku + b.pengembangan <= 0:
        masalah.append(
            galat(lok.turun("penilaian", "bobot"), "jumlah bobot nilai akhir harus lebih dari 0")
        )
    insentif = k.penghargaan.insentif
    if insentif.skema == "peringkat" and not insentif.bobot_peringkat:
        masalah.append(
            galat(
                lok.turun("penghargaan", "insentif", "bobot_peringkat"),
                "skema peringkat membutuhkan bobot_peringkat, mis. [3, 2, 1]",
            )
        )
    if roster is None:
        return  # the roster could not be read: unit names cannot be checked against it
    unit_ada = sorted({e.data.unit for e in roster.values()})
    for nama in k.unit:
        if nama not in unit_ada:
            saran = maksudnya(mirip(nama, unit_ada))
            masalah.append(
                peringatan(
                    lok.turun("unit").kunci(nama),
                    f'unit "{nama}" tidak dipakai pegawai mana pun{saran}',
                )
            )


def _nama(roster: dict[str, Entri[model.Pegawai]], n: str | int) -> str:
    e = roster.get(str(n))
    return f"{e.data.nama}, NIP {n}" if e is not None else str(n)
