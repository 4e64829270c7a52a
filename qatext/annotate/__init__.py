"""Annotate a corpus: entity and tag tables from schema DataFrames."""
from qatext.annotate.frame import ENTITY_COLUMNS, ERROR_COLUMNS, TAG_COLUMNS, Annotations, annotate_frame

__all__ = ["annotate_frame", "Annotations", "ENTITY_COLUMNS", "TAG_COLUMNS", "ERROR_COLUMNS"]
