"""qatext.plots: every function returns a labelled Figure; saving is reproducible byte for byte."""
from __future__ import annotations

import matplotlib.colors
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from defusedxml import ElementTree
from matplotlib.figure import Figure

from qatext import plots


def axes_with_data(fig):
    return [ax for ax in fig.axes if ax.has_data()]


def test_bar_chart_labels_axes_and_orders_by_value():
    data = pd.DataFrame({"symptom": ["cough", "fever", "rash"], "records": [5, 9, 2]})
    fig = plots.bar_chart(data, x="records", y="symptom", title="Top", xlabel="records")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "records" and ax.get_title() == "Top"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["fever", "cough", "rash"]


def test_bar_chart_with_hue_uses_the_colour_blind_palette():
    data = pd.DataFrame({"s": ["a", "a", "b"], "n": [1, 2, 3], "by": ["site", "predicted", "site"]})
    fig = plots.bar_chart(data, x="n", y="s", hue="by")
    colours = {tuple(np.round(p.get_facecolor()[:3], 3)) for p in fig.axes[0].patches if p.get_width() > 0}
    palette = {tuple(np.round([int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)], 3)) for c in plots.PALETTE}
    assert colours and colours <= palette


def test_cluster_order_puts_similar_rows_together():
    matrix = pd.DataFrame([[10, 0, 0], [0, 10, 10], [9, 1, 0], [0, 9, 10]], index=list("abcd"), columns=list("xyz"))
    rows, _ = plots.cluster_order(matrix)
    position = {name: i for i, name in enumerate(rows)}
    assert abs(position["a"] - position["c"]) == 1 and abs(position["b"] - position["d"]) == 1


def test_heatmap_reorders_and_labels():
    matrix = pd.DataFrame(np.eye(4), index=list("abcd"), columns=list("abcd"))
    fig = plots.heatmap(matrix, title="H", xlabel="x", ylabel="y", cbar_label="share")
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("x", "y", "H")
    assert fig.axes[1].get_ylabel() == "share"  # colour bar says what the colour means


def test_network_plot_is_seeded_and_says_so():
    graph = nx.Graph()
    graph.add_node("A", name="Headache", label="SYMPTOM", n=10)
    graph.add_node("B", name="Migraine", label="DISEASE", n=5)
    graph.add_edge("A", "B", npmi=0.6)
    fig = plots.network_plot(graph, title="net", seed=3)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "Headache" in texts and any("seed 3" in t for t in texts)
    empty = plots.network_plot(nx.Graph())
    assert any("no significant pairs" in t.get_text() for t in empty.axes[0].texts)


def test_distribution_and_small_multiples():
    data = pd.DataFrame({"words": np.arange(1, 101), "group": ["a", "b"] * 50})
    hist = plots.distribution(data, column="words", xlabel="words per reply")
    assert hist.axes[0].get_xlabel() == "words per reply" and hist.axes[0].get_ylabel() == "records"
    box = plots.distribution(data, column="words", by="group")
    assert {t.get_text() for t in box.axes[0].get_yticklabels()} == {"a", "b"}
    terms = pd.DataFrame({"group": ["x"] * 3 + ["y"] * 3, "term": list("abcdef"), "z": [3, 2, 1, 3, 2, 1]})
    multi = plots.small_multiples(terms, x="z", y="term", facet="group", ncols=2)
    assert [ax.get_title() for ax in axes_with_data(multi)] == ["x", "y"]


def test_save_figure_writes_valid_png_and_svg_identically_twice(tmp_path):
    data = pd.DataFrame({"s": ["a", "b"], "n": [1, 2]})
    png, svg = plots.save_figure(plots.bar_chart(data, x="n", y="s"), tmp_path / "one", "bars")
    png2, svg2 = plots.save_figure(plots.bar_chart(data, x="n", y="s"), tmp_path / "two", "bars")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 1000
    assert ElementTree.parse(svg).getroot().tag.endswith("svg")
    assert png.read_bytes() == png2.read_bytes() and svg.read_bytes() == svg2.read_bytes()


def _png_size(path):
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def _svg_points(path):
    root = ElementTree.parse(path).getroot()
    return tuple(float(root.get(side).removesuffix("pt")) for side in ("width", "height"))


@pytest.mark.parametrize("overflow", [False, True])
def test_png_and_svg_show_the_same_tight_box(tmp_path, overflow):
    """The PNG is cropped from one drawing of the figure (or, when a label reaches past the
    figure's edge, drawn by savefig on a grown canvas); either way it frames what the SVG frames."""
    data = pd.DataFrame({"s": ["a", "b"], "n": [1, 2]})
    fig = plots.bar_chart(data, x="n", y="s", title="Bars")
    if overflow:
        fig.text(1.02, 0.5, "a note past the right edge")  # outside what constrained layout fits
    png, svg = plots.save_figure(fig, tmp_path, "bars")
    dpi = plots.STYLE["savefig.dpi"]
    width, height = _png_size(png)
    svg_width, svg_height = _svg_points(svg)
    assert abs(width - svg_width * dpi / 72) <= 2 and abs(height - svg_height * dpi / 72) <= 2
    assert (width > (fig.get_figwidth() + 0.5) * dpi) == overflow  # the note past the edge is in the image
    assert fig.get_layout_engine() is not None and fig.dpi == plots.STYLE["figure.dpi"]  # the figure is as it was


@pytest.mark.parametrize("func,kwargs", [
    (plots.bar_chart, {"x": "n", "y": "s"}),
    (plots.distribution, {"column": "n"}),
    (plots.small_multiples, {"x": "n", "y": "s", "facet": "f"}),
])
def test_empty_data_gives_a_figure_saying_so(func, kwargs):
    fig = func(pd.DataFrame({"n": pd.Series(dtype=float), "s": [], "f": []}), **kwargs)
    assert any("no data" in t.get_text() for ax in fig.axes for t in ax.texts)


def test_status_bars_stack_shares_per_source_and_place():
    from qatext.analysis import status_mix

    entities = pd.DataFrame({"record_id": ["a", "a", "a", "b", "b"],
                             "field": ["question", "question", "answer", "question", "answer"],
                             "assertion": ["present", "generic", "generic", "negated", "present"]})
    records = pd.DataFrame({"record_id": ["a", "b"], "source": ["medquad", "pages"]})
    mix = status_mix(entities, records)
    shares = mix.set_index(["source", "where", "assertion"])["share"]
    assert shares[("medquad", "question", "generic")] == 0.5 and shares[("medquad", "reply", "generic")] == 1.0
    assert mix.groupby(["source", "where"])["share"].sum().round(9).eq(1.0).all()
    fig = plots.status_bars(mix, title="Statuses")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["medquad · question  (n=2)", "medquad · reply  (n=1)", "pages · question  (n=1)",
                      "pages · reply  (n=1)"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["present", "negated", "generic"]
    assert [c.get_label() for c in ax.containers] == ["present", "negated", "generic"]
    generic = ax.containers[2]
    assert [round(bar.get_width(), 3) for bar in generic] == [0.5, 1.0, 0.0, 0.0]
    assert {matplotlib.colors.to_hex(bar.get_facecolor()) for bar in generic} == {plots.STATUS_COLOURS["generic"]}
    assert isinstance(plots.status_bars(status_mix(entities.iloc[:0])), Figure)
