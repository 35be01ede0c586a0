"""`python -m asnkinerja` runs the same command-line tool as `asnkinerja`."""

from asnkinerja.cli import main

if __name__ == "__main__":  # worker processes import this module too (spawn)
    main()
