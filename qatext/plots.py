"""Figures for reports: every function returns a :class:`matplotlib.figure.Figure`.

One style everywhere (:data:`STYLE`), the Okabe-Ito colour-blind-safe palette
(:data:`PALETTE`), a sequential colour map readable in grey (``cividis``), labelled axes with
units. Figures are built on :class:`~matplotlib.figure.Figure` directly, not pyplot, so
nothing accumulates in pyplot's global state when a notebook makes many of them.
:func:`save_figure` writes PNG and SVG byte-for-byte reproducibly.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": distinguishable under common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SEQUENTIAL = "cividis"
DIVERGING = "PuOr"
LABEL_COLOURS = {"SYMPTOM": PALETTE[0], "DISEASE": PALETTE[1], "DRUG": PALETTE[2], "ANATOMY": PALETTE[3],
                 "TEST": PALETTE[4], "TREATMENT": PALETTE[5]}
STYLE = {
    "font.size": 10, "axes.titlesize": 12, "axes.titleweight": "bold", "axes.labelsize": 10,
    "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9, "legend.frameon": False,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.alpha": 0.3,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE), "figure.dpi": 100, "savefig.dpi": 150,
    "savefig.bbox": "tight", "svg.hashsalt": "qatext", "svg.fonttype": "path", "image.cmap": SEQUENTIAL,
}
NETWORK_SEED = 7
# Assertion statuses in reading order, each with a fixed colour so every figure agrees.
STATUS_COLOURS = {"present": PALETTE[0], "negated": PALETTE[5], "possible": PALETTE[1], "hypothetical": PALETTE[3],
                  "historical": PALETTE[4], "family": PALETTE[2], "generic": "#999999"}


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def _styled(func):
    """Run a plotting function inside the qatext style."""
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return func(*args, **kwargs)
    wrapper.__doc__, wrapper.__name__, wrapper.__wrapped__ = func.__doc__, func.__name__, func
    return wrapper


def _wrap(label, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _empty(fig: Figure, ax, message: str) -> Figure:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
    return fig


@_styled
def bar_chart(data: pd.DataFrame, *, x: str, y: str, hue: str | None = None, title: str = "",
              xlabel: str = "", ylabel: str = "", top_n: int | None = None, percent: bool = False) -> Figure:
    """Horizontal bars of numeric column ``x`` per category ``y`` (largest at the top).

    ``hue`` splits bars by a second category; ``percent`` formats shares (0-1) as percentages.
    """
    import seaborn as sns

    data = data.copy()
    if top_n is not None:
        keep = data.groupby(y)[x].sum().sort_values(ascending=False).head(top_n).index
        data = data[data[y].isin(keep)]
    order = data.groupby(y)[x].sum().sort_values(ascending=False).index.tolist()
    n_bars = max(len(order), 1) * (1 if hue is None else max(data[hue].nunique(), 1) * 0.6)
    fig = _figure(7.5, min(max(2.2, 0.3 * n_bars + 1.2), 16))
    ax = fig.subplots()
    if data.empty:
        return _empty(fig, ax, "no data")
    hue_order = sorted(data[hue].unique()) if hue else None
    sns.barplot(data=data, x=x, y=y, hue=hue, order=order, hue_order=hue_order, ax=ax, orient="h",
                palette=PALETTE[: len(hue_order)] if hue else None, color=None if hue else PALETTE[0],
                errorbar=None, saturation=1.0)
    ax.set_yticks(range(len(order)), [_wrap(o, 34) for o in order])
    ax.set(title=title, xlabel=xlabel or x, ylabel=ylabel)
    ax.grid(axis="y", visible=False)
    if percent:
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    return fig


def cluster_order(matrix: pd.DataFrame) -> tuple[list, list]:
    """Row and column orders that put similar rows (columns) next to each other.

    Average-linkage hierarchical clustering on Euclidean distance, with optimal leaf ordering;
    a square matrix with the same labels on both axes gets one order for both.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import pdist

    def order(values: np.ndarray) -> list[int]:
        if len(values) < 3:
            return list(range(len(values)))
        distances = pdist(values)
        tree = optimal_leaf_ordering(linkage(distances, method="average"), distances)
        return leaves_list(tree).tolist()

    values = matrix.fillna(0).to_numpy(dtype=float)
    if list(matrix.index) == list(matrix.columns):
        rows = order(np.hstack([values, values.T]))
        return [matrix.index[i] for i in rows], [matrix.columns[i] for i in rows]
    return ([matrix.index[i] for i in order(values)], [matrix.columns[i] for i in order(values.T)])


