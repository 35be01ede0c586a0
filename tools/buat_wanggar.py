"""Build the curated Distrik Wanggar sample workspace in data/wanggar.

Run from the repository root: `python tools/buat_wanggar.py`. The output is
committed; this script documents how it was made and which stories it holds
(see data/wanggar/BACA.md). Every person's profile below is a deliberate story;
the monthly variation comes from a fixed seed, so re-running gives the same bytes.
The names are invented; none is a real official.
"""

from __future__ import annotations

import datetime
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from asnkinerja.contoh import Indikator, LaporanTeks, q, teks_laporan
from asnkinerja.inti.regulasi import BERAKHLAK

TAHUN = 2025
AKAR = Path(__file__).resolve().parent.parent / "data" / "wanggar"


@dataclass
class Orang:
    kode: str  # short handle used below to name the atasan
    nama: str
    unit: str
    jabatan: str
    jenis_jabatan: str
    golongan: str
    lahir: tuple[int, int, int]
    kelamin: int
    tmt: tuple[int, int]  # PNS: TMT CPNS (year, month); PPPK: year of appointment, month
    atasan: str | None
    capaian: float  # typical capaian in percent
    perilaku: float  # typical mean BerAKHLAK score
    status: str = "PNS"
    tren: float = 0.0  # change of capaian per month (percentage points)
    hilang: tuple[int, ...] = ()  # months with no report
    telat: tuple[int, ...] = ()  # months reported after the deadline
    tanpa_tantangan: tuple[int, ...] = ()
    tanpa_rencana: tuple[int, ...] = ()
    hukuman: list[tuple[str, str, str]] = field(default_factory=list)
    indikator: str = "umum"
    nip: str = ""


D, P, K, B, S = (
    "Distrik Wanggar",
    "Puskesmas Wanggar",
    "Dinas Dukcapil",
    "Bappeda",
    "BKPSDM",
)

# The Sekda's penilai: the (acting) Bupati, an official outside the roster, listed under
# `pejabat` in the policy. A made-up person, as everyone here.
PEJABAT = {
    "kode": "pj",
    "nip": "196905121990031007",
    "nama": "Drs. Fransiskus Pekei, M.M.",
    "jabatan": "Penjabat Bupati Nabire",
    "pangkat": "Pembina Utama Madya (IV/d)",
}

