"""Bounds on one input file, far above any real one (the largest sample, a province's
roster of 50,000 ASN, is 10.5 MB and 500,000 lines), so that a runaway or hostile file is
refused up front, with what to do, instead of exhausting memory in the parser
(docs/keandalan.md). Here alone, so the light modules (`sidik`) can use them."""

BATAS_UKURAN = 32 * 1024 * 1024  # bytes
BATAS_BARIS = 2_000_000  # lines and commas: an upper bound on the items a parser makes
BATAS_REKAMAN = 200_000  # records in one file
