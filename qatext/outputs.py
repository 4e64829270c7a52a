"""Writing outputs so that a failure never leaves a file that looks complete.

A file is written under a hidden temporary name next to its target and renamed into place
only once it is whole; a failed write removes the temporary file. Targets that are not
regular files (``/dev/full``, a pipe) are written directly: renaming over them would replace
the device. :class:`OutputError` carries the path and the reason for the one-line message
the commands print (exit code 2).
"""
from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Iterator


class OutputError(OSError):
    """An output that could not be written: ``.path`` and ``.reason``."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")


def describe(error: OSError, fallback: str | Path) -> OutputError:
    """``error`` as an :class:`OutputError` naming the path it concerns."""
    if isinstance(error, OutputError):
        return error
    path = error.filename if error.filename is not None else fallback
    reason = error.strerror or (errno.errorcode.get(error.errno, "") if error.errno else "") or str(error)
    if isinstance(error, FileExistsError) or (isinstance(error, NotADirectoryError)):
        reason = f"{reason} (a file is in the way)"
    return OutputError(path, reason)


def ensure_dir(path: str | Path) -> Path:
    """Create the folder ``path`` (and parents); an :class:`OutputError` if a file is in the way
    or it cannot be created."""
    path = Path(path)
    for folder in (*reversed(path.absolute().parents), path.absolute()):
        if folder.exists() and not folder.is_dir():
            raise OutputError(folder if folder != path.absolute() else path, "not a folder (a file is in the way)")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise describe(error, path) from None
    if not path.is_dir():
        raise OutputError(path, "not a folder (a file is in the way)")
    return path


def temporary_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp-{os.getpid()}")


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a path to write ``path``'s content to; on success it becomes ``path``, on any error
    it is removed and the error is raised as an :class:`OutputError` (for OS errors)."""
    path = Path(path)
    direct = path.exists() and not path.is_file() and not path.is_dir()
    target = path if direct else temporary_path(path)
    try:
        yield target
        if not direct:
            os.replace(target, path)
    except OSError as error:
        if not direct:
            with contextlib.suppress(OSError):
                target.unlink()
        if error.filename is not None and Path(error.filename) == target:
            error.filename = None  # name the output, not its temporary name
        raise describe(error, path) from None
    except BaseException:
        if not direct:
            with contextlib.suppress(OSError):
                target.unlink()
        raise


def write_text(path: str | Path, text: str) -> Path:
    with atomic_path(path) as target:
        Path(target).write_text(text, encoding="utf-8")
    return Path(path)