ORANG = [
    # ---- Sekretariat Daerah: the head of the chain, rated by the Bupati (a `pejabat`)
    Orang("sekda", "Drs. Marthinus Kotouki, M.Si.", "Sekretariat Daerah",
          "Sekretaris Daerah Kabupaten Nabire", "pimpinan", "IV/d", (1968, 12, 1), 1,
          (1993, 3), "pj", 105, 4.0, indikator="pimpinan"),
    # ---- Distrik Wanggar: keeps its curve (predikat organisasi Baik)
    Orang("kd", "Yohanes Pigai, S.Sos., M.Si.", D, "Kepala Distrik Wanggar", "pimpinan",
          "IV/a", (1972, 4, 11), 1, (1998, 3), "sekda", 108, 4.1, indikator="pimpinan"),
    Orang("sd", "Theresia Manuputty, S.H.", D, "Sekretaris Distrik", "pimpinan",
          "III/d", (1979, 9, 2), 2, (2005, 1), "kd", 104, 3.9, indikator="pimpinan"),
    Orang("kpel", "Maria Kayame, S.Sos.", D, "Kepala Seksi Pelayanan Umum", "pimpinan",
          "III/c", (1986, 9, 26), 2, (2010, 5), "sd", 116, 4.6, indikator="pelayanan"),
    Orang("kpem", "Andi Pakiding, S.T.", D, "Kepala Seksi Pemberdayaan Masyarakat Kampung",
          "pimpinan", "III/c", (1984, 2, 17), 1, (2009, 4), "sd", 119, 4.8,
          indikator="pelayanan",
          hukuman=[("sedang", "2025-03-14",
                    "Tidak masuk kerja tanpa keterangan sah selama 12 hari kerja")]),
    Orang("d1", "Petrus Degei", D, "Pengadministrasi Umum", "pelaksana", "II/c",
          (1990, 7, 5), 1, (2014, 3), "kpel", 98, 3.5, telat=(2, 4, 7, 9, 11),
          indikator="pelayanan"),
    Orang("d2", "Ester Yeimo, A.Md.", D, "Pengelola Data Kependudukan", "pelaksana", "II/d",
          (1992, 1, 30), 2, (2017, 2), "kpel", 102, 3.6, tanpa_tantangan=(3, 4, 5, 8),
          tanpa_rencana=(8,), indikator="pelayanan"),
    Orang("d3", "Yosep Gobai", D, "Pengelola Program Kampung", "pelaksana", "II/b",
          (1994, 11, 12), 1, (2019, 6), "kpem", 80, 3.3, indikator="kampung"),
    Orang("d4", "Markus Waray", D, "Pengadministrasi Umum", "pelaksana", "II/a",
          (1996, 3, 8), 1, (2020, 1), "kpem", 70, 2.7, hilang=(5,), indikator="kampung"),
    Orang("d5", "Stefanus Tekege", D, "Pengelola Keamanan dan Ketertiban", "pelaksana",
          "II/c", (1988, 6, 21), 1, (2012, 7), "sd", 101, 2.6, indikator="kampung"),
    Orang("d6", "Hendrik Wonda, S.IP.", D, "Analis Pemerintahan", "fungsional", "III/a",
          (1991, 12, 3), 1, (2018, 3), "sd", 100, 3.6, hilang=(6, 7, 8, 9),
          indikator="pemerintahan"),
    Orang("d7", "Nurhayati Hamzah, S.E.", D, "Bendahara", "pelaksana", "III/b",
          (1987, 5, 14), 2, (2011, 2), "sd", 103, 3.8, indikator="keuangan"),
    Orang("d8", "Yuliana Nawipa", D, "Pengelola Layanan Kampung", "pelaksana", "VII",
          (1995, 8, 19), 2, (2023, 21), "kpem", 100, 3.7, status="PPPK",
          indikator="kampung"),
    Orang("d9", "Daniel Kadepa", D, "Pengadministrasi Perkantoran", "pelaksana", "V",
          (1997, 10, 1), 1, (2022, 24), "kpel", 99, 3.5, status="PPPK",
          indikator="pelayanan"),
    Orang("d10", "Ruth Bunai, S.Pd.", D, "Penyuluh Pemberdayaan Masyarakat", "fungsional",
          "IX", (1993, 4, 27), 2, (2021, 21), "kpem", 104, 3.9, status="PPPK",
          indikator="kampung"),
    # ---- Puskesmas Wanggar (predikat organisasi Istimewa)
    Orang("kp", "dr. Fransiska Rumere", P, "Kepala Puskesmas Wanggar", "pimpinan", "III/d",
          (1983, 1, 9), 2, (2010, 1), "sekda", 110, 4.2, indikator="pimpinan"),
    Orang("p1", "Yuliana Tebai, S.Kep., Ns.", P, "Perawat Ahli Pertama", "fungsional",
          "III/b", (1989, 7, 23), 2, (2014, 4), "kp", 116, 4.7, indikator="kesehatan"),
    Orang("p2", "Siti Rahmawati, A.Md.Keb.", P, "Bidan Terampil", "fungsional", "II/d",
          (1991, 3, 2), 2, (2016, 2), "kp", 111, 4.1, indikator="kesehatan"),
    Orang("p3", "Agustina Sampe, A.Md.Kep.", P, "Perawat Terampil", "fungsional", "II/d",
          (1992, 9, 15), 2, (2017, 5), "kp", 104, 3.8, indikator="kesehatan"),
    Orang("p4", "Mince Nawipa, A.Md.Kep.", P, "Perawat Terampil", "fungsional", "VII",
          (1996, 12, 20), 2, (2022, 21), "kp", 82, 3.4, status="PPPK",
          indikator="kesehatan"),
    Orang("p5", "Muhammad Latuconsina, S.Farm.", P, "Asisten Apoteker", "fungsional",
          "III/a", (1993, 5, 6), 1, (2019, 3), "kp", 106, 3.9, indikator="kesehatan"),
    Orang("p6", "Yakobus Mote, A.Md.AK.", P, "Pranata Laboratorium Kesehatan", "fungsional",
          "II/c", (1994, 8, 11), 1, (2018, 6), "kp", 101, 3.6, indikator="kesehatan"),
    Orang("p7", "Aisyah Lestari, S.KM.", P, "Epidemiolog Kesehatan", "fungsional", "III/a",
          (1995, 2, 28), 2, (2020, 2), "kp", 112, 4.3, indikator="kesehatan"),
    Orang("p8", "Selvi Kayame", P, "Pengadministrasi Kesehatan", "pelaksana", "V",
          (1998, 6, 4), 2, (2023, 24), "kp", 98, 3.5, status="PPPK", indikator="pelayanan"),
    Orang("p9", "Rahmat Wibowo, S.Kep., Ns.", P, "Perawat Ahli Pertama", "fungsional",
          "III/a", (1990, 10, 17), 1, (2017, 8), "kp", 107, 4.0, indikator="kesehatan"),
    # ---- Dinas Dukcapil: improving and low engagement
    Orang("kk", "Drs. Hamzah Siregar, M.Si.", K, "Kepala Dinas Dukcapil", "pimpinan", "IV/b",
          (1970, 8, 8), 1, (1996, 3), "sekda", 105, 4.0, indikator="pimpinan"),
    Orang("sk", "Agustinus Mote, S.Sos.", K, "Sekretaris Dinas", "pimpinan", "IV/a",
          (1978, 5, 30), 1, (2003, 2), "kk", 112, 4.3, indikator="pimpinan"),
    Orang("k1", "Selviana Rumere, A.Md.", K, "Pengolah Data Kependudukan", "pelaksana",
          "II/d", (1993, 9, 9), 2, (2016, 4), "sk", 70, 3.5, tren=4.0, indikator="pelayanan"),
    Orang("k2", "Daniel Bunai", K, "Operator SIAK", "pelaksana", "II/b", (1995, 1, 18), 1,
          (2019, 2), "sk", 78, 3.2, tanpa_rencana=(2, 3, 5, 6, 9), indikator="pelayanan"),
    Orang("k3", "Ruth Pigai, S.Kom.", K, "Pranata Komputer", "fungsional", "III/b",
          (1990, 4, 4), 2, (2015, 3), "sk", 104, 3.8, tanpa_rencana=(1, 4),
          indikator="data"),
    Orang("k4", "Yosef Tebai", K, "Pengadministrasi Kependudukan", "pelaksana", "II/c",
          (1992, 12, 24), 1, (2016, 12), "sk", 96, 3.4, telat=(3, 6, 10),
          tanpa_rencana=(7, 8), indikator="pelayanan"),
    Orang("k5", "Dewi Pakiding, S.E.", K, "Analis Kependudukan", "fungsional", "III/a",
          (1994, 6, 13), 2, (2020, 3), "sk", 101, 3.7, tanpa_rencana=(3, 9),
          indikator="data"),
    Orang("k6", "Markus Yeimo", K, "Operator Layanan Keliling", "pelaksana", "VI",
          (1996, 7, 7), 1, (2022, 24), "sk", 97, 3.5, status="PPPK", tanpa_rencana=(11,),
          indikator="pelayanan"),
    Orang("k7", "Fransiskus Gobai", K, "Pengadministrasi Umum", "pelaksana", "V",
          (1999, 3, 21), 1, (2023, 21), "sk", 94, 3.3, status="PPPK",
          hilang=(1, 2), indikator="pelayanan"),
    # ---- Bappeda: breaks its curve (predikat organisasi Baik, yet nobody below Baik)
    Orang("kb", "Ir. Budi Hartono, M.T.", B, "Kepala Bappeda", "pimpinan", "IV/c",
          (1969, 10, 5), 1, (1995, 3), "sekda", 106, 4.0, indikator="pimpinan"),
    Orang("b1", "Lidia Waray, S.E., M.Si.", B, "Perencana Ahli Muda", "fungsional", "III/d",
          (1982, 11, 1), 2, (2008, 1), "kb", 111, 4.2, indikator="perencanaan"),
    Orang("b2", "Samuel Kadepa, S.T.", B, "Perencana Ahli Pertama", "fungsional", "III/b",
          (1988, 2, 14), 1, (2013, 3), "kb", 100, 3.6, indikator="perencanaan"),
    Orang("b3", "Wulan Santoso, S.Si.", B, "Statistisi Ahli Pertama", "fungsional", "III/a",
          (1992, 5, 22), 2, (2018, 2), "kb", 99, 3.5, indikator="data"),
    Orang("b4", "Yohana Degei, S.E.", B, "Analis Anggaran", "pelaksana", "III/b",
          (1989, 8, 30), 2, (2014, 6), "kb", 102, 3.7, indikator="keuangan"),
    Orang("b5", "Rudi Sampe, S.Kom.", B, "Pranata Komputer", "fungsional", "III/a",
          (1993, 1, 12), 1, (2019, 3), "kb", 97, 3.4, indikator="data"),
    Orang("b6", "Natalia Wonda, S.Sos.", B, "Analis Kebijakan", "fungsional", "III/b",
          (1990, 9, 18), 2, (2015, 2), "kb", 101, 3.6, indikator="perencanaan"),
    Orang("b7", "Imanuel Bunai", B, "Pengadministrasi Perencanaan", "pelaksana", "VII",
          (1995, 4, 9), 1, (2022, 21), "kb", 95, 3.3, status="PPPK", indikator="perencanaan"),
    # ---- BKPSDM: the HR office itself, with a declining employee
    Orang("ks", "Paulus Tekege, S.H., M.H.", S, "Kepala BKPSDM", "pimpinan", "IV/b",
          (1974, 3, 19), 1, (1999, 3), "sekda", 107, 4.1, indikator="pimpinan"),
    Orang("s1", "Rahmat Hidayat, S.E.", S, "Analis SDM Aparatur Ahli Muda", "fungsional",
          "III/d", (1985, 6, 2), 1, (2010, 3), "ks", 114, 4.4, indikator="kepegawaian"),
    Orang("s2", "Budi Santoso, S.H.", S, "Analis SDM Aparatur Ahli Pertama", "fungsional",
          "III/b", (1988, 10, 25), 1, (2013, 4), "ks", 118, 3.9, tren=-4.0,
          indikator="kepegawaian"),
    Orang("s3", "Merry Rumere, S.Psi.", S, "Asesor SDM Aparatur", "fungsional", "III/b",
          (1991, 7, 16), 2, (2016, 3), "ks", 108, 4.2, indikator="kepegawaian"),
    Orang("s4", "Yoel Nawipa, A.Md.", S, "Pengelola Data Kepegawaian", "pelaksana", "II/d",
          (1994, 2, 6), 1, (2018, 2), "ks", 103, 3.7, indikator="data"),
    Orang("s5", "Sri Wahyuni, S.Pd.", S, "Widyaiswara Ahli Pertama", "fungsional", "III/a",
          (1992, 12, 12), 2, (2019, 6), "ks", 105, 3.9, indikator="kepegawaian"),
    Orang("s6", "Kornelius Kayame", S, "Pengadministrasi Kepegawaian", "pelaksana", "VI",
          (1997, 9, 27), 1, (2022, 24), "ks", 100, 3.6, status="PPPK",
          indikator="kepegawaian"),
    Orang("s7", "Herlina Pigai, S.Kom.", S, "Pranata Komputer", "fungsional", "IX",
          (1996, 1, 3), 2, (2021, 21), "ks", 106, 3.8, status="PPPK", indikator="data"),
]  # fmt: skip