@_styled
def heatmap(matrix: pd.DataFrame, *, title: str = "", xlabel: str = "", ylabel: str = "", cbar_label: str = "",
            cluster: bool = True, annotate: bool | None = None, fmt: str = ".0f", center: float | None = None) -> Figure:
    """A heatmap of ``matrix``, rows and columns in clustered order unless ``cluster=False``.

    ``center`` switches to a diverging colour map around that value (e.g. 0 for NPMI).
    Cells are annotated when the matrix is small enough to read (or as ``annotate`` says).
    """
    import seaborn as sns

    if cluster and matrix.size:
        rows, cols = cluster_order(matrix)
        matrix = matrix.loc[rows, cols]
    n_rows, n_cols = matrix.shape
    fig = _figure(min(max(4.5, 0.38 * n_cols + 3.0), 16), min(max(3.0, 0.32 * n_rows + 2.2), 16))
    ax = fig.subplots()
    if matrix.empty:
        return _empty(fig, ax, "no data")
    if annotate is None:
        annotate = n_rows * n_cols <= 400
    sns.heatmap(matrix, ax=ax, cmap=DIVERGING if center is not None else SEQUENTIAL, center=center,
                annot=annotate, fmt=fmt, annot_kws={"fontsize": 7}, linewidths=0.4, linecolor="white",
                cbar_kws={"label": cbar_label}, square=False)
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel)
    ax.grid(False)
    ax.tick_params(axis="x", labelrotation=90)
    return fig


@_styled
def network_plot(graph, *, title: str = "", seed: int = NETWORK_SEED, max_labels: int = 40) -> Figure:
    """Draw a concept network: node area ~ records, node colour = entity label, edge width ~ NPMI.

    The spring layout is random; ``seed`` fixes it and is printed in the figure's corner.
    """
    import networkx as nx

    fig = _figure(9, 7.5)
    ax = fig.subplots()
    ax.set_axis_off()
    ax.set_title(title)
    if graph.number_of_nodes() == 0:
        return _empty(fig, ax, "no significant pairs")
    # Node order from sorted ids so the layout does not depend on insertion order.
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes(data=True)))
    ordered.add_edges_from(sorted(graph.edges(data=True)))
    positions = nx.spring_layout(ordered, seed=seed, k=1.2 / np.sqrt(max(ordered.number_of_nodes(), 1)))
    sizes = np.array([ordered.nodes[n].get("n", 1) for n in ordered.nodes], dtype=float)
    sizes = 60 + 600 * sizes / sizes.max()
    colours = [LABEL_COLOURS.get(ordered.nodes[n].get("label"), PALETTE[7]) for n in ordered.nodes]
    widths = [0.5 + 4 * max(ordered.edges[e].get("npmi", 0.0), 0.0) for e in ordered.edges]
    nx.draw_networkx_edges(ordered, positions, ax=ax, width=widths, edge_color="#777777", alpha=0.6)
    nx.draw_networkx_nodes(ordered, positions, ax=ax, node_size=sizes, node_color=colours, alpha=0.9,
                           edgecolors="white", linewidths=0.8)
    biggest = sorted(ordered.nodes, key=lambda n: (-ordered.nodes[n].get("n", 0), n))[:max_labels]
    nx.draw_networkx_labels(ordered, positions, ax=ax, labels={n: _wrap(ordered.nodes[n].get("name", n), 18)
                                                               for n in biggest}, font_size=7)
    labels_used = sorted({ordered.nodes[n].get("label") for n in ordered.nodes} - {None})
    handles = [matplotlib.lines.Line2D([], [], marker="o", linestyle="", color=LABEL_COLOURS.get(label, PALETTE[7]),
                                       label=label.lower()) for label in labels_used]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), title="concept type")
    ax.margins(0.08)
    ax.text(1.0, 0.0, f"node area ~ records; edge width ~ NPMI; spring layout seed {seed}",
            transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color="#555555")
    return fig


