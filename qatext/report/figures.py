"""Save a notebook's figures and tables with captions, for index.html to collect."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd


class FigureWriter:
    """Writes figures to ``<report_dir>/figures`` as PNG and SVG and lists them, with captions,
    in ``<report_dir>/figures/<notebook>.json`` (rewritten from scratch each run)."""

    def __init__(self, report_dir: str | Path, notebook: str):
        self.report_dir = Path(report_dir)
        self.notebook = notebook
        self.figures_dir = self.report_dir / "figures"
        self.tables_dir = self.report_dir / "tables"
        self.entries: list[dict] = []
        self.figures_dir.mkdir(parents=True, exist_ok=True)
        self._flush()

    def save(self, fig, name: str, caption: str):
        """Write ``fig`` as ``<name>.png`` and ``<name>.svg`` and record its caption; returns ``fig``
        so a notebook cell can end with ``figures.save(...)`` and still display the figure."""
        from qatext.plots import save_figure

        png, svg = save_figure(fig, self.figures_dir, name)
        self.entries = [e for e in self.entries if e["name"] != name]
        self.entries.append({"name": name, "caption": caption, "png": f"figures/{png.name}",
                             "svg": f"figures/{svg.name}", "kind": "figure"})
        self._flush()
        return fig

    def table(self, frame: pd.DataFrame, name: str, caption: str) -> pd.DataFrame:
        """Write ``frame`` to ``tables/<name>.csv`` and list it; returns the frame for display."""
        self.tables_dir.mkdir(parents=True, exist_ok=True)
        path = self.tables_dir / f"{name}.csv"
        frame.to_csv(path, index=not isinstance(frame.index, pd.RangeIndex), float_format="%.6g")
        self.entries = [e for e in self.entries if e["name"] != name]
        self.entries.append({"name": name, "caption": caption, "csv": f"tables/{path.name}", "kind": "table"})
        self._flush()
        return frame

    def _flush(self) -> None:
        manifest = {"notebook": self.notebook, "entries": self.entries}
        (self.figures_dir / f"{self.notebook}.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def read_manifests(report_dir: str | Path, notebooks: list[str]) -> list[dict]:
    """The figure manifests of ``notebooks``, in that order (missing ones are skipped)."""
    out = []
    for notebook in notebooks:
        path = Path(report_dir) / "figures" / f"{notebook}.json"
        if path.exists():
            out.append(json.loads(path.read_text(encoding="utf-8")))
    return out
