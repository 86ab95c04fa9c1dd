import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consoleErrorBodySchema, listParam } from './common.ts';
import { inboxQuerySchema } from './dispatch.ts';
import { publishedItemSchema, publishPutRequestSchema, setMemberCredentialsRequestSchema } from './publish.ts';
import { consolePath, consoleQueryString, consoleRoutes } from './routes.ts';
import { loginRequestSchema, staffRoleSchema } from './session.ts';

describe('console route map', () => {
  it('names every path parameter in the route params schema, and only GET routes are bodiless reads', () => {
    const seen = new Set<string>();
    for (const [name, route] of Object.entries(consoleRoutes)) {
      const key = `${route.method} ${route.path}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const params = 'params' in route ? (route.params as z.ZodObject).shape : {};
      expect(Object.keys(params).sort(), name).toEqual(names.sort());
      if (route.method === 'GET') expect('body' in route, name).toBe(false);
      expect(route.roles.length, name).toBeGreaterThan(0);
    }
    expect(consoleRoutes.login.auth).toBe('none');
    expect(Object.values(consoleRoutes).filter((r) => r.auth === 'none')).toHaveLength(1);
  });

  it('builds paths with encoded parameters and refuses a missing one', () => {
    expect(consolePath('updateStaff', { staffId: 'a/b' })).toBe('/console/api/staff/a%2Fb');
    expect(consolePath('inbox')).toBe('/console/api/requests');
    expect(() => consolePath('request')).toThrow(/requestId/);
  });

  it('writes lists as repeated keys, and the inbox query reads them back', () => {
    const query = consoleQueryString({ status: ['submitted', 'dispatched'], kind: 'wish', sort: undefined, limit: 20 });
    expect(query).toBe('?status=submitted&status=dispatched&kind=wish&limit=20');
    const parsed = inboxQuerySchema.parse({ status: ['submitted', 'dispatched'], kind: 'wish', limit: '20' });
    expect(parsed).toMatchObject({ status: ['submitted', 'dispatched'], kind: ['wish'], limit: 20, sort: 'newest' });
    expect(listParam(z.string()).parse('one')).toEqual(['one']);
  });
});

describe('console schemas', () => {
  it('reads login names in lower case and refuses odd ones', () => {
    expect(loginRequestSchema.parse({ login: ' Admin.Li ', password: 'x' }).login).toBe('admin.li');
    expect(loginRequestSchema.safeParse({ login: 'a', password: 'x' }).success).toBe(false);
    expect(loginRequestSchema.safeParse({ login: 'admin li', password: 'x' }).success).toBe(false);
  });

  it('ties each role to where it holds', () => {
    expect(staffRoleSchema.safeParse({ kind: 'community-staff', communityId: 'xingfu' }).success).toBe(true);
    expect(staffRoleSchema.safeParse({ kind: 'community-staff' }).success).toBe(false);
    expect(staffRoleSchema.safeParse({ kind: 'unit-lead', communityId: 'xingfu' }).success).toBe(false);
  });

  it('checks a published value against its collection', () => {
    const unit = { id: 'tax-office', name: { 'zh-CN': '税务所', en: 'Tax office' } };
    expect(publishPutRequestSchema.safeParse({ collection: 'units', scope: 'community:xingfu', value: unit, expectedVersion: null }).success).toBe(true);
    expect(publishPutRequestSchema.safeParse({ collection: 'members', scope: 'community:xingfu', value: unit, expectedVersion: null }).success).toBe(false);
    expect(publishPutRequestSchema.safeParse({ collection: 'units', scope: 'community:Bad', value: unit, expectedVersion: null }).success).toBe(false);
    const item = publishedItemSchema.parse({ collection: 'units', scope: '*', id: 'tax-office', version: 3, updatedAt: '2026-03-02T08:00:00.000Z', value: unit });
    expect(item.collection === 'units' && item.value.name.en).toBe('Tax office');
  });

  it('takes only a PIN hash, never a PIN', () => {
    const base = { scope: 'community:xingfu', memberId: 'li-na' };
    expect(setMemberCredentialsRequestSchema.safeParse({ ...base, pinHash: '1234' }).success).toBe(false);
    expect(setMemberCredentialsRequestSchema.safeParse({ ...base, pinHash: `pbkdf2-sha256$210000$${'A'.repeat(22)}==$${'B'.repeat(43)}=` }).success).toBe(true);
    expect(setMemberCredentialsRequestSchema.safeParse({ ...base, qrHash: null }).success).toBe(true);
    expect(setMemberCredentialsRequestSchema.safeParse(base).success).toBe(false);
  });

  it('carries the state machine refusal in the error body', () => {
    const body = { error: 'refused', message: 'wrong state', refusal: { reason: 'wrong-state', from: 'done', event: 'dispatch' } };
    expect(consoleErrorBodySchema.parse(body)).toEqual(body);
  });
});
