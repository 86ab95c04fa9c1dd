import { inboxQuerySchema } from '@protocol/console/dispatch.ts';
import { describe, expect, it } from 'vitest';
import { inboxQuery, readInboxFilters, receiptNumberOf, writeInboxFilters } from './inbox-filters.ts';

describe('the inbox filters in the address', () => {
  it('round-trips through the query string, dropping what it does not know', () => {
    const query = new URLSearchParams('status=dispatched&status=taken&status=lost&kind=wish&station=east-gate&age=over-3d&overdue=true&sort=oldest&community=xfl');
    const filters = readInboxFilters(query);
    expect(filters).toEqual({
      statuses: ['dispatched', 'taken'],
      kinds: ['wish'],
      stationId: 'east-gate',
      communityId: 'xfl',
      age: 'over-3d',
      overdue: true,
      sort: 'oldest',
    });
    expect(readInboxFilters(writeInboxFilters(filters))).toEqual(filters);
    expect(writeInboxFilters(readInboxFilters(new URLSearchParams('age=forever'))).toString()).toBe('');
  });

  it('asks the API for exactly that, in a query its schema accepts', () => {
    const filters = readInboxFilters(new URLSearchParams('status=submitted&kind=complaint&kind=dream&station=east-gate&age=today'));
    const query = inboxQuery(filters, 'next-page');
    expect(query).toEqual({ status: ['submitted'], kind: ['complaint', 'dream'], stationId: ['east-gate'], maxAgeHours: 24, sort: 'newest', cursor: 'next-page' });
    expect(inboxQuerySchema.safeParse(query).success).toBe(true);
    const aged = inboxQuery(readInboxFilters(new URLSearchParams('age=over-7d&overdue=true')));
    expect(aged).toMatchObject({ minAgeHours: 168, overdue: 'true' });
    expect(inboxQuerySchema.safeParse(aged).success).toBe(true);
  });

  it('reads a receipt number as printed or as typed', () => {
    expect(receiptNumberOf('2475-740')).toBe('2475740');
    expect(receiptNumberOf(' 2475740 ')).toBe('2475740');
    expect(receiptNumberOf('1127007')).toBe('1127007');
    expect(receiptNumberOf('2475-7401')).toBe('24757401');
    expect(receiptNumberOf('247574')).toBeNull();
    expect(receiptNumberOf('2475-74a')).toBeNull();
  });
});