INDIKATOR: dict[str, list[tuple[str, float, str, str]]] = {
    "pimpinan": [
        ("Program kerja unit yang terlaksana sesuai jadwal", 10, "program", "naik"),
        ("Rapat evaluasi kinerja bersama staf", 4, "rapat", "naik"),
        ("Umpan balik tertulis kepada staf", 8, "umpan balik", "naik"),
    ],
    "pelayanan": [
        ("Dokumen pelayanan administrasi yang diselesaikan", 40, "dokumen", "naik"),
        ("Rata-rata waktu penyelesaian layanan", 3, "hari", "turun"),
        ("Warga yang dilayani", 60, "orang", "naik"),
    ],
    "kampung": [
        ("Kunjungan pendampingan ke kampung", 6, "kunjungan", "naik"),
        ("Laporan kegiatan kampung yang diverifikasi", 8, "laporan", "naik"),
        ("Musyawarah kampung yang difasilitasi", 2, "musyawarah", "naik"),
    ],
    "pemerintahan": [
        ("Kajian pemerintahan distrik yang disusun", 2, "kajian", "naik"),
        ("Data wilayah kampung yang dimutakhirkan", 12, "kampung", "naik"),
    ],
    "keuangan": [
        ("Dokumen pertanggungjawaban keuangan yang diverifikasi", 30, "dokumen", "naik"),
        ("Laporan keuangan yang disampaikan tepat waktu", 2, "laporan", "naik"),
    ],
    "kesehatan": [
        ("Pasien yang dilayani sesuai standar", 120, "pasien", "naik"),
        ("Kunjungan posyandu dan rumah", 8, "kunjungan", "naik"),
        ("Catatan rekam medis yang lengkap", 100, "persen", "naik"),
    ],
    "data": [
        ("Data yang dimutakhirkan dan divalidasi", 200, "data", "naik"),
        ("Gangguan sistem yang ditangani", 5, "tiket", "naik"),
    ],
    "perencanaan": [
        ("Dokumen perencanaan yang disusun", 3, "dokumen", "naik"),
        ("Rapat koordinasi perencanaan yang difasilitasi", 4, "rapat", "naik"),
        ("Usulan musrenbang yang diverifikasi", 25, "usulan", "naik"),
    ],
    "kepegawaian": [
        ("Usulan layanan kepegawaian yang diproses", 45, "usulan", "naik"),
        ("Data SKP pegawai yang diverifikasi", 80, "SKP", "naik"),
        ("Konsultasi kepegawaian yang dilayani", 20, "konsultasi", "naik"),
    ],
}

