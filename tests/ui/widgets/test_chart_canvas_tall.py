"""Issue 18.15: a tall chart (many groups) scrolls instead of being squeezed until its labels overlap."""

from __future__ import annotations

from app.analysis.figures import groups_chart
from app.ui.widgets.chart_canvas import ChartCanvas
from tests.analysis.test_figures_readable import _group, _overlapping


def test_many_groups_keep_their_room_in_a_small_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = [_group(i, f"een heel lange groepsnaam nummer {i} met nog meer woorden") for i in range(24)]
    chart = groups_chart(rows)
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    widget.resize(700, 450)
    widget.show()
    widget.set_chart(chart)
    qtbot.waitExposed(widget)
    canvas = widget.canvas
    assert canvas is not None
    canvas.draw()
    fig = chart.figure
    assert fig is not None
    assert canvas.height() > widget.height()  # taller than the page: it scrolls
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert _overlapping(boxes) == []
