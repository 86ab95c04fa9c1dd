import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort-rows.ts';

interface Row {
  name: string | null;
  count: number | null;
}

const rows: Row[] = [
  { name: '张三', count: 10 },
  { name: null, count: 2 },
  { name: '阿姨', count: 9 },
  { name: '李四', count: null },
  { name: '王五', count: 10 },
];

describe('sorting a table', () => {
  it('sorts numbers as numbers, ties keeping their order, empty cells last both ways', () => {
    const up = sortRows(rows, (row) => row.count, 'ascending', 'zh-CN').map((row) => row.count);
    expect(up).toEqual([2, 9, 10, 10, null]);
    const down = sortRows(rows, (row) => row.count, 'descending', 'zh-CN');
    expect(down.map((row) => row.count)).toEqual([10, 10, 9, 2, null]);
    // 张三 came before 王五 and still does.
    expect(down.slice(0, 2).map((row) => row.name)).toEqual(['张三', '王五']);
  });

  it('sorts Chinese text by pinyin, as a reader of zh-CN expects', () => {
    expect(sortRows(rows, (row) => row.name, 'ascending', 'zh-CN').map((row) => row.name)).toEqual(['阿姨', '李四', '王五', '张三', null]);
  });

  it('orders digits inside text by their value (station 2 before station 10)', () => {
    const stations = ['驿站10', '驿站2', '驿站1'].map((name) => ({ name }));
    expect(sortRows(stations, (row) => row.name, 'ascending', 'zh-CN').map((row) => row.name)).toEqual(['驿站1', '驿站2', '驿站10']);
  });

  it('flips the same column and starts another at its first direction', () => {
    expect(nextSort(null, 'count')).toEqual({ key: 'count', direction: 'ascending' });
    expect(nextSort({ key: 'count', direction: 'ascending' }, 'count')).toEqual({ key: 'count', direction: 'descending' });
    expect(nextSort({ key: 'count', direction: 'descending' }, 'name', 'descending')).toEqual({ key: 'name', direction: 'descending' });
  });
});
