import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * What the console draws, as plain data, and the ECharts option for it. Only bars and lines: every report reads
 * as counts over days or over things (stations, services, units), and a table beside each chart carries the
 * same numbers for reading, sorting and screen readers.
 */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

export interface ChartSeries {
  name: string;
  values: readonly number[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** The categories along the axis (days, station names, …), in order. */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Bars lying down: long category names (services, units) stay readable. */
  horizontal?: boolean;
  stacked?: boolean;
}

/** The console's palette: the brand red first, then colours that stay apart for the colour-blind and in print. */
export const CHART_COLOURS = ['#b3261e', '#1f5fa8', '#8a5a00', '#1b6e33', '#6b3fa0', '#4a4340'];

const INK_SOFT = '#4a4340';
const LINE = '#d9cfc7';

/**
 * `fontFamily` is the page's own (the chart element's computed font-family): ECharts measures its labels and
 * legend on a canvas, where 'inherit' is no font at all and the text is measured in 10px sans-serif, so Chinese
 * labels drawn in the page's font came out wider than laid out (a legend over its neighbour, clipped axis names).
 */
export const chartOption = (spec: ChartSpec, fontFamily: string): ChartOption => {
  const categoryAxis = {
    type: 'category' as const,
    data: [...spec.categories],
    axisLabel: { fontFamily, color: INK_SOFT, fontSize: 13, hideOverlap: true },
    axisLine: { lineStyle: { color: LINE } },
  };
  const valueAxis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { fontFamily, color: INK_SOFT, fontSize: 13 },
    splitLine: { lineStyle: { color: LINE } },
  };
  return {
    color: CHART_COLOURS,
    animation: false,
    textStyle: { fontFamily, color: INK_SOFT },
    grid: { left: 8, right: 16, top: spec.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    legend: spec.series.length > 1 ? { top: 0, textStyle: { fontFamily, color: INK_SOFT, fontSize: 13 } } : { show: false },
    // Drawn in the chart itself, not as an HTML overlay: the console's CSP refuses inline styles, which the HTML
    // tooltip is made of.
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.series.map((series) =>
      spec.kind === 'bar'
        ? { type: 'bar' as const, name: series.name, data: [...series.values], stack: spec.stacked ? 'total' : undefined, barMaxWidth: 36 }
        : { type: 'line' as const, name: series.name, data: [...series.values], showSymbol: spec.categories.length <= 31, smooth: false },
    ),
  };
};

/** Height that fits the categories of a horizontal bar chart (one bar row each), or the standard height. */
export const chartHeight = (spec: ChartSpec): number => (spec.horizontal ? Math.max(160, 36 + spec.categories.length * 30) : 280);
