"""What the reports show: the evaluation as plain dictionaries, masked if asked.

One presentation feeds the Markdown and HTML templates, the report cards and
the JSON output, so `--samarkan` hides names and NIPs in every one of them and
the masked and unmasked outputs hold the same numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from asnkinerja.inti.angka import bulat2, desimal
from asnkinerja.inti.berakhlak import PerilakuKelompok
from asnkinerja.inti.evaluasi import HasilEvaluasi
from asnkinerja.inti.mentoring import tanpa_pasangan
from asnkinerja.inti.pengembangan import SARAN_KETERLIBATAN, peserta
from asnkinerja.inti.penilaian import HasilPegawai
from asnkinerja.inti.regulasi import NAMA_BERAKHLAK, PREDIKAT
from asnkinerja.inti.unit import RingkasanUnit
from asnkinerja.sajian import kata, tampilan
from asnkinerja.sajian.dasar import dasar, keputusan, kop, ttd
from asnkinerja.versi import __version__

_GELAR = re.compile(r"^(dr|drs|dra|ir|prof|h|hj|ns)\.?$", re.I)


def samarkan_nip(nip: str) -> str:
    """`198503122010011002` -> `••••••••••••••1002`: only the last 4 digits, enough to
    tell two people apart in a meeting; the birth date in a NIP, beside a unit and a
    name's initials, would say who it is."""
    return "•" * max(0, len(nip) - 4) + nip[-4:]


def samarkan_nama(nama: str) -> str:
    """Initials without academic titles: `dr. Fransiska Rumere, M.Kes.` -> `F. R.`"""
    inti = nama.split(",")[0]
    kata = [k for k in inti.split() if not _GELAR.match(k) and k[:1].isalpha()]
    return " ".join(f"{k[0].upper()}." for k in kata) or "-"


def bulat_atau_kosong(x: Decimal | None) -> Decimal | None:
    """A value as documents show it: half-up to 2 decimals; None stays None."""
    return bulat2(x) if x is not None else None


_n = bulat_atau_kosong


def _perilaku(pk: PerilakuKelompok | None) -> dict[str, Any] | None:
    """BerAKHLAK per aspect of a unit: means, the weak aspects, the change signal."""
    if pk is None:
        return None
    return {
        "rata": dict(pk.rata),
        "lemah": [NAMA_BERAKHLAK[a] for a in pk.lemah],
        "perubahan": [
            {
                "aspek": NAMA_BERAKHLAK[p.aspek],
                "awal": p.awal,
                "akhir": p.akhir,
                "selisih": p.selisih,
                "turun": p.turun,
            }
            for p in pk.perubahan
        ],
        "saran": kata.saran_perilaku(pk),
        "ada_turun": any(p.turun for p in pk.perubahan),
        "turun_aspek": [p.aspek for p in pk.perubahan if p.turun],
    }


