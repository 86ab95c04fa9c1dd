/**
 * Ids of what the console publishes (services, members, notices, shifts, …) follow the centre's pattern:
 * lower-case letters, digits and dashes, starting with a letter or digit, at most 64. A new item's id is made
 * from its English name (Chinese names have no letters), or from a prefix and the time when that gives nothing.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const slugFrom = (text: string, prefix: string, now: number = Date.now()): string => {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return words ? words : `${prefix}-${now.toString(36)}`;
};