@_styled
def distribution(data: pd.DataFrame, *, column: str, by: str | None = None, title: str = "", xlabel: str = "",
                 bins: int | str = 30, log_x: bool = False, clip_quantile: float | None = 0.99) -> Figure:
    """Histogram of ``column`` (or one box per ``by`` group, sorted by median, when ``by`` is given).

    Values above ``clip_quantile`` are not drawn so a few outliers do not squash the plot; the
    caption should say so when it matters.
    """
    import seaborn as sns

    data = data.dropna(subset=[column])
    if clip_quantile is not None and len(data):
        data = data[data[column] <= data[column].quantile(clip_quantile)]
    if by is None:
        fig = _figure(7, 3.8)
        ax = fig.subplots()
        if data.empty:
            return _empty(fig, ax, "no data")
        sns.histplot(data=data, x=column, bins=bins, log_scale=log_x, ax=ax, color=PALETTE[0])
        median = data[column].median()
        ax.axvline(median, color=PALETTE[5], linestyle="--", linewidth=1.2, label=f"median {median:,.1f}")
        ax.legend()
        ax.set(title=title, xlabel=xlabel or column, ylabel="records")
        return fig
    order = data.groupby(by)[column].median().sort_values(ascending=False).index.tolist()
    fig = _figure(7.5, min(max(2.5, 0.32 * len(order) + 1.3), 14))
    ax = fig.subplots()
    if data.empty:
        return _empty(fig, ax, "no data")
    sns.boxplot(data=data, x=column, y=by, order=order, ax=ax, color=PALETTE[4], fliersize=2, log_scale=log_x, saturation=1.0)
    ax.set(title=title, xlabel=xlabel or column, ylabel="")
    return fig


@_styled
def stacked_shares(data: pd.DataFrame, *, group: str, category: str, value: str = "share", order=None,
                   title: str = "", xlabel: str = "share of records") -> Figure:
    """One horizontal bar per ``group``, split into the shares (0-1) of each ``category``.

    ``order`` fixes the categories' order (left to right) and colours; groups are sorted by the
    share of the first category.
    """
    fig_height = min(max(2.0, 0.35 * data[group].nunique() + 1.4), 14) if len(data) else 2.0
    fig = _figure(7.5, fig_height)
    ax = fig.subplots()
    if data.empty:
        return _empty(fig, ax, "no data")
    table = data.pivot_table(index=group, columns=category, values=value, aggfunc="sum", fill_value=0.0)
    columns = [c for c in (order or table.columns) if c in table.columns]
    table = table[columns].sort_values(columns[0], ascending=True)
    left = np.zeros(len(table))
    for k, column in enumerate(columns):
        ax.barh([_wrap(g, 34) for g in table.index], table[column], left=left, color=PALETTE[k % len(PALETTE)],
                label=column)
        left += table[column].to_numpy()
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set(title=title, xlabel=xlabel, ylabel="", xlim=(0, 1))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    return fig


@_styled
def small_multiples(data: pd.DataFrame, *, x: str, y: str, facet: str, title: str = "", xlabel: str = "",
                    max_facets: int = 12, top_n: int = 8, ncols: int = 3, percent: bool = False) -> Figure:
    """One small horizontal bar chart per ``facet`` value (e.g. distinctive terms per specialty).

    Shows the ``top_n`` rows of each facet by ``x``; facets in alphabetical order, at most
    ``max_facets`` (the largest by total ``x``).
    """
    facets = data.groupby(facet)[x].sum().sort_values(ascending=False).head(max_facets).index
    facets = sorted(facets)
    nrows = max(1, int(np.ceil(len(facets) / ncols)))
    fig = _figure(3.6 * ncols, 0.28 * top_n * nrows + 1.2 * nrows + 0.6)
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    if not facets:
        for ax in axes[1:]:
            ax.set_axis_off()
        return _empty(fig, axes[0], "no data")
    for ax, name in zip(axes, facets):
        part = data[data[facet] == name].sort_values(x, ascending=False).head(top_n).iloc[::-1]
        ax.barh([_wrap(v, 22) for v in part[y]], part[x], color=PALETTE[0])
        ax.set_title(_wrap(str(name).replace("_", " "), 30), fontsize=10)
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(axis="y", visible=False)
        if percent:
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_xlabel(xlabel or x, fontsize=8)
    for ax in axes[len(facets):]:
        ax.set_axis_off()
    if title:
        fig.suptitle(title, fontweight="bold")
    return fig


@_styled
def line_chart(data: pd.DataFrame, *, x: str, y: str, title: str = "", xlabel: str = "", ylabel: str = "") -> Figure:
    """A line over ``x`` (e.g. records per month)."""
    fig = _figure(7.5, 3.5)
    ax = fig.subplots()
    if data.empty:
        return _empty(fig, ax, "no dated records")
    ax.plot(data[x], data[y], color=PALETTE[0], marker="o", markersize=3, linewidth=1.2)
    ax.set(title=title, xlabel=xlabel or x, ylabel=ylabel or y)
    return fig


