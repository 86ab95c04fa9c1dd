import type { ReactNode } from 'react';
import { Chart } from './Chart.tsx';
import type { ChartSpec } from './chart-options.ts';

/** A chart with its title, a sentence saying what it shows, and the same numbers as a table below it. */
export function ChartCard({ id, title, summary, spec, table, actions }: { id: string; title: string; summary: string; spec: ChartSpec | null; table: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card chart-card" aria-labelledby={id}>
      <div className="section__head">
        <h2 id={id} className="section__title">
          {title}
        </h2>
        {actions}
      </div>
      {spec && spec.categories.length > 0 ? <Chart spec={spec} label={`${title}：${summary}`} /> : null}
      <p className="muted">{summary}</p>
      {table}
    </section>
  );
}
