import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerInEcharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the console draws (chart-options.ts): bars and lines, their grid, legend and tooltip, drawn as SVG
// (crisp in print, no canvas). The rest of ECharts never enters the bundle.
registerInEcharts([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
