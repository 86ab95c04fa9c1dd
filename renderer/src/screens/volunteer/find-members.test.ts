import type { Member } from '@protocol/catalogue.ts';
import { describe, expect, it } from 'vitest';
import { findMembers } from './find-members.ts';

const member = (id: string, name: string, phone: string): Member => ({ id, name, unitId: 'u', role: 'member', phone, skills: [] });
const members = [member('wang', '王秀兰', '13903517264'), member('wang2', '王建国', '13800007264'), member('li', '李国强', '15103469825')];

describe('findMembers', () => {
  it('finds by part of a name', () => {
    expect(findMembers(members, { name: '王' }).map((m) => m.id)).toEqual(['wang', 'wang2']);
    expect(findMembers(members, { name: ' 国强 ' }).map((m) => m.id)).toEqual(['li']);
    expect(findMembers(members, { name: '  ' })).toEqual([]);
  });

  it('finds by the last four digits of the phone, and only once all four are typed', () => {
    expect(findMembers(members, { phoneEnd: '7264' }).map((m) => m.id)).toEqual(['wang', 'wang2']);
    expect(findMembers(members, { phoneEnd: '264' })).toEqual([]);
  });
});
