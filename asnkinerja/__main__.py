"""`python -m asnkinerja` runs the same command-line tool as `asnkinerja`."""

if __name__ == "__main__":  # worker processes import this module too (spawn): nothing to load
    from asnkinerja.masuk import main

    main()
