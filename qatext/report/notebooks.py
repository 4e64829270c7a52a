"""The report's notebooks: shipped inside the package (``qatext/notebooks``), read with
importlib.resources, and copied out for editing by ``qatext notebooks DEST``."""
from __future__ import annotations

import os
from pathlib import Path

from qatext.report import NOTEBOOKS

NOTEBOOKS_ENV = "QATEXT_NOTEBOOKS"


def read_notebook(name: str):
    """Notebook ``name`` as an nbformat node: from ``$QATEXT_NOTEBOOKS`` (a folder of edited
    copies, see ``qatext notebooks``) when set, else the copy inside the package."""
    import nbformat

    folder = os.environ.get(NOTEBOOKS_ENV)
    if folder:
        path = Path(folder) / f"{name}.ipynb"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: notebook {name!r} not found (${NOTEBOOKS_ENV} is set to {folder})")
        text = path.read_text(encoding="utf-8")
    else:
        text = packaged_notebook(name).read_text(encoding="utf-8")
    return nbformat.reads(text, as_version=4)


def packaged_notebook(name: str):
    """The notebook shipped inside the package (an importlib.resources Traversable)."""
    from importlib import resources

    item = resources.files("qatext").joinpath("notebooks", f"{name}.ipynb")
    if not item.is_file():
        raise FileNotFoundError(f"qatext/notebooks/{name}.ipynb: not in the installed package")
    return item


def copy_notebooks(dest: str | Path, *, overwrite: bool = False, notebooks=NOTEBOOKS) -> list[Path]:
    """Copy the packaged notebooks into ``dest``, byte for byte; returns the paths written.

    A notebook already in ``dest`` raises :class:`FileExistsError` unless ``overwrite``; each
    file appears only once it is whole.
    """
    from qatext.outputs import atomic_path, ensure_dir

    dest = ensure_dir(dest)
    targets = [dest / f"{name}.ipynb" for name in notebooks]
    if not overwrite:
        for target in targets:
            if target.exists():
                raise FileExistsError(17, "already exists", str(target))
    for name, target in zip(notebooks, targets):
        with atomic_path(target) as path:
            path.write_bytes(packaged_notebook(name).read_bytes())
    return targets
