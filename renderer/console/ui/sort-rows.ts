/**
 * Sorting a table's rows by one column: numbers as numbers, text in the reader's language (zh-CN by pinyin),
 * empty cells last whichever way round, and rows that compare equal in the order they came (a stable sort).
 */
export type SortValue = string | number | null | undefined;
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: string;
  direction: SortDirection;
}

const collators = new Map<string, Intl.Collator>();
const collatorFor = (language: string): Intl.Collator => {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
    collators.set(language, collator);
  }
  return collator;
};

const isEmpty = (value: SortValue): value is null | undefined | '' => value === null || value === undefined || value === '';

export const compareSortValues = (a: SortValue, b: SortValue, language: string): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collatorFor(language).compare(String(a), String(b));
};

export const sortRows = <Row>(rows: readonly Row[], valueOf: (row: Row) => SortValue, direction: SortDirection, language: string): Row[] => {
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) }))
    .sort((a, b) => {
      const aEmpty = isEmpty(a.value);
      const bEmpty = isEmpty(b.value);
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      return sign * compareSortValues(a.value, b.value, language) || a.index - b.index;
    })
    .map(({ row }) => row);
};

/** A click on a column's header: the same column flips, another starts at its own first direction. */
export const nextSort = (current: SortState | null, key: string, firstDirection: SortDirection = 'ascending'): SortState =>
  current?.key === key
    ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
    : { key, direction: firstDirection };
