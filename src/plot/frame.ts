import { scaleLinear, type ScaleLinear } from 'd3-scale';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where everything goes on the canvas, and the data-to-pixel scales of the plot area. */
export interface Frame {
  width: number;
  height: number;
  plot: Rect;
  legend: Rect;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

export interface FrameOptions {
  width: number;
  height: number;
  /** Room kept on the right for the legend. */
  legendWidth: number;
  /**
   * Equal scale on both axes when the ranges' sides are within this ratio of each other, so
   * that circles look round; otherwise the plot fills the space (a long thin box would leave a
   * sliver). Infinity: always equal; 1: only for equal sides; 0: never.
   */
  equalWithin?: number;
}

const MARGIN = { top: 62, right: 16, bottom: 50, left: 66, gap: 20 };

/** Lays out title, plot and legend on a width × height canvas for x and y ranges. */
export function layoutFrame([xr, yr]: [[number, number], [number, number]], o: FrameOptions): Frame {
  const availW = o.width - MARGIN.left - MARGIN.gap - o.legendWidth - MARGIN.right;
  const availH = o.height - MARGIN.top - MARGIN.bottom;
  const [w, h] = [xr[1] - xr[0], yr[1] - yr[0]];
  const ratio = Math.max(w / h, h / w);
  let [pw, ph] = [availW, availH];
  if (ratio <= (o.equalWithin ?? 3)) {
    const k = Math.min(availW / w, availH / h);
    [pw, ph] = [w * k, h * k];
  }
  // Top-left: the plot stays next to its title and axis labels; spare room gathers bottom-right.
  const plot = { left: MARGIN.left, top: MARGIN.top, width: pw, height: ph };
  // The legend starts level with the plot's top edge, and may run down to the canvas margin.
  const legend = { left: Math.min(o.width - MARGIN.right - o.legendWidth, plot.left + pw + MARGIN.gap), top: plot.top, width: o.legendWidth, height: o.height - MARGIN.bottom / 2 - plot.top };
  return {
    width: o.width,
    height: o.height,
    plot,
    legend,
    x: scaleLinear().domain(xr).range([plot.left, plot.left + pw]),
    y: scaleLinear().domain(yr).range([plot.top + ph, plot.top]),
  };
}
