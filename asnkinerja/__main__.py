"""`python -m asnkinerja` runs the same command-line tool as `asnkinerja`."""

from asnkinerja.cli import main

main()