TANTANGAN = [
    "Jaringan internet di kantor distrik sering terputus",
    "Jarak ke kampung jauh dan kendaraan dinas terbatas",
    "Listrik padam beberapa hari sehingga layanan tertunda",
    "Banyak warga belum membawa dokumen pendukung yang lengkap",
    "Cuaca buruk menghambat kunjungan ke kampung pesisir",
    "Aplikasi pusat sering gangguan saat jam sibuk",
    "Beban kerja meningkat menjelang akhir triwulan",
    "Koordinasi lintas OPD belum berjalan rutin",
]
RENCANA = [
    "Menyiapkan formulir cadangan saat jaringan terputus",
    "Menjadwalkan kunjungan kampung bersama kepala kampung",
    "Membagi ulang tugas di dalam tim agar beban merata",
    "Berkonsultasi mingguan dengan atasan tentang target",
    "Mengikuti pelatihan aplikasi yang dipakai",
    "Menyusun daftar periksa layanan agar tidak ada yang terlewat",
]
UMPAN_BALIK_BAIK = [
    "Kinerja sangat baik; pertahankan dan bagikan cara kerja kepada rekan",
    "Target tercapai; tingkatkan dokumentasi kegiatan",
    "Pelayanan kepada warga cepat dan ramah",
]
UMPAN_BALIK_KURANG = [
    "Target belum tercapai; mari susun jadwal kerja mingguan bersama",
    "Perlu meningkatkan ketepatan waktu dan disiplin",
    "Perlu pendampingan dalam menyelesaikan tugas pokok",
]


