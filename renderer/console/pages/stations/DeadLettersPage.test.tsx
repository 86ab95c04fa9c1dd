import type { DeadLetter } from '@protocol/console/stations.ts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const received = '2026-03-05T04:00:00.000Z';
const visit = { id: '0190a5c4-7b2e-7c3d-8e4f-000000000901', stationId: 'east-gate', at: '2026-03-05T03:00:00.000Z', v: 1, kind: 'visit', who: 'resident' };
const letter = (fields: Partial<DeadLetter>): DeadLetter => ({
  stationId: 'east-gate', epoch: 'e1', seq: 1, recordId: visit.id, kind: 'visit', reason: 'invalid-record', detail: null,
  payload: null, stored: null, receivedAt: received, resolution: null, ...fields,
});

describe('the dead letters page', () => {
  it('shows both versions of a content conflict side by side, and names the fields that differ', async () => {
    const conflict = letter({ seq: 7, reason: 'content-conflict', stored: { ...visit, purpose: 'health' }, payload: { ...visit, purpose: 'elderly' } });
    const { missing } = renderConsole('/stations/dead-letters', { session: staffSession, handlers: { ...publishedLists(), deadLetters: () => ({ deadLetters: [conflict] }) } });
    expect(await screen.findByText(/同一编号，内容不同/)).toBeInTheDocument();
    expect(screen.getByText('两版不同之处：purpose')).toBeInTheDocument();
    const stored = screen.getByRole('region', { name: '服务器存着的版本' });
    const setAside = screen.getByRole('region', { name: '被搁置的这一版' });
    expect(within(stored).getByText(/"purpose": "health"/)).toBeInTheDocument();
    expect(within(setAside).getByText(/"purpose": "elderly"/)).toBeInTheDocument();
    expect(missing).toEqual([]);
  });

  it('keeps a single record, folded, for any other reason, and says when retention purged it', async () => {
    const invalid = letter({ seq: 2, payload: { kind: 'nonsense' } });
    const purged = letter({ seq: 3, reason: 'schema-too-old' });
    const { missing } = renderConsole('/stations/dead-letters', { session: staffSession, handlers: { ...publishedLists(), deadLetters: () => ({ deadLetters: [invalid, purged] }) } });
    expect(await screen.findByText(/记录格式不对/)).toBeInTheDocument();
    expect(screen.getByText(/记录版本太旧/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '服务器存着的版本' })).toBeNull();
    expect(screen.getAllByText('查看原始记录')).toHaveLength(2);
    expect(screen.getByText('原始记录已按保留期限清除。')).toBeInTheDocument();
    expect(missing).toEqual([]);
  });
});
