/** 13812345678 → 138****5678; shorter numbers keep only their last four digits. */
export const maskPhone = (phone: string): string => {
  if (phone.length === 11) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
};

/** 张三丰 → 张**; a Latin name keeps its first letter: Alice → A****. */
export const maskName = (name: string): string => {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(chars.length - 1, 1))}`;
};

/** Account numbers show only the last four digits, grouped for reading aloud: **** 1234. */
export const maskAccount = (account: string): string =>
  account.length <= 4 ? '*'.repeat(account.length) : `**** ${account.slice(-4)}`;
