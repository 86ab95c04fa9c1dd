import { accountNumberSchema, firstIssueKey } from '@protocol/validation.ts';

/** Why an account number cannot be used, as a `common` message key, or undefined when it can. */
export const accountError = (account: string): string | undefined => {
  if (!account) return 'validation.account.required';
  const result = accountNumberSchema.safeParse(account);
  return result.success ? undefined : firstIssueKey(result.error);
};

/** 12345678901 → "1234 5678 901": groups of four are easier to check against the bill, and wrap on a narrow display. */
export const groupDigits = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');
