import { describe, expect, it } from 'vitest';
import { maskAccount, maskName, maskPhone } from './masking.ts';
import { accountNumberSchema, firstIssueKey, personNameSchema, phoneSchema } from './validation.ts';

describe('phone validation', () => {
  it.each(['13812345678', '19912345678', '01012345678', '075512345678'])('accepts %s', (phone) => {
    expect(phoneSchema.safeParse(phone).success).toBe(true);
  });
  it.each([
    ['1381234567', 'validation.phone.invalid'],
    ['12812345678', 'validation.phone.invalid'],
    ['138-1234-5678', 'validation.phone.digits'],
    ['', 'validation.phone.digits'],
  ])('refuses %s with %s', (phone, key) => {
    const result = phoneSchema.safeParse(phone);
    expect(result.success).toBe(false);
    if (!result.success) expect(firstIssueKey(result.error)).toBe(key);
  });
});

describe('account numbers and names', () => {
  it('takes 6 to 20 digits', () => {
    expect(accountNumberSchema.safeParse('123456').success).toBe(true);
    expect(accountNumberSchema.safeParse('1'.repeat(20)).success).toBe(true);
    expect(accountNumberSchema.safeParse('12345').success).toBe(false);
    expect(accountNumberSchema.safeParse('1'.repeat(21)).success).toBe(false);
    expect(accountNumberSchema.safeParse('12345a').success).toBe(false);
  });
  it('takes Chinese and Latin names, refuses digits and markup', () => {
    expect(personNameSchema.safeParse('王阿姨').success).toBe(true);
    expect(personNameSchema.safeParse('Mary-Jane O\'Neil').success).toBe(true);
    expect(personNameSchema.safeParse('阿卜杜·热合曼').success).toBe(true);
    expect(personNameSchema.safeParse('<script>').success).toBe(false);
    expect(personNameSchema.safeParse('123').success).toBe(false);
    expect(personNameSchema.safeParse('   ').success).toBe(false);
  });
});

describe('masking', () => {
  it('masks the middle of a mobile number and all but four digits of others', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('075512345678')).toBe('********5678');
    expect(maskPhone('123')).toBe('***');
  });
  it('keeps only the first character of a name', () => {
    expect(maskName('王阿姨')).toBe('王**');
    expect(maskName('李')).toBe('李*');
    expect(maskName('Alice')).toBe('A****');
    expect(maskName('')).toBe('');
  });
  it('shows only the last four digits of an account', () => {
    expect(maskAccount('1234567890')).toBe('**** 7890');
    expect(maskAccount('1234')).toBe('****');
  });
});
