import { useEffect, useRef } from 'react';
import { chartHeight, chartOption, type ChartSpec } from './chart-options.ts';
import { init } from './echarts.ts';

/**
 * One ECharts chart. It is a picture for the eye: `label` names it and says what it shows for a screen reader,
 * and the page puts the same numbers in a table beside it.
 */
export function Chart({ spec, label }: { spec: ChartSpec; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    chart.current?.setOption(chartOption(spec, getComputedStyle(element).fontFamily), { notMerge: true });
    chart.current?.resize();
  }, [spec]);
  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height: chartHeight(spec) }} />;
}
