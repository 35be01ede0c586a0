"""asnkinerja: evaluasi kinerja ASN (PermenPAN-RB 6/2022) dari berkas YAML."""

__version__ = "0.1.0"