@_styled
def status_bars(mix: pd.DataFrame, *, title: str = "", xlabel: str = "share of mentions") -> Figure:
    """Stacked horizontal bars: the share of each assertion status per source and place (question, reply).

    ``mix`` is :func:`qatext.analysis.status_mix` output (``source``, ``where``, ``assertion``,
    ``share``, ``mentions``); the bar label gives the number of mentions.
    """
    if mix.empty:
        fig = _figure(7.5, 2.2)
        return _empty(fig, fig.subplots(), "no data")
    table = mix.pivot_table(index=["source", "where"], columns="assertion", values="share", fill_value=0.0)
    totals = mix.groupby(["source", "where"])["mentions"].sum()
    statuses = [s for s in STATUS_COLOURS if s in table.columns] + sorted(set(table.columns) - set(STATUS_COLOURS))
    fig = _figure(7.5, min(max(2.4, 0.45 * len(table) + 1.6), 16))
    ax = fig.subplots()
    labels = [f"{source} · {where}  (n={totals[(source, where)]:,})" for source, where in table.index]
    left = np.zeros(len(table))
    for i, status in enumerate(statuses):
        values = table[status].to_numpy()
        ax.barh(range(len(table)), values, left=left, color=STATUS_COLOURS.get(status, PALETTE[i % len(PALETTE)]),
                label=status, edgecolor="white", linewidth=0.5)
        left += values
    ax.set_yticks(range(len(table)), labels)
    ax.invert_yaxis()
    ax.set(title=title, xlabel=xlabel, xlim=(0, 1))
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.grid(axis="y", visible=False)
    ax.legend(ncols=min(len(statuses), 4), loc="upper center", bbox_to_anchor=(0.5, -0.18 if len(table) > 3 else -0.3))
    return fig


def save_figure(fig: Figure, directory: str | Path, name: str) -> tuple[Path, Path]:
    """Write ``fig`` as ``<directory>/<name>.png`` and ``.svg``; same figure, same bytes every run.

    Both files hold the same layout inside the same tight box. The figure is laid out and drawn
    once, at the PNG's resolution; the PNG is that drawing cropped to the box and the SVG draws
    the same layout again. (``savefig`` for each format would lay the figure out and draw it
    twice, four draws in all: most of a report's time.)
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.image import imsave

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    png, svg = directory / f"{name}.png", directory / f"{name}.svg"
    canvas, dpi, engine = fig.canvas, fig.dpi, fig.get_layout_engine()
    with matplotlib.rc_context(STYLE):
        resolution = matplotlib.rcParams["savefig.dpi"]
        try:
            fig.dpi = resolution
            agg = FigureCanvasAgg(fig)  # attaches itself to fig until the original canvas is put back
            agg.draw()  # runs the layout engine
            tight = fig.get_tightbbox(agg.get_renderer())
            box = tight.padded(matplotlib.rcParams["savefig.pad_inches"])
            pixels = _crop(np.asarray(agg.buffer_rgba()), tight, box, resolution, background=fig.get_facecolor())
        finally:
            fig.set_canvas(canvas)
            fig.dpi = dpi
        fig.set_layout_engine(None)  # laid out above: the SVG must not lay it out again
        try:
            if pixels is None:  # the drawing reaches past the figure: savefig grows the canvas
                fig.savefig(png, format="png", bbox_inches=box, metadata={"Software": None})
            else:
                imsave(png, pixels, format="png", dpi=resolution, metadata={"Software": None})
            fig.savefig(svg, format="svg", bbox_inches=box, metadata={"Date": None, "Creator": None})
        finally:
            fig.set_layout_engine(engine)
    return png, svg


def _crop(pixels: np.ndarray, tight, box, dpi: float, *, background) -> np.ndarray | None:
    """The part of ``pixels`` (the whole figure drawn at ``dpi``) inside ``box`` (inches from the
    lower left), where the box reaches past the figure only by its padding around ``tight``:
    that margin is ``background``, as savefig paints it. None when the drawing itself reaches
    past the figure (savefig then grows the canvas to draw it)."""
    height, width = pixels.shape[:2]
    if tight.x0 < 0 or tight.y0 < 0 or tight.x1 * dpi > width or tight.y1 * dpi > height:
        return None
    left, right = int(np.floor(box.x0 * dpi)), int(np.ceil(box.x1 * dpi))
    top, bottom = int(np.floor(height - box.y1 * dpi)), int(np.ceil(height - box.y0 * dpi))
    out = np.empty((bottom - top, right - left, pixels.shape[2]), dtype=pixels.dtype)
    out[...] = np.round(np.array(matplotlib.colors.to_rgba(background)) * 255).astype(pixels.dtype)
    inside = pixels[max(top, 0):min(bottom, height), max(left, 0):min(right, width)]
    out[max(-top, 0):max(-top, 0) + inside.shape[0], max(-left, 0):max(-left, 0) + inside.shape[1]] = inside
    return out