def buat_nip(o: Orang, urut: int) -> str:
    th, bl, hr = o.lahir
    if o.status == "PNS":
        return f"{th:04d}{bl:02d}{hr:02d}{o.tmt[0]:04d}{o.tmt[1]:02d}{o.kelamin}{urut:03d}"
    return f"{th:04d}{bl:02d}{hr:02d}{o.tmt[0]:04d}{o.tmt[1]:02d}{o.kelamin}{urut:03d}"


def teks_pegawai(orang: list[Orang], kode: dict[str, Orang]) -> str:
    b = [
        "# Daftar pegawai (ASN) Distrik Wanggar dan beberapa OPD Kabupaten Nabire.",
        "# Data contoh: nama dan NIP rekaan, bukan pejabat sebenarnya.",
        "",
    ]
    unit = None
    for o in orang:
        if o.unit != unit:
            b.append(f"# ---- {o.unit}")
            unit = o.unit
        b.append(f"- nip: {q(o.nip)}")
        b.append(f"  nama: {q(o.nama)}")
        b.append(f"  status: {o.status}")
        b.append(f"  golongan: {q(o.golongan)}")
        b.append(f"  jabatan: {q(o.jabatan)}")
        b.append(f"  jenis_jabatan: {o.jenis_jabatan}")
        b.append(f"  unit: {q(o.unit)}")
        if o.atasan:
            b.append(f"  atasan: {q(nip_dari(kode, o.atasan))}")
        if o.status == "PPPK":
            b.append(f"  tmt_cpns: {o.tmt[0]}-03-01")
        if o.hukuman:
            b.append("  hukuman_disiplin:")
            for tingkat, tanggal, ket in o.hukuman:
                b.append(f"    - tingkat: {tingkat}")
                b.append(f"      tanggal: {tanggal}")
                b.append(f"      keterangan: {q(ket)}")
        b.append("")
    return "\n".join(b)


def nip_dari(kode: dict[str, Orang], handle: str) -> str:
    """The NIP behind a short handle: someone on the roster, or the Bupati (`pejabat`)."""
    return PEJABAT["nip"] if handle == PEJABAT["kode"] else kode[handle].nip


