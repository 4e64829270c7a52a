"""How doctors are named in per-doctor tables and figures: the one privacy switch.

Every per-doctor output goes through :func:`doctor_aliases`, so ``show_names=False`` (the
default everywhere) is the single place deciding whether a real name can reach a report.
"""
from __future__ import annotations

import pandas as pd


def doctor_aliases(names: pd.Series, *, show_names: bool = False) -> dict[str, str]:
    """Map each doctor name in ``names`` to what reports show.

    With ``show_names=False``, doctors become ``doctor_01``, ``doctor_02``, ... by descending
    number of replies (ties broken by name, so the mapping is stable across runs); with
    ``show_names=True`` names map to themselves.
    """
    counts = names.dropna().astype(str).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if show_names:
        return {name: name for name, _ in ordered}
    width = max(2, len(str(len(ordered))))
    return {name: f"doctor_{i:0{width}d}" for i, (name, _) in enumerate(ordered, start=1)}
