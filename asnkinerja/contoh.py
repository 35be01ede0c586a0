"""Sample workspaces: the curated Distrik Wanggar sample, and synthetic ones at scale.

`berkas_sampel` yields the shipped sample's files; `berkas_sintetis` yields a
deterministic workspace of any size for scale tests (same seed, same bytes).
Both return (relative name, content) pairs; only the CLI writes them.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from asnkinerja import sumber
from asnkinerja.inti.regulasi import BERAKHLAK, GOLONGAN_PNS, GOLONGAN_PPPK
from asnkinerja.teks import slug

# ---------------------------------------------------------------- YAML text helpers


def q(teks: str) -> str:
    """A YAML double-quoted scalar: safe for any name, colon or quote inside."""
    return '"' + teks.replace("\\", "\\\\").replace('"', '\\"') + '"'


def angka(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(round(x, 2))


@dataclass
class Indikator:
    indikator: str
    target: float
    realisasi: float
    satuan: str
    bobot: float = 1.0
    arah: str = "naik"


@dataclass
class LaporanTeks:
    nip: str
    periode: str
    tanggal_lapor: datetime.date
    pencapaian: list[Indikator]
    tantangan: list[str]
    rencana_perbaikan: list[str]
    penilai: str | None
    perilaku: dict[str, int] = field(default_factory=dict)
    hasil_kerja: str | None = None
    perilaku_kerja: str | None = None
    umpan_balik: str = ""


def teks_laporan(lap: LaporanTeks) -> str:
    """One report as a YAML list item."""
    b = [
        f"- nip: {q(lap.nip)}",
        f"  periode: {q(lap.periode)}",
        f"  tanggal_lapor: {lap.tanggal_lapor.isoformat()}",
        "  pencapaian:",
    ]
    for c in lap.pencapaian:
        b.append(f"    - indikator: {q(c.indikator)}")
        b.append(f"      target: {angka(c.target)}")
        b.append(f"      realisasi: {angka(c.realisasi)}")
        b.append(f"      satuan: {q(c.satuan)}")
        if c.bobot != 1:
            b.append(f"      bobot: {angka(c.bobot)}")
        if c.arah != "naik":
            b.append(f"      arah: {c.arah}")
    for kunci, isi in (("tantangan", lap.tantangan), ("rencana_perbaikan", lap.rencana_perbaikan)):
        if isi:
            b.append(f"  {kunci}:")
            b.extend(f"    - {q(t)}" for t in isi)
        else:
            b.append(f"  {kunci}: []")
    if lap.penilai is not None:
        b.append("  penilaian:")
        b.append(f"    penilai: {q(lap.penilai)}")
        b.append("    perilaku:")
        b.extend(f"      {k}: {lap.perilaku[k]}" for k in BERAKHLAK)
        if lap.hasil_kerja:
            b.append(f"    hasil_kerja: {lap.hasil_kerja}")
        if lap.perilaku_kerja:
            b.append(f"    perilaku_kerja: {lap.perilaku_kerja}")
        if lap.umpan_balik:
            b.append(f"    umpan_balik: {q(lap.umpan_balik)}")
    return "\n".join(b) + "\n"


# ---------------------------------------------------------------- the curated sample


def berkas_sampel() -> Iterator[tuple[str, bytes]]:
    """The Distrik Wanggar sample shipped with the tool, file by file."""
    akar = sumber.folder_contoh()
    for p in sorted(akar.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            yield p.relative_to(akar).as_posix(), p.read_bytes()


# ---------------------------------------------------------------- synthetic workspaces

UNIT_SINTETIS = (
    "Sekretariat Daerah", "Inspektorat", "Bappeda", "BKPSDM", "BPKAD",
    "Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "RSUD Nabire", "Dinas PUPR",
    "Dinas Sosial", "Dinas Dukcapil", "Satpol PP", "BPBD", "Puskesmas Nabire",
    "Distrik Nabire", "Distrik Nabire Barat", "Distrik Teluk Kimi", "Distrik Makimi",
    "Distrik Wanggar", "Distrik Yaro", "Distrik Yaur", "Distrik Moora", "Distrik Teluk Umar",
    "Distrik Napan", "Distrik Uwapa", "Distrik Siriwo", "Distrik Dipa", "Distrik Menou",
    "Distrik Wapoga",
)  # fmt: skip
MARGA = (
    "Pigai", "Kayame", "Yeimo", "Tebai", "Mote", "Degei", "Gobai", "Nawipa", "Tekege",
    "Kadepa", "Bunai", "Rumere", "Waray", "Wonda", "Santoso", "Wibowo", "Lestari",
    "Rahman", "Pakiding", "Sampe", "Hamzah", "Siregar", "Manuputty", "Latuconsina",
)  # fmt: skip
NAMA_DEPAN = (
    "Yohanes", "Maria", "Petrus", "Yuliana", "Agustinus", "Fransiska", "Markus", "Ester",
    "Andi", "Siti", "Budi", "Dewi", "Rahmat", "Nurhayati", "Yosep", "Ruth", "Daniel",
    "Mince", "Hendrik", "Selviana", "Muhammad", "Aisyah", "Stefanus", "Theresia",
)  # fmt: skip
GELAR = ("", "", "", "S.Sos.", "S.Kep.", "S.Pd.", "S.E.", "S.T.", "A.Md.", "S.H.", "M.Si.")
INDIKATOR = (
    ("Dokumen pelayanan administrasi yang diselesaikan", "dokumen"),
    ("Kegiatan lapangan yang dilaksanakan", "kegiatan"),
    ("Laporan kegiatan yang disusun tepat waktu", "laporan"),
    ("Warga yang dilayani", "orang"),
    ("Data yang dimutakhirkan", "data"),
    ("Rapat koordinasi yang difasilitasi", "rapat"),
)
TANTANGAN = (
    "Jaringan internet di kantor sering terputus",
    "Jarak ke kampung jauh dan kendaraan dinas terbatas",
    "Listrik padam sehingga pelayanan tertunda",
    "Data kependudukan belum mutakhir",
    "Beban kerja meningkat menjelang akhir triwulan",
    "Koordinasi dengan OPD lain belum lancar",
)
RENCANA = (
    "Menjadwalkan kunjungan lapangan bersama",
    "Menyiapkan formulir cadangan saat jaringan terputus",
    "Mengikuti pelatihan aplikasi e-kinerja",
    "Membagi tugas ulang di dalam tim",
    "Berkoordinasi mingguan dengan atasan",
)


def _nip_pns(r: random.Random, urut: int, tahun: int = 2025) -> tuple[str, datetime.date]:
    """A PNS who had started service (TMT CPNS) by `tahun`, at 18 or older."""
    akhir = min(tahun, 2022)
    lahir = datetime.date(r.randint(akhir - 56, akhir - 24), r.randint(1, 12), r.randint(1, 28))
    tahun_tmt = min(lahir.year + r.randint(22, 32), akhir)
    bulan_tmt = r.randint(1, 12)
    nip = f"{lahir:%Y%m%d}{tahun_tmt:04d}{bulan_tmt:02d}{r.randint(1, 2)}{urut % 1000:03d}"
    return nip, datetime.date(tahun_tmt, bulan_tmt, 1)


def _nip_pppk(r: random.Random, urut: int, tahun_laporan: int = 2025) -> tuple[str, datetime.date]:
    """A PPPK appointed by `tahun_laporan`, at 21 or older."""
    akhir = min(tahun_laporan, 2024)
    lahir = datetime.date(r.randint(akhir - 49, akhir - 24), r.randint(1, 12), r.randint(1, 28))
    tahun = r.choice(tuple(range(akhir - 3, akhir + 1)))
    kode = r.choice(("21", "24"))
    return f"{lahir:%Y%m%d}{tahun}{kode}{r.randint(1, 2)}{urut % 1000:03d}", datetime.date(
        tahun, 3, 1
    )


def berkas_sintetis(
    jumlah_pegawai: int,
    tahun: int = 2025,
    benih: int = 1,
    hari_ini: datetime.date | None = None,
) -> Iterator[tuple[str, str]]:
    """A deterministic workspace of `jumlah_pegawai` ASN with a year of monthly reports,
    holding only what could exist by `hari_ini` (default: today): employees who had
    started service by that year, reports of months that have ended and were submitted
    by then, events that have taken place. It passes `periksa` for any year and size
    (tests/test_contoh.py)."""
    hari = hari_ini or datetime.date.today()
    r = random.Random(benih)
    n_unit = max(1, min(len(UNIT_SINTETIS), jumlah_pegawai // 8))
    unit = UNIT_SINTETIS[:n_unit]
    dipakai: set[str] = set()
    pegawai: list[tuple[str, str, str, str | None, float]] = []  # nip, nama, unit, atasan, mutu
    teks_pegawai = [f"# Data sintetis: {jumlah_pegawai} pegawai, benih {benih}.\n"]
    kepala: dict[str, str] = {}
    for i in range(jumlah_pegawai):
        u = unit[i % n_unit]
        pppk = i >= n_unit and r.random() < 0.2
        while True:
            nip, tmt = (_nip_pppk if pppk else _nip_pns)(r, r.randint(1, 999), tahun)
            if nip not in dipakai:
                dipakai.add(nip)
                break
        gelar = r.choice(GELAR)
        nama = f"{r.choice(NAMA_DEPAN)} {r.choice(MARGA)}" + (f", {gelar}" if gelar else "")
        atasan = kepala.get(u)
        if atasan is None:
            kepala[u] = nip
        gol = r.choice(GOLONGAN_PPPK[6:11]) if pppk else r.choice(GOLONGAN_PNS[5:13])
        jenis = "pimpinan" if atasan is None else r.choice(("fungsional", "pelaksana"))
        mutu = r.gauss(0, 1)
        pegawai.append((nip, nama, u, atasan, mutu))
        baris = [
            f"- nip: {q(nip)}",
            f"  nama: {q(nama)}",
            f"  status: {'PPPK' if pppk else 'PNS'}",
            f"  golongan: {q(gol)}",
            f"  jabatan: {q('Kepala ' + u if atasan is None else 'Staf ' + u)}",
            f"  jenis_jabatan: {jenis}",
            f"  unit: {q(u)}",
        ]
        if atasan is not None:
            baris.append(f"  atasan: {q(atasan)}")
        if pppk:
            baris.append(f"  tmt_cpns: {tmt.isoformat()}")
        teks_pegawai.append("\n".join(baris) + "\n")
    yield (
        "kebijakan.yaml",
        (
            f"instansi: {q('Pemerintah Kabupaten Nabire (sintetis)')}\n"
            "periode_laporan: bulanan\nbatas_lapor_hari: 10\n"
        ),
    )
    yield "pegawai.yaml", "".join(teks_pegawai)
    yield from _laporan_sintetis(r, pegawai, tahun, hari)
    yield "pelatihan.yaml", _pelatihan_sintetis(r, [p[0] for p in pegawai], tahun, hari)


def _laporan_sintetis(
    r: random.Random,
    pegawai: list[tuple[str, str, str, str | None, float]],
    tahun: int,
    hari_ini: datetime.date,
) -> Iterator[tuple[str, str]]:
    for bulan in range(1, 13):
        akhir = datetime.date(tahun + (bulan == 12), bulan % 12 + 1, 1)
        per_unit: dict[str, list[str]] = {}
        for nip, _nama, u, atasan, mutu in pegawai:
            if r.random() < 0.02:
                continue  # a missing report
            hari = r.randint(1, 9) if r.random() > 0.05 else r.randint(12, 25)
            if akhir + datetime.timedelta(days=hari - 1) > hari_ini:
                continue  # not yet submitted by the date in force (or the month has not ended)
            capaian = []
            for judul, satuan in r.sample(INDIKATOR, 3):
                target = r.choice((10, 20, 25, 40, 50))
                realisasi = max(0, round(target * (0.95 + 0.1 * mutu + r.gauss(0, 0.08))))
                capaian.append(Indikator(judul, target, realisasi, satuan))
            skor = max(1, min(5, round(3.4 + 0.6 * mutu + r.gauss(0, 0.3))))
            lap = LaporanTeks(
                nip=nip,
                periode=f"{tahun}-{bulan:02d}",
                tanggal_lapor=akhir + datetime.timedelta(days=hari - 1),
                pencapaian=capaian,
                tantangan=[r.choice(TANTANGAN)] if r.random() > 0.1 else [],
                rencana_perbaikan=[r.choice(RENCANA)],
                penilai=atasan,
                perilaku={k: max(1, min(5, skor + r.choice((-1, 0, 0, 0, 1)))) for k in BERAKHLAK},
                umpan_balik="Pertahankan kinerja" if mutu > 0 else "Tingkatkan ketepatan waktu",
            )
            per_unit.setdefault(u, []).append(teks_laporan(lap))
        for u, isi in per_unit.items():
            yield f"laporan/{tahun}-{bulan:02d}/{slug(u)}.yaml", "".join(isi)


def _pelatihan_sintetis(
    r: random.Random, nips: list[str], tahun: int, hari_ini: datetime.date
) -> str:
    bagian = []
    for i in range(max(1, len(nips) // 20)):
        peserta = r.sample(nips, min(len(nips), r.randint(10, 40)))
        tanggal = datetime.date(tahun, r.randint(1, 12), r.randint(1, 28))
        if tanggal > hari_ini:
            continue  # an event that has not taken place yet
        bagian.append(
            "\n".join(
                [
                    f"- nama: {q(f'Pelatihan {i + 1}')}",
                    f"  kompetensi: {r.choice(('teknis', 'manajerial', 'sosial_kultural'))}",
                    f"  bentuk: {r.choice(('pelatihan', 'workshop', 'seminar', 'sosialisasi'))}",
                    f"  tanggal: {tanggal.isoformat()}",
                    f"  jp: {r.choice((4, 8, 12, 16, 24))}",
                    "  narasumber:",
                    f"    - nama: {q('Narasumber ' + str(i + 1))}",
                    f"      sektor: {r.choice(('pemerintah', 'swasta', 'akademisi'))}",
                    "  peserta:",
                    *[f"    - {q(n)}" for n in peserta],
                ]
            )
            + "\n"
        )
    return "".join(bagian)
