"""Chart geometry for server-rendered SVG: a KPI's values over quarters and budget disbursement bars.

The templates (monitoring/includes/*_chart.html) draw what these classes measure. Every chart has a data
table beside it, so the SVG is a picture of numbers the page also states; no JavaScript is involved.
"""

import math
from dataclasses import dataclass
from decimal import Decimal

PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 72, 16, 16, 52
QUARTER_WIDTH = 72


def nice_step(span, ticks=4):
    """A round step (1, 2 or 5 × 10ⁿ) that divides the span into about `ticks` parts."""
    if span <= 0:
        return 1
    raw = span / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


@dataclass
class Axis:
    low: float
    high: float
    step: float

    @classmethod
    def around(cls, values):
        values = [float(v) for v in values if v is not None] or [0.0]
        low, high = min(values), max(values)
        if low >= 0 and low < high / 2:
            low = 0.0  # start at zero unless that would flatten values that all sit high (e.g. 78–85%)
        step = nice_step(high - low)
        low = math.floor(low / step) * step
        high = math.ceil(high / step) * step
        return cls(low, high if high > low else low + step, step)

    def ticks(self):
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]


class KpiChart:
    """A KPI over the quarters of its project's fiscal years: approved values, baseline and yearly targets."""

    height = 260

    def __init__(self, *, years, values, targets, baseline):
        self.years = list(years)
        self.quarters = [(year, quarter) for year in self.years for quarter in (1, 2, 3, 4)]
        self.values, self.targets, self.baseline = values, targets, baseline
        self.width = PLOT_LEFT + PLOT_RIGHT + QUARTER_WIDTH * len(self.quarters)
        self.axis = Axis.around([*values.values(), *targets.values(), baseline])

    def x(self, index):
        return PLOT_LEFT + QUARTER_WIDTH * index + QUARTER_WIDTH / 2

    def y(self, value):
        plot = self.height - PLOT_TOP - PLOT_BOTTOM
        share = (float(value) - self.axis.low) / (self.axis.high - self.axis.low)
        return round(PLOT_TOP + plot * (1 - share), 1)

    @property
    def plot_bottom(self):
        return self.height - PLOT_BOTTOM

    @property
    def plot_right(self):
        return self.width - PLOT_RIGHT

    def gridlines(self):
        return [{"y": self.y(tick), "value": Decimal(str(round(tick, 6)))} for tick in self.axis.ticks()]

    def points(self):
        return [
            {
                "x": self.x(i),
                "y": self.y(self.values[key]),
                "year": key[0],
                "quarter": key[1],
                "value": self.values[key],
            }
            for i, key in enumerate(self.quarters)
            if key in self.values
        ]

    def line(self):
        return " ".join(f"{point['x']},{point['y']}" for point in self.points())

    def quarter_labels(self):
        return [{"x": self.x(i), "quarter": quarter} for i, (_year, quarter) in enumerate(self.quarters)]

    def year_labels(self):
        """Each fiscal year's label under its four quarters, with a tick where the next year begins."""
        return [
            {
                "x": self.x(4 * i) + 1.5 * QUARTER_WIDTH,
                "left": PLOT_LEFT + 4 * QUARTER_WIDTH * i,
                "year": year,
            }
            for i, year in enumerate(self.years)
        ]

    def target_segments(self):
        segments = []
        for i, year in enumerate(self.years):
            if year in self.targets:
                left = PLOT_LEFT + 4 * QUARTER_WIDTH * i
                y = self.y(self.targets[year])
                segments.append({"x1": left + 4, "x2": left + 4 * QUARTER_WIDTH - 4, "y": y, "year": year})
        return segments

    def baseline_y(self):
        return None if self.baseline is None else self.y(self.baseline)


class BarChart:
    """Horizontal bars: each row's allocation as a track, with the disbursed part filled in."""

    row_height = 56  # each label sits above its bar, so long Thai names never squeeze the scale
    width = 640

    def __init__(self, rows):
        """`rows`: (label, allocated, disbursed) triples."""
        self.rows = rows
        self.most = max((float(allocated or 0) for _label, allocated, _disbursed in rows), default=0) or 1

    @property
    def height(self):
        return self.row_height * len(self.rows) + 8

    def bars(self):
        track = self.width - 96
        bars = []
        for i, (label, allocated, disbursed) in enumerate(self.rows):
            allocated, disbursed = float(allocated or 0), float(disbursed or 0)
            top = i * self.row_height
            bars.append(
                {
                    "label": label,
                    "label_y": top + 18,
                    "bar_y": top + 26,
                    "allocated_width": round(track * allocated / self.most, 1),
                    "disbursed_width": round(track * min(disbursed, allocated or disbursed) / self.most, 1),
                    "rate": disbursed * 100 / allocated if allocated else None,
                    "rate_x": round(track * allocated / self.most, 1) + 8,
                }
            )
        return bars
