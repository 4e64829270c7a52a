"""Write ``index.html``: every figure with its caption, the corpus summary, versions and parameters.

The page is self-contained apart from the figure files next to it. A small inline script
records on ``load`` how many images decoded (``data-images-loaded="N/M"`` on ``<body>``) so a
headless browser can check the page really renders.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

LOAD_CHECK = """<script>
window.addEventListener("load", function () {
  var images = Array.prototype.slice.call(document.images);
  var ok = images.filter(function (img) { return img.complete && img.naturalWidth > 0; }).length;
  document.body.dataset.imagesLoaded = ok + "/" + images.length;
});
</script>"""

STYLE = """<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 1100px; margin: 2em auto;
       padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
h1 { border-bottom: 3px solid #0072B2; padding-bottom: .3em; }
h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
figure { margin: 1.5em 0; }
figure img { max-width: min(100%, 860px); height: auto; border: 1px solid #eee; }
figcaption { font-size: .92em; color: #333; margin-top: .4em; }
table { border-collapse: collapse; font-size: .9em; margin: 1em 0; }
th, td { border: 1px solid #ddd; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f6f9; }
nav a { margin-right: 1em; }
.small { font-size: .85em; color: #555; }
</style>"""


def _table(frame: pd.DataFrame) -> str:
    return frame.to_html(index=False, escape=True, border=0, na_rep="", float_format=lambda v: f"{v:,.3g}")


def render_index(*, title: str, summary: pd.DataFrame, sections: list[dict], versions: pd.DataFrame,
                 parameters: dict, notes: list[str] | None = None) -> str:
    """The HTML text of the report page. ``sections`` are figure manifests (notebook, entries)."""
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(title)}</title>", STYLE, LOAD_CHECK, "</head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    nav = ['<a href="#summary">Corpus summary</a>'] + [
        f'<a href="#{html.escape(s["notebook"])}">{html.escape(s["notebook"])}</a>' for s in sections]
    nav.append('<a href="#run">Run</a>')
    parts.append("<nav>" + "".join(nav) + "</nav>")
    parts += ['<h2 id="summary">Corpus summary</h2>', _table(summary)]
    for note in notes or []:
        parts.append(f'<p class="small">{html.escape(note)}</p>')
    for section in sections:
        name = section["notebook"]
        parts.append(f'<h2 id="{html.escape(name)}">{html.escape(name)}</h2>')
        parts.append(f'<p class="small">Executed notebook: <a href="notebooks/{html.escape(name)}.ipynb">'
                     f"notebooks/{html.escape(name)}.ipynb</a></p>")
        for entry in section["entries"]:
            if entry["kind"] == "figure":
                parts.append(
                    f'<figure id="{html.escape(entry["name"])}"><a href="{html.escape(entry["svg"])}">'
                    f'<img src="{html.escape(entry["png"])}" alt="{html.escape(entry["caption"])}"></a>'
                    f'<figcaption>{html.escape(entry["caption"])} '
                    f'<span class="small">(<a href="{html.escape(entry["svg"])}">SVG</a>)</span></figcaption></figure>')
            else:
                parts.append(f'<p class="small">Table: <a href="{html.escape(entry["csv"])}">'
                             f'{html.escape(entry["csv"])}</a> — {html.escape(entry["caption"])}</p>')
    parts.append('<h2 id="run">Run</h2><h3>Parameters</h3>')
    parts.append(_table(pd.DataFrame({"parameter": list(parameters), "value": [str(v) for v in parameters.values()]})))
    parts += ["<h3>Versions</h3>", _table(versions), "</body></html>"]
    return "\n".join(parts) + "\n"


def write_index(path: str | Path, **kwargs) -> Path:
    from qatext.outputs import write_text

    return write_text(path, render_index(**kwargs))


def versions_table() -> pd.DataFrame:
    """qatext, its main libraries and every vocabulary, with versions and licences."""
    import platform
    from importlib.metadata import version

    import qatext
    from qatext.ner.sources import vocabulary_info
    from qatext.annotate.fingerprint import report_fingerprint

    rows = [("qatext", qatext.__version__, f"pipeline fingerprint {report_fingerprint()[:16]}"),
            ("Python", platform.python_version(), "")]
    for package in ("spacy", "pandas", "numpy", "scipy", "matplotlib", "seaborn", "networkx", "papermill"):
        try:
            rows.append((package, version(package), ""))
        except Exception:  # noqa: BLE001 - a missing optional library is reported, not fatal
            rows.append((package, "not installed", ""))
    for vocab in vocabulary_info():
        rows.append((f"{vocab.name} ({vocab.package})", f"{vocab.version}, release {vocab.release}", vocab.licence))
    return pd.DataFrame(rows, columns=["component", "version", "notes"])
