"""``qatext`` CLI. Every module in this package registers its commands on the shared app."""
from importlib import import_module
from pkgutil import iter_modules

from qatext.cli._app import app

for _module in iter_modules(__path__):
    if not _module.name.startswith("_"):
        import_module(f"{__name__}.{_module.name}")


def main() -> None:
    app()