class Penyaji:
    """Turns one evaluation into template and JSON data; masks identities when asked."""

    def __init__(self, hasil: HasilEvaluasi, samarkan: bool) -> None:
        self.hasil = hasil
        self.samarkan = samarkan
        self._nama = {h.nip: h.pegawai.nama for h in hasil.pegawai}
        self._pegawai: dict[str, dict[str, Any]] = {}

    def nip(self, nip: str | None) -> str:
        if nip is None:
            return "-"
        return samarkan_nip(nip) if self.samarkan else nip

    def nama(self, nama: str) -> str:
        return samarkan_nama(nama) if self.samarkan else nama

    def pegawai(self, h: HasilPegawai) -> dict[str, Any]:
        """One employee's row (made once: the list and 'perhatian' both show it)."""
        ada = self._pegawai.get(h.nip)
        if ada is not None:
            return ada
        p = h.pegawai
        k = h.kepatuhan
        r = h.rekomendasi
        baris = self._pegawai[h.nip] = {
            "nip": self.nip(h.nip),
            "nama": self.nama(p.nama),
            "unit": p.unit,
            "status": p.status,
            "golongan": p.golongan,
            "jabatan": p.jabatan,
            "predikat": h.predikat,
            "rating_hasil_kerja": h.rating_hasil_kerja,
            "rating_perilaku": h.rating_perilaku,
            # Final where the penilai decided (penetapan.yaml); the computed ones beside.
            "ditetapkan": h.penetapan is not None,
            "rekomendasi": {
                "rating_hasil_kerja": r.rating_hasil_kerja if r else h.rating_hasil_kerja,
                "rating_perilaku": r.rating_perilaku if r else h.rating_perilaku,
                "predikat": r.predikat if r else h.predikat,
            },
            "nilai_hasil_kerja": _n(h.nilai_hasil_kerja),
            "nilai_perilaku": _n(h.nilai_perilaku),
            "nilai_akhir": _n(h.nilai_akhir),
            # The parts nilai_akhir is made of: it is their weighted mean, rounded half up.
            "komponen": [
                {"nama": x.nama, "nilai": x.nilai, "bobot": x.bobot}
                for x in h.komponen
                if h.nilai_akhir is not None and x.nilai is not None and x.bobot > 0
            ],
            "nilai_akhir_sebelumnya": _n(h.nilai_akhir_sebelumnya),
            "tren": h.tren,
            "jp": _n(h.jp),
            "laporan": {
                "diharapkan": k.diharapkan,
                "masuk": k.masuk,
                "terlambat": k.terlambat,
                "tidak_lengkap": k.tidak_lengkap,
                "tidak_masuk": [p.kode() for p in k.hilang],
            },
            "catatan": list(h.catatan),
        }
        return baris

    def unit(self, u: RingkasanUnit) -> dict[str, Any]:
        kurva = None
        if u.kurva is not None:
            kurva = {
                "predikat_organisasi": u.kurva.predikat_organisasi,
                "dasar": u.kurva.dasar,
                "dipenuhi": u.kurva.dipenuhi,
                "aturan": [
                    {
                        "uraian": kata.uraian_aturan(a),
                        "jumlah": a.jumlah,
                        "batas_orang": a.batas_orang,
                        "rincian": kata.rincian_aturan(a),
                        "dipenuhi": a.dipenuhi,
                    }
                    for a in u.kurva.aturan
                ],
            }
        return {
            "nama": u.nama,
            "jumlah_pegawai": u.jumlah_pegawai,
            "predikat_organisasi": u.predikat_organisasi,
            "sebaran": {p: {"jumlah": u.sebaran[p], "persen": _n(u.persen(p))} for p in PREDIKAT},
            "berpredikat": u.berpredikat,
            "tanpa_predikat": u.tanpa_predikat,
            "rata_hasil_kerja": _n(u.rata_hasil_kerja),
            "rata_perilaku": _n(u.rata_perilaku),
            "rata_akhir": _n(u.rata_akhir),
            "laporan_diharapkan": u.laporan_diharapkan,
            "laporan_masuk": u.laporan_masuk,
            "laporan_hilang": u.laporan_hilang,
            "laporan_terlambat": u.laporan_terlambat,
            "laporan_tidak_lengkap": u.laporan_tidak_lengkap,
            "kepatuhan_persen": _n(u.kepatuhan_persen),
            "tantangan_teratas": [{"tantangan": t, "jumlah": n} for t, n in u.tantangan_teratas],
            "tren": {k: u.tren.get(k, 0) for k in ("naik", "tetap", "turun")},
            "seri": [{"periode": p.kode(), "label": p.label(), "nilai": _n(v)} for p, v in u.seri],
            "kurva": kurva,
            "perilaku": _perilaku(u.perilaku),
        }

    def data(self, ringkas: bool = False) -> dict[str, Any]:
        """The whole evaluation: the JSON object and the templates' context.

        `ringkas`: only what the terminal summary shows (no row per employee, the
        first `tampilan.RINGKAS_PERHATIAN` of those needing attention and their number).
        """
        h = self.hasil
        perhatian = h.perhatian[: tampilan.RINGKAS_PERHATIAN] if ringkas else h.perhatian
        k = h.kebijakan
        return {
            "periode": h.periode.kode(),
            "periode_label": h.periode.label(),
            "instansi": h.instansi,
            "tanggal": h.hari_ini.isoformat(),
            "disamarkan": self.samarkan,
            "ada_tren": h.ada_periode_sebelumnya,
            "periode_sebelumnya": h.periode.sebelumnya().label(),
            "kebijakan": {
                "ambang_hasil_kerja": {
                    "di_atas": k.penilaian.ambang_hasil_kerja.di_atas,
                    "sesuai": k.penilaian.ambang_hasil_kerja.sesuai,
                },
                "ambang_perilaku": {
                    "di_atas": k.penilaian.ambang_perilaku.di_atas,
                    "sesuai": k.penilaian.ambang_perilaku.sesuai,
                },
                "batas_capaian": k.penilaian.batas_capaian,
                "rekap": k.penilaian.rekap,
                "bobot": {
                    "hasil_kerja": k.penilaian.bobot.hasil_kerja,
                    "perilaku": k.penilaian.bobot.perilaku,
                    "pengembangan": k.penilaian.bobot.pengembangan,
                },
            },
            "pegawai": [] if ringkas else [self.pegawai(x) for x in h.pegawai],
            "unit": [self.unit(u) for u in h.unit],
            "total": self.unit(h.total),
            "perhatian": [
                {**self.pegawai(p.hasil), "alasan": kata.semua(p.alasan, self.samarkan)}
                for p in perhatian
            ],
            "penandatangan": self.penandatangan(),
            "dibuat_oleh": ttd(k.dibuat_oleh),
            "kop": kop(k),
            "_logo": h.logo,  # for the documents only: JSON does not carry the image
            "keputusan": keputusan(k, h.periode.label()),
            "tempat": k.tempat,
            "dasar": dasar(k),
            # The audit trail: the same in every document of one run.
            "sidik_data": h.sidik_data,
            "versi": __version__,
            **self.program(ringkas),
            **({"jumlah_perhatian": len(h.perhatian)} if ringkas else {}),
        }

    def program(self, ringkas: bool = False) -> dict[str, Any]:
        """Awards, near misses, mentoring, competency development and engagement.

        `ringkas`: of each list only what the terminal shows, and its length
        (`jumlah_<list>`), not 5,000 rows to be counted.
        """
        h = self.hasil
        ph, mt, pg = h.penghargaan, h.mentoring, h.pengembangan
        hasil: dict[str, Any] = {}
        if ph is not None:
            hasil["penghargaan"] = [
                {
                    "peringkat": p.peringkat,
                    "nip": self.nip(p.hasil.nip),
                    "nama": self.nama(p.hasil.pegawai.nama),
                    "unit": p.hasil.pegawai.unit,
                    "predikat": p.hasil.predikat,
                    "nilai_akhir": _n(p.hasil.nilai_akhir),
                    "insentif": p.insentif if ph.berinsentif else None,
                    "rincian": kata.rincian_insentif(p.rincian) if ph.berinsentif else "",
                    "nomor_piagam": p.nomor,
                    "golongan": p.hasil.pegawai.golongan,
                }
                for p in ph.penerima
            ]
            hasil["dilewati_kuota_unit"] = [
                {
                    "nip": self.nip(x.nip),
                    "nama": self.nama(x.pegawai.nama),
                    "unit": x.pegawai.unit,
                    "nilai_akhir": _n(x.nilai_akhir),
                }
                for x in ph.dilewati_kuota_unit
            ]
            hasil["insentif"] = {
                "kuota": h.kebijakan.penghargaan.kuota,
                # Some awarded, fewer than the quota: the meeting should know why.
                "tidak_terisi": (
                    not ph.sebagian and 0 < len(ph.penerima) < h.kebijakan.penghargaan.kuota
                ),
                # One OPD's report: its awardees of an award decided for the whole instansi.
                "sebagian": ph.sebagian,
                "kuota_per_unit": h.kebijakan.penghargaan.kuota_per_unit,
                "kategori": ph.kategori,
                # The budget is the award period's; other periods list candidates only.
                "berinsentif": ph.berinsentif,
                "periode_penghargaan": ph.periode_penghargaan,
                "tanpa_insentif": None if ph.berinsentif else kata.tanpa_insentif(ph, h.periode),
                "anggaran": ph.anggaran,
                "terbagi": ph.terbagi,
                "sisa": 0 if ph.sebagian else ph.sisa,
                "skema": ph.skema,
                "pembulatan": ph.pembulatan,
            }
            hasil["nyaris"] = [
                {
                    "nip": self.nip(n.hasil.nip),
                    "nama": self.nama(n.hasil.pegawai.nama),
                    "unit": n.hasil.pegawai.unit,
                    "nilai_akhir": _n(n.hasil.nilai_akhir),
                    "alasan": kata.semua(n.alasan, self.samarkan),
                }
                for n in ph.nyaris
            ]
        if mt is not None:
            hasil["mentoring"] = [
                {
                    "mentor": self.nip(p.mentor.nip),
                    "mentee": self.nip(p.mentee.nip),
                    "nama_mentor": self.nama(p.mentor.pegawai.nama),
                    "nama_mentee": self.nama(p.mentee.pegawai.nama),
                    "unit_mentor": p.mentor.pegawai.unit,
                    "unit_mentee": p.mentee.pegawai.unit,
                    "predikat_mentee": p.mentee.predikat,
                }
                for p in mt.pasangan
            ]
            hasil["tanpa_mentor"] = [
                {
                    "nip": self.nip(t.mentee.nip),
                    "nama": self.nama(t.mentee.pegawai.nama),
                    "unit": t.mentee.pegawai.unit,
                    "alasan": t.alasan,
                }
                for t in mt.tanpa_mentor
            ]
            hasil["_mentoring_kosong"] = (
                None if mt.pasangan else tanpa_pasangan(mt, h.kebijakan.mentoring)
            )
        if pg is not None:
            hasil["pengembangan"] = [
                {
                    "nip": self.nip(j.hasil.nip),
                    "nama": self.nama(j.hasil.pegawai.nama),
                    "unit": j.hasil.pegawai.unit,
                    "status": j.hasil.pegawai.status,
                    "jp": _n(j.jp),
                    "jp_wajib": _n(j.jp_wajib),
                    "jp_tahun": _n(j.jp_tahun),
                    "jp_maksimal": _n(j.jp_maksimal),
                    "per_kompetensi": {k: _n(v) for k, v in j.per_kompetensi.items()},
                    "memenuhi": j.memenuhi,
                    "catatan": kata.catatan_jp(j),
                }
                for j in pg.pegawai
            ]
            hasil["pengembangan_unit"] = [
                {
                    "unit": u.nama,
                    "jumlah_pegawai": u.jumlah_pegawai,
                    "memenuhi": u.memenuhi,
                    "persen_memenuhi": _n(u.persen_memenuhi),
                    "jp_per_orang": _n(u.jp_per_orang),
                    "pppk_melebihi": u.pppk_melebihi,
                }
                for u in pg.unit
            ]
            jp_minimal = _n(desimal(h.kebijakan.pengembangan.jp_minimal))
            hasil["kegiatan"] = {
                "ada_data": pg.ada_data,
                # The yearly minimum, judged only when a year is evaluated.
                "tahunan": pg.tahunan,
                "jp_minimal_tahun": jp_minimal,
                "jp_wajib": jp_minimal if pg.tahunan else None,
                "jumlah": len(pg.kegiatan),
                "per_bentuk": {
                    b: {"kegiatan": n, "jp": _n(jp)} for b, (n, jp) in pg.per_bentuk.items()
                },
                "jp_orang_teknis": _n(pg.jp_teknis),
                "jp_orang_soft": _n(pg.jp_soft),
                "narasumber_per_sektor": pg.narasumber_per_sektor,
                "daftar": [
                    {
                        "nama": pl.data.nama,
                        "tanggal": pl.data.tanggal.isoformat(),
                        "bentuk": pl.data.bentuk,
                        "kompetensi": pl.data.kompetensi,
                        "jp": _n(Decimal(str(pl.data.jp))),
                        "peserta": len(peserta(pl.data)),
                        "narasumber": [
                            f"{self.nama(n.nama)} ({n.sektor})" for n in pl.data.narasumber
                        ],
                    }
                    for pl in sorted(pg.kegiatan, key=lambda x: (x.data.tanggal, x.data.nama))
                ],
            }
            hasil["keterlibatan"] = [
                {
                    "unit": x.unit,
                    "indeks": _n(x.indeks),
                    "jumlah_pegawai": x.jumlah_pegawai,
                    "tepat_waktu": x.tepat_waktu,
                    "menulis_rencana": x.menulis_rencana,
                    "ikut_kegiatan": x.ikut_kegiatan,
                    "ditandai": x.ditandai,
                }
                for x in pg.keterlibatan
            ]
            hasil["saran_keterlibatan"] = SARAN_KETERLIBATAN
            hasil["ada_keterlibatan_rendah"] = any(x.ditandai for x in pg.keterlibatan)
            # Template helpers (left out of JSON): PNS short of the minimum, PPPK over it.
            hasil["_pengembangan_kurang"] = [
                j for j in hasil["pengembangan"] if not j["memenuhi"] and j["status"] == "PNS"
            ]
            hasil["_pengembangan_lebih"] = [
                j for j in hasil["pengembangan"] if not j["memenuhi"] and j["status"] == "PPPK"
            ]
        if ringkas:
            for nama, n in tampilan.RINGKAS_DAFTAR.items():
                if nama in hasil:
                    hasil["jumlah_" + nama.lstrip("_")] = len(hasil[nama])
                    hasil[nama] = hasil[nama][:n]
        return hasil

    def penandatangan(self) -> dict[str, str] | None:
        """Who signs: named even with `samarkan`, as an official's signature is public."""
        return ttd(self.hasil.kebijakan.penandatangan)
