import type { StaffRole } from '@protocol/console/session.ts';
import { describe, expect, it } from 'vitest';
import { availableSteps } from './steps.ts';

const staff: StaffRole = { kind: 'community-staff', communityId: 'xfl' };
const lead: StaffRole = { kind: 'unit-lead', communityId: 'xfl', unitId: 'water-co' };
const toUnit = (unitId: string) => ({ type: 'unit' as const, unitId });

describe('the steps a request offers', () => {
  it('follows the state machine for staff', () => {
    expect(availableSteps({ status: 'submitted', dispatchedTo: null, takenBy: null }, staff)).toEqual(['dispatch', 'take', 'cancel', 'note']);
    expect(availableSteps({ status: 'taken', dispatchedTo: toUnit('water-co'), takenBy: toUnit('water-co') }, staff)).toEqual(['complete', 'handover', 'cancel', 'note']);
    expect(availableSteps({ status: 'done', dispatchedTo: null, takenBy: null }, staff)).toEqual(['reopen', 'note']);
    // Before its submit has arrived, nothing can be done to it.
    expect(availableSteps({ status: null, dispatchedTo: null, takenBy: null }, staff)).toEqual([]);
  });

  it('lets a unit lead take, complete, hand back and note only what is their unit\'s', () => {
    expect(availableSteps({ status: 'dispatched', dispatchedTo: toUnit('water-co'), takenBy: null }, lead)).toEqual(['take', 'note']);
    expect(availableSteps({ status: 'taken', dispatchedTo: toUnit('water-co'), takenBy: toUnit('water-co') }, lead)).toEqual(['complete', 'handover', 'note']);
    expect(availableSteps({ status: 'dispatched', dispatchedTo: toUnit('gas-co'), takenBy: null }, lead)).toEqual([]);
    expect(availableSteps({ status: 'taken', dispatchedTo: toUnit('water-co'), takenBy: { type: 'member', memberId: 'li-si' } }, lead)).toEqual(['note']);
  });
});
