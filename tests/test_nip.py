from __future__ import annotations

import datetime

import pytest

from asnkinerja.inti import nip

HARI_INI = datetime.date(2026, 11, 28)


def test_nip_pns_diurai() -> None:
    uraian, pesan = nip.periksa("198609262015051001", "PNS", HARI_INI)
    assert pesan is None
    assert uraian == nip.UraianNip(datetime.date(1986, 9, 26), datetime.date(2015, 5, 1), "L")


def test_ni_pppk_kode_bukan_bulan_diterima() -> None:
    # NI PPPK: year of appointment + a 2-digit code (21, 24) that is never a month.
    uraian, pesan = nip.periksa("199508192023212004", "PPPK", HARI_INI)
    assert pesan is None
    assert uraian is not None and uraian.tmt_cpns is None and uraian.jenis_kelamin == "P"


def test_ni_pppk_sebagai_pns_ditolak_dengan_saran() -> None:
    _, pesan = nip.periksa("199508192023212004", "PNS", HARI_INI)
    assert pesan is not None and "tulis status: PPPK" in pesan


@pytest.mark.parametrize(
    ("nilai", "potongan"),
    [
        ("19860926201505100", "harus 18 angka"),
        ("19860926201505100x", "harus 18 angka"),
        ("198609 262015051001", "mengandung spasi"),
        ("19860926 201505 1 001", "mengandung spasi"),
        ("198602302015051001", "bukan tanggal lahir yang mungkin"),
        ("203001012015051001", "tidak mungkin"),
        ("198609262015001001", "bulan TMT CPNS"),
        ("198609262015053001", "angka ke-15 (3)"),
        ("198609261985051001", "TMT CPNS 198505 tidak mungkin"),
    ],
)
def test_nip_mustahil(nilai: str, potongan: str) -> None:
    uraian, pesan = nip.periksa(nilai, "PNS", HARI_INI)
    assert uraian is None
    assert pesan is not None and potongan in pesan


def test_nip_angka_dinormalkan() -> None:
    assert nip.normalkan(198609262015051001) == "198609262015051001"


@pytest.mark.parametrize(
    ("golongan", "status", "sah"),
    [("III/a", "PNS", True), ("IV/e", "PNS", True), ("IV/f", "PNS", False),
     ("VII", "PPPK", True), ("XVII", "PPPK", True), ("XVIII", "PPPK", False),
     ("III/a", "PPPK", False)],
)  # fmt: skip
def test_golongan(golongan: str, status: str, sah: bool) -> None:
    assert (nip.periksa_golongan(golongan, status) is None) is sah


def test_ni_pppk_tahun_pengangkatan_mustahil() -> None:
    for ni in ("199508190000212004", "199508192099212004"):
        uraian, pesan = nip.periksa(ni, "PPPK", HARI_INI)
        assert uraian is None and pesan is not None and "tahun pengangkatan" in pesan
