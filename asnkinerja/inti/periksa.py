"""Checks across records: what one record alone cannot tell.

NIPs against the roster, duplicates (both places named), the supervisor chain,
periods against the policy, dates that cannot be, and the policy's own demands
on a report (deadline, tantangan and rencana_perbaikan, a penilai who is the
atasan). `periksa_ruang` is what `asnkinerja periksa` runs and what every other
command runs first.
"""

from __future__ import annotations

import datetime
from collections import Counter

import msgspec

from asnkinerja.inti import model, nip
from asnkinerja.inti.penghargaan import salah_pola_nomor
from asnkinerja.inti.periksa_laporan import periksa_laporan
from asnkinerja.inti.periksa_penetapan import periksa_penetapan
from asnkinerja.inti.periode import tanggal_teks
from asnkinerja.inti.ruang import Entri, RuangKerja, nama_dan_nip
from asnkinerja.masalah import Lokasi, Masalah, asing, galat, maksudnya, mirip, peringatan


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
    # Officials outside the roster (kebijakan `pejabat`) may rate and be an atasan.
    pejabat = {str(p.nip) for p in ruang.kebijakan.pejabat}
    kenal = _Dikenal(set(roster) | ruang.nip_cacat | pejabat)
    # With a roster file unreadable, "not in the roster" would be noise, not news.
    cek_roster = not ruang.pegawai_tak_terbaca and bool(ruang.pegawai or ruang.nip_cacat)
    _periksa_atasan(roster, kenal if cek_roster else None, masalah)
    periksa_laporan(ruang, roster, kenal if cek_roster else None, hari_ini, masalah)
    _periksa_pelatihan(ruang.pelatihan or [], kenal if cek_roster else None, masalah)
    periksa_penetapan(ruang.penetapan, roster, kenal if cek_roster else None, pejabat, hari_ini,
                      masalah)  # fmt: skip
    _periksa_kebijakan(ruang, roster if cek_roster else None, masalah)
    return kelompokkan_asing(masalah, roster)


# From this many problems on, the problems one unknown NIP causes become one problem.
KELOMPOK_ASING = 3


def kelompokkan_asing(
    masalah: list[Masalah], roster: dict[str, Entri[model.Pegawai]]
) -> list[Masalah]:
    """One NIP missing from the roster but used in many places (usually a typo in the
    roster itself) would bury the one real mistake under dozens of "not in the roster":
    they become one problem naming the NIP, how often and as what it is used, and the
    roster entry it most likely was meant to be (at that entry, where the fix is)."""
    per_nip: dict[str, list[Masalah]] = {}
    for m in masalah:
        if m.sebab is not None and m.sebab.startswith("asing:"):
            per_nip.setdefault(m.sebab.split(":")[1], []).append(m)
    besar = {n: ms for n, ms in per_nip.items() if len(ms) >= KELOMPOK_ASING}
    if not besar:
        return masalah
    hasil = [m for m in masalah if m.sebab is None or m.sebab.split(":")[1] not in besar]
    for nip_, ms in besar.items():
        peran = Counter(m.sebab.split(":", 2)[2] for m in ms if m.sebab)
        rincian = ", ".join(f"{n} sebagai {p}" for p, n in peran.most_common())
        pertama = ms[0].lokasi
        mirip_ = _nip_mirip(nip_, roster)
        if mirip_ is not None:
            e = roster[mirip_]
            hasil.append(galat(e.lokasi.turun("nip"), (
                f"NIP {nip_} dipakai {len(ms)} kali ({rincian}) tetapi tidak ada di daftar "
                f"pegawai; yang paling mirip adalah NIP {mirip_} ({e.data.nama}) di sini. "
                "Bila NIP di daftar pegawai ini salah ketik, perbaiki di sini sekali saja; "
                "semua rujukan itu ikut benar"), lihat_juga=pertama))  # fmt: skip
        else:
            hasil.append(galat(pertama, (
                f"NIP {nip_} tidak ada di daftar pegawai, padahal dipakai {len(ms)} kali "
                f"({rincian}; ini yang pertama). Bila ia pegawai, tambahkan ke pegawai.yaml; "
                "bila pejabat di luar daftar (misalnya Bupati), tulis di pejabat pada "
                "kebijakan.yaml; bila salah ketik, perbaiki NIP-nya")))  # fmt: skip
    return hasil


def _nip_mirip(n: str, roster: dict[str, Entri[model.Pegawai]]) -> str | None:
    """The roster NIP that differs from `n` in at most two digits (or by two swapped
    neighbours), if there is exactly one closest."""
    calon: list[tuple[int, str]] = []
    for r in roster:
        if len(r) != len(n):
            continue
        beda = [i for i, (a, b) in enumerate(zip(r, n, strict=True)) if a != b]
        tukar = len(beda) == 2 and beda[1] == beda[0] + 1 and r[beda[0]] == n[beda[1]]
        if len(beda) <= 2:
            calon.append((1 if tukar else len(beda), r))
    if not calon:
        return None
    calon.sort()
    if len(calon) > 1 and calon[0][0] == calon[1][0]:
        return None
    return calon[0][1]


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
                        f"tanggal hukuman disiplin {tanggal_teks(h.tanggal)} belum terjadi",
                    )
                )
            elif lahir is not None and h.tanggal <= lahir:
                masalah.append(
                    galat(
                        lok.turun("hukuman_disiplin", i, "tanggal"),
                        f"tanggal hukuman disiplin {tanggal_teks(h.tanggal)} sebelum tanggal lahir",
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
                    f"atasan {nama_dan_nip(roster, atasan)} tercatat tidak aktif (aktif: false); "
                    "perbarui atasan langsung pegawai ini",
                )
            )
        elif kenal is not None and atasan not in kenal:
            masalah.append(
                asing(
                    e.lokasi.turun("atasan"),
                    str(atasan),
                    "atasan",
                    f"atasan {atasan} tidak ada di daftar pegawai; tambahkan atasan itu "
                    "ke pegawai.yaml (atau ke pejabat di kebijakan.yaml bila ia tidak "
                    "dievaluasi) atau perbaiki NIP-nya",
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
                    asing(
                        lok.turun("peserta", i),
                        nip_teks,
                        "peserta",
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
    for i, pj in enumerate(k.pejabat):
        if roster is not None and str(pj.nip) in roster:
            masalah.append(
                peringatan(
                    lok.turun("pejabat", i, "nip"),
                    f"pejabat {pj.nama} ({pj.nip}) juga ada di daftar pegawai; pejabat di "
                    "kebijakan.yaml hanya untuk yang tidak dievaluasi, hapus salah satunya",
                )
            )
    salah = salah_pola_nomor(k.penghargaan.nomor_piagam)
    if salah is not None:
        masalah.append(
            galat(
                lok.turun("penghargaan", "nomor_piagam"),
                f"nomor_piagam: {salah}; pakai {{urut}}, {{tahun}} dan {{periode}}, mis. "
                '"800/{urut:03d}/BKPSDM/{tahun}"',
            )
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
