"""Checks of the penilai's decisions (penetapan.yaml): whose year, by whom, once. Part of
`periksa`."""

from __future__ import annotations

import datetime

from asnkinerja.inti import model
from asnkinerja.inti.periode import Periode, tanggal_teks
from asnkinerja.inti.ruang import Entri, nama_dan_nip
from asnkinerja.masalah import Masalah, asing, galat, peringatan


def periksa_penetapan(
    daftar: list[Entri[model.Penetapan]],
    roster: dict[str, Entri[model.Pegawai]],
    kenal: set[str] | None,
    pejabat: set[str],
    hari_ini: datetime.date,
    masalah: list[Masalah],
) -> None:
    """Every decision names an employee on the roster, one year, a known penilai other than
    the employee, a reason, and a date not yet to come; one decision per employee a year."""
    pertama: dict[tuple[str, str], Entri[model.Penetapan]] = {}
    for e in daftar:
        pt, lok = e.data, e.lokasi
        n, penilai = str(pt.nip), str(pt.penilai)
        p = Periode.urai(pt.periode)
        if p is None or p.jenis != "tahun":
            masalah.append(
                galat(
                    lok.turun("periode"),
                    f'periode penetapan "{pt.periode}" bukan satu tahun; penetapan penilai '
                    'berlaku untuk penilaian tahunan, tulis tahunnya, mis. "2025"',
                )
            )
        if kenal is not None and n not in kenal:
            masalah.append(
                asing(
                    lok.turun("nip"),
                    n,
                    "NIP penetapan",
                    f"NIP {n} tidak ada di daftar pegawai; perbaiki NIP",
                )
            )
        elif n in roster and not roster[n].data.aktif:
            masalah.append(
                peringatan(
                    lok.turun("nip"),
                    f"{nama_dan_nip(roster, n)} tercatat tidak aktif (aktif: false) sehingga "
                    "tidak dievaluasi; penetapan ini tidak dipakai",
                )
            )
        elif n in pejabat and n not in roster:
            masalah.append(
                galat(
                    lok.turun("nip"),
                    f"{n} adalah pejabat di luar daftar pegawai (kebijakan.yaml); ia tidak "
                    "dievaluasi, jadi tidak ditetapkan",
                )
            )
        if penilai == n:
            masalah.append(
                galat(lok.turun("penilai"), "pegawai tidak boleh menetapkan penilaiannya sendiri")
            )
        elif penilai in roster and not roster[penilai].data.aktif:
            masalah.append(
                peringatan(
                    lok.turun("penilai"),
                    f"penilai {nama_dan_nip(roster, penilai)} tercatat tidak aktif (aktif: "
                    "false); pastikan penetapan dibuat pejabat yang masih menjabat",
                )
            )
        elif kenal is not None and penilai not in kenal:
            masalah.append(
                asing(
                    lok.turun("penilai"),
                    str(penilai),
                    "penilai penetapan",
                    f"penilai {penilai} tidak ada di daftar pegawai; perbaiki NIP penilai, atau "
                    "bila ia pejabat di luar daftar (misalnya Bupati) tulis di pejabat pada "
                    "kebijakan.yaml",
                )
            )
        if not pt.alasan.strip():
            masalah.append(
                galat(
                    lok.turun("alasan"),
                    "alasan penetapan kosong; tulis dasar keputusan penilai agar dapat "
                    "dijelaskan kepada pegawai",
                )
            )
        if pt.tanggal is not None and pt.tanggal > hari_ini:
            masalah.append(
                galat(
                    lok.turun("tanggal"),
                    f"tanggal penetapan {tanggal_teks(pt.tanggal)} belum terjadi",
                )
            )
        elif pt.tanggal is not None and p is not None and pt.tanggal < p.awal:
            masalah.append(
                peringatan(
                    lok.turun("tanggal"),
                    f"tanggal penetapan {tanggal_teks(pt.tanggal)} sebelum tahun {p.kode()} "
                    "dimulai; periksa tanggal atau periodenya",
                )
            )
        kunci = (n, p.kode() if p is not None else pt.periode)
        if kunci in pertama:
            masalah.append(
                galat(
                    lok.turun("nip"),
                    f"{nama_dan_nip(roster, n)} sudah ditetapkan untuk periode {kunci[1]}; "
                    "satu penetapan per pegawai setahun, hapus salah satunya",
                    pertama[kunci].lokasi.turun("nip"),
                )
            )
        else:
            pertama[kunci] = e
