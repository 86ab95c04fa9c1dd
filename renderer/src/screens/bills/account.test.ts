import { describe, expect, it } from 'vitest';
import { accountError, groupDigits } from './account.ts';

describe('account numbers for a bill referral', () => {
  it('takes 6 to 20 digits', () => {
    expect(accountError('123456')).toBeUndefined();
    expect(accountError('1'.repeat(20))).toBeUndefined();
  });

  it.each([
    ['', 'validation.account.required'],
    ['12345', 'validation.account.short'],
    ['1'.repeat(21), 'validation.account.long'],
    ['12345a', 'validation.account.digits'],
  ])('refuses %j with %s', (account, key) => {
    expect(accountError(account)).toBe(key);
  });
});

describe('account numbers on the keypad display', () => {
  it('are grouped in fours', () => {
    expect(groupDigits('')).toBe('');
    expect(groupDigits('1234')).toBe('1234');
    expect(groupDigits('12345678901')).toBe('1234 5678 901');
    expect(groupDigits('1'.repeat(20))).toBe('1111 1111 1111 1111 1111');
  });
});
