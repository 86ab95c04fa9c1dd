import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { type Combo, SHOT_INDEX, SHOTS, type ShotEntry } from './shots.ts';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

const order = (combo: Combo) => (combo.viewport === 'landscape' ? 0 : 4) + (combo.language === 'zh-CN' ? 0 : 2) + (combo.elderly ? 1 : 0);
const comboLabel = (combo: Combo) => `${combo.viewport} · ${combo.language} · ${combo.elderly ? 'elderly' : 'default'}`;

/**
 * One HTML page of every state the end-to-end flows reached, grouped by flow, each state in every combination
 * of orientation, language and elderly mode side by side, with what the fit checks found under each picture:
 * a reviewer sees the whole kiosk at once. Written from the index the flows append to (fit.ts).
 */
export const writeContactSheet = (path = `${SHOTS}/index.html`): { shots: number; states: number; problems: number; seconds: number } | undefined => {
  if (!existsSync(SHOT_INDEX)) return undefined;
  const entries = readFileSync(SHOT_INDEX, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ShotEntry);
  const flows = new Map<string, Map<string, ShotEntry[]>>();
  for (const entry of entries) {
    const states = flows.get(entry.flow) ?? new Map<string, ShotEntry[]>();
    flows.set(entry.flow, states);
    states.set(entry.state, [...(states.get(entry.state) ?? []), entry]);
  }
  const problems = entries.reduce((n, e) => n + e.problems.length, 0);
  const seconds = Math.round(entries.reduce((n, e) => n + (e.ms ?? 0), 0) / 1000);
  const stateCount = [...flows.values()].reduce((n, states) => n + states.size, 0);
  const sections = [...flows].map(([flow, states]) => {
    const rows = [...states].map(([state, shots]) => {
      const cells = [...shots].sort((a, b) => order(a) - order(b)).map((shot) => {
        const list = shot.problems.length ? `<ul>${shot.problems.map((p) => `<li>${escape(p)}</li>`).join('')}</ul>` : '';
        return `<figure class="${shot.problems.length ? 'bad' : 'ok'}"><a href="${escape(shot.image)}"><img loading="lazy" src="${escape(shot.image)}" alt=""></a><figcaption>${comboLabel(shot)}${list}</figcaption></figure>`;
      });
      return `<h3>${escape(state)}</h3><div class="row">${cells.join('')}</div>`;
    });
    return `<section><h2>${escape(flow)}</h2>${rows.join('')}</section>`;
  });
  writeFileSync(
    path,
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Yizhan: every state of every flow</title>
<style>
body{font:14px system-ui,sans-serif;margin:16px;background:#f4f1ee}h2{margin:32px 0 4px}h3{margin:16px 0 4px;font-size:14px}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start}figure{margin:0;background:#fff;padding:4px;border:2px solid #ccc;max-width:264px}
figure.bad{border-color:#c00}img{display:block;max-width:256px;max-height:256px}figcaption{font-size:12px}ul{margin:4px 0;padding-left:16px;color:#a00}
</style>
<h1>Every state of every flow</h1><p>${stateCount} states, ${entries.length} screenshots, ${problems} problems found; seeing them took ${seconds} s.</p>
${sections.join('\n')}
</html>
`,
  );
  return { shots: entries.length, states: stateCount, problems, seconds };
};
