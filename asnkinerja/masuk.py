"""The `asnkinerja` command's entry point, kept tiny on purpose.

Worker processes are started fresh (spawn, as on Windows) and import the
starting script again; through this module they do not load Typer and Rich,
which only the main process needs (measured: ~0.1 s of start-up per worker).
"""


def main() -> None:
    from asnkinerja.cli import main as utama

    utama()
