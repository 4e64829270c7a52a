"""Annotate a corpus: entity and tag tables from schema DataFrames.

``annotate_frame`` works on a DataFrame in memory; ``annotate`` runs a whole corpus into
partitioned Parquet tables (streaming, parallel, resumable, local or on Dask), the one
incremental store ``qatext report`` also reads and writes; ``read_table`` / ``iter_table``
read them back.
"""
import sys
import types

from qatext.annotate.frame import ENTITY_COLUMNS, ENTITY_DETAIL_COLUMNS, ERROR_COLUMNS, TAG_COLUMNS, Annotations, annotate_frame
from qatext.annotate.run import AnnotateError, annotate
from qatext.annotate.store import iter_table, read_manifest, read_table

__all__ = ["annotate_frame", "Annotations", "ENTITY_COLUMNS", "ENTITY_DETAIL_COLUMNS", "TAG_COLUMNS", "ERROR_COLUMNS", "annotate",
           "read_table", "iter_table", "read_manifest", "AnnotateError"]


class _CallablePackage(types.ModuleType):
    """Once imported, ``qatext.annotate`` is this package, not the function of the same name;
    making the package callable lets ``qatext.annotate(input, outdir)`` work either way."""

    def __call__(self, *args, **kwargs):
        return annotate(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