def skor_perilaku(r: random.Random, rata: float) -> dict[str, int]:
    """Seven integer scores whose mean is close to `rata`."""
    total = round(rata * 7)
    dasar = [total // 7] * 7
    for i in r.sample(range(7), total - sum(dasar)):
        dasar[i] += 1
    return {k: max(1, min(5, v)) for k, v in zip(BERAKHLAK, dasar, strict=True)}


def laporan_bulan(r: random.Random, o: Orang, kode: dict[str, Orang], bulan: int) -> str:
    capaian = o.capaian + o.tren * (bulan - 6.5) + r.uniform(-2, 2)
    pencapaian = []
    for judul, target, satuan, arah in INDIKATOR[o.indikator]:
        c = capaian + r.uniform(-3, 3)
        if arah == "naik":
            realisasi = max(0, round(target * c / 100))
        else:  # lower is better: realisasi = target / capaian
            realisasi = round(target * 100 / max(c, 1), 1)
        pencapaian.append(Indikator(judul, target, realisasi, satuan, arah=arah))
    akhir = datetime.date(TAHUN + (bulan == 12), bulan % 12 + 1, 1) - datetime.timedelta(1)
    hari = r.randint(15, 24) if bulan in o.telat else r.randint(1, 8)
    baik = capaian >= 100 and o.perilaku >= 3.5
    penilai = o.atasan
    umpan = r.choice(UMPAN_BALIK_BAIK if baik else UMPAN_BALIK_KURANG)
    if o.kode == "d2" and bulan == 10:
        penilai = "sd"  # the Kasi was on leave; the Sekretaris Distrik rated instead
        umpan = "Dinilai Sekretaris Distrik karena Kepala Seksi sedang cuti"
    lap = LaporanTeks(
        nip=o.nip,
        periode=f"{TAHUN}-{bulan:02d}",
        tanggal_lapor=akhir + datetime.timedelta(days=hari),
        pencapaian=pencapaian,
        tantangan=[] if bulan in o.tanpa_tantangan else r.sample(TANTANGAN, r.randint(1, 2)),
        rencana_perbaikan=[] if bulan in o.tanpa_rencana else [r.choice(RENCANA)],
        penilai=nip_dari(kode, penilai) if penilai else None,
        perilaku=skor_perilaku(r, o.perilaku + r.choice((-0.15, 0, 0, 0.15))),
        umpan_balik=umpan,
    )
    if o.kode == "p1" and bulan == 12:
        lap.hasil_kerja = "di_atas"  # an explicit rating by the penilai
        lap.umpan_balik = "Berhasil menurunkan kasus gizi buruk; hasil kerja di atas ekspektasi"
    return teks_laporan(lap)


KEBIJAKAN = """\
# Kebijakan evaluasi kinerja: Distrik Wanggar dan OPD contoh, Kabupaten Nabire.
# Setiap kunci boleh dihapus; nilai bawaannya dijelaskan di docs/format.md.
instansi: "Pemerintah Kabupaten Nabire"
periode_laporan: bulanan      # laporan berkala tiap bulan
batas_lapor_hari: 10          # paling lambat 10 hari setelah akhir bulan
tempat: "Nabire"
# Contoh dasar kebijakan lokal (rekaan): ambang, skala dan bobot di bawah ditetapkan instansi.
dasar_kebijakan: "Peraturan Bupati Nabire Nomor 7 Tahun 2025"
penandatangan:
  nama: "Paulus Tekege, S.H., M.H."
  jabatan: "Kepala BKPSDM Kabupaten Nabire"
  nip: "{nip_ks}"
dibuat_oleh:                  # penyusun laporan ("Dibuat oleh"); penandatangan "Mengetahui"
  nama: "{nama_pembuat}"
  jabatan: "{jabatan_pembuat}"
  nip: "{nip_pembuat}"
kop:
  pemerintah: "PEMERINTAH KABUPATEN NABIRE"
  instansi: "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
  alamat: "Jl. Merdeka, Nabire, Papua Tengah (alamat contoh)"
pejabat:                      # pejabat di luar daftar pegawai yang menilai atau menandatangani
  - nip: "{nip_pj}"
    nama: "{nama_pj}"
    jabatan: "{jabatan_pj}"
    pangkat: "{pangkat_pj}"

penilaian:
  batas_capaian: 120          # capaian per indikator dibatasi 120%
  ambang_hasil_kerja: {{di_atas: 110, sesuai: 90}}   # persen capaian
  ambang_perilaku: {{di_atas: 4.0, sesuai: 3.0}}     # rata-rata nilai BerAKHLAK 1-5
  rekap: rata_rata            # beberapa laporan dalam periode: rata-rata nilainya
  bobot: {{hasil_kerja: 60, perilaku: 30, pengembangan: 10}}
  ambang_tren: 2.0            # selisih nilai akhir untuk disebut naik/turun

unit:
  Distrik Wanggar: {{predikat_organisasi: Baik}}
  Puskesmas Wanggar: {{predikat_organisasi: Istimewa}}
  Bappeda: {{predikat_organisasi: Baik}}
  BKPSDM: {{predikat_organisasi: Istimewa}}

pengembangan:
  jp_minimal: 20              # PP 11/2017 Pasal 203(4): paling sedikit 20 JP setahun (PNS)
  jp_maksimal_pppk: 24

penghargaan:
  kategori: "ASN Teladan"
  keputusan:                  # daftar penerima adalah lampiran keputusan ini
    penerbit: "BUPATI NABIRE"
    penandatangan:
      nama: "{nama_pj}"
      jabatan: "{jabatan_pj}"
  kuota: 3
  kuota_per_unit: 1
  syarat:
    predikat_minimal: Sangat Baik
    laporan_lengkap: true
    bebas_hukuman_disiplin_tahun: 3
    hukuman_dihitung: [ringan, sedang, berat]
    masa_kerja_minimal_tahun: 2
  insentif:
    anggaran: 10000000        # Rp 10.000.000 dari APBD
    skema: peringkat
    bobot_peringkat: [3, 2, 1]
    pembulatan: 1000

mentoring:
  predikat_mentee: [Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang]
  predikat_mentor: [Sangat Baik, Baik]
  maks_mentee: 2
  mentor_lebih_senior: true
"""

# (nama, kompetensi, bentuk, tanggal, jp, narasumber, peserta rule)
PELATIHAN = [
    ("Sosialisasi Manajemen Kinerja PermenPAN-RB 6/2022", "teknis", "sosialisasi",
     "2025-02-12", 4, [("Paulus Tekege, S.H., M.H.", "pemerintah", "BKPSDM Kabupaten Nabire")],
     "semua_kecuali", {"d4", "k2", "k7", "b7"}),
    ("Pelatihan Pelayanan Prima", "sosial_kultural", "pelatihan", "2025-03-18", 16,
     [("Dr. Lukas Wenda, M.Si.", "akademisi", "Universitas Satya Wiyata Mandala"),
      ("Ratna Dewi, S.E.", "swasta", "Bank Papua Cabang Nabire")],
     "unit_pns", {D, K, P}),
    ("Bimbingan Teknis Aplikasi SIAK Terpusat", "teknis", "pelatihan", "2025-04-22", 24,
     [("Ir. Adrianus Mandowen", "pemerintah", "Ditjen Dukcapil Kemendagri")],
     "kode", {"k1", "k2", "k3", "k4", "k5", "k6", "d2", "d9", "s7"}),
    ("Workshop Kepemimpinan dan Komunikasi Efektif", "manajerial", "workshop", "2025-05-27",
     12, [("Dr. Maria Yoteni", "akademisi", "Universitas Cenderawasih"),
          ("Pdt. Silas Kobepa", "masyarakat", "Tokoh agama Wanggar")],
     "jenis", {"pimpinan"}),
    ("Pelatihan Penanganan Kegawatdaruratan Dasar", "teknis", "pelatihan", "2025-06-16", 20,
     [("dr. Hesty Worabay, Sp.An.", "pemerintah", "RSUD Nabire")], "unit", {P}),
    ("Seminar Perencanaan Pembangunan Kampung", "teknis", "seminar", "2025-07-24", 8,
     [("Dr. Yan Ayomi", "akademisi", "Universitas Satya Wiyata Mandala"),
      ("Marthen Sawaki", "masyarakat", "Lembaga Masyarakat Adat Wanggar")],
     "unit", {B, D}),
    ("Pelatihan Microsoft Excel untuk Administrasi Perkantoran", "teknis", "pelatihan",
     "2025-08-19", 16, [("Andreas Tan", "swasta", "Lembaga Kursus Komputer Nabire")],
     "kode", {"d1", "d7", "d9", "b4", "b5", "s4", "s6", "s7", "k5", "p8", "p5"}),
    ("Workshop Kearifan Lokal dalam Pelayanan Publik", "sosial_kultural", "workshop",
     "2025-09-10", 8, [("Yulianus Douw", "masyarakat", "Dewan Adat Daerah Nabire"),
                       ("Dr. Naomi Rumbiak", "akademisi", "Universitas Cenderawasih")],
     "unit", {D, S, B}),
    ("Mentoring Penyusunan SKP dan Rencana Aksi", "manajerial", "mentoring", "2025-10-08", 6,
     [("Rahmat Hidayat, S.E.", "pemerintah", "BKPSDM Kabupaten Nabire")],
     "kode", {"d3", "d4", "d5", "p4", "k1", "k2", "s2"}),
    ("Bimbingan Teknis Penyusunan Laporan Kinerja", "teknis", "pelatihan", "2025-11-12", 12,
     [("Drs. Hamzah Siregar, M.Si.", "pemerintah", "Dinas Dukcapil Kabupaten Nabire")],
     "kode", {"sd", "kpel", "kpem", "sk", "b1", "b2", "b6", "s1", "s3", "s5", "p7", "s7"}),
]  # fmt: skip


def teks_pelatihan(orang: list[Orang]) -> str:
    b = [
        "# Kegiatan pengembangan kompetensi tahun 2025 (pelatihan, workshop, seminar, ...).",
        "# jp = jam pelajaran; peserta ditulis dengan NIP.",
        "",
    ]
    for nama, komp, bentuk, tgl, jp, narsum, aturan, nilai in PELATIHAN:
        if aturan == "semua_kecuali":
            peserta = [o for o in orang if o.kode not in nilai]
        elif aturan == "unit":
            peserta = [o for o in orang if o.unit in nilai]
        elif aturan == "unit_pns":
            peserta = [o for o in orang if o.unit in nilai and o.status == "PNS"]
        elif aturan == "jenis":
            peserta = [o for o in orang if o.jenis_jabatan in nilai]
        else:
            peserta = [o for o in orang if o.kode in nilai]
        b.append(f"- nama: {q(nama)}")
        b.append(f"  kompetensi: {komp}")
        b.append(f"  bentuk: {bentuk}")
        b.append(f"  tanggal: {tgl}")
        b.append(f"  jp: {jp}")
        b.append("  narasumber:")
        for n, sektor, inst in narsum:
            b.append(f"    - nama: {q(n)}")
            b.append(f"      sektor: {sektor}")
            b.append(f"      instansi: {q(inst)}")
        b.append("  peserta:")
        b.extend(f"    - {q(o.nip)}  # {o.nama}" for o in peserta)
        b.append("")
    return "\n".join(b)


def main() -> None:
    r = random.Random(20251)
    kode = {o.kode: o for o in ORANG}
    for i, o in enumerate(ORANG, start=1):
        o.nip = buat_nip(o, i)
    assert len({o.nip for o in ORANG}) == len(ORANG)
    AKAR.mkdir(parents=True, exist_ok=True)
    (AKAR / "kebijakan.yaml").write_text(
        KEBIJAKAN.format(
            nip_ks=kode["ks"].nip,
            nama_pembuat=kode["s4"].nama,
            jabatan_pembuat=kode["s4"].jabatan,
            nip_pembuat=kode["s4"].nip,
            nip_pj=PEJABAT["nip"],
            nama_pj=PEJABAT["nama"],
            jabatan_pj=PEJABAT["jabatan"],
            pangkat_pj=PEJABAT["pangkat"],
        ),
        encoding="utf-8",
        newline="\n",
    )
    (AKAR / "pegawai.yaml").write_text(teks_pegawai(ORANG, kode), encoding="utf-8", newline="\n")
    (AKAR / "pelatihan.yaml").write_text(teks_pelatihan(ORANG), encoding="utf-8", newline="\n")
    folder = AKAR / "laporan"
    folder.mkdir(exist_ok=True)
    for bulan in range(1, 13):
        isi = [f"# Laporan kinerja bulanan periode {TAHUN}-{bulan:02d}.\n"]
        for o in ORANG:
            if bulan not in o.hilang:
                isi.append(laporan_bulan(r, o, kode, bulan))
        (folder / f"{TAHUN}-{bulan:02d}.yaml").write_text(
            "".join(isi), encoding="utf-8", newline="\n"
        )
    print(f"Menulis sampel ke {AKAR}: {len(ORANG)} pegawai.")


if __name__ == "__main__":
    main()
