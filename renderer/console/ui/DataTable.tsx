import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextSort, type SortDirection, type SortState, type SortValue, sortRows } from './sort-rows.ts';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable: what its cells compare by. */
  sortValue?: (row: Row) => SortValue;
  /** Which way a first click sorts (counts and dates read best largest or newest first). */
  firstDirection?: SortDirection;
  numeric?: boolean;
  /** The row's name for assistive technology: this column's cell is the row header. */
  rowHeader?: boolean;
}

/**
 * A table whose sortable columns sort on a click of their header (a real button, so the keyboard sorts too, and
 * aria-sort says how it is sorted). The caption names the table for screen readers; `highlight` marks rows that
 * need attention (overdue, silent) with a class and, since colour alone tells nothing to some, the cells say it too.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort = null,
  empty,
  rowClass,
  captionHidden = true,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: SortState | null;
  empty: ReactNode;
  rowClass?: (row: Row) => string | undefined;
  captionHidden?: boolean;
}) {
  const { t, i18n } = useTranslation('console');
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    return column?.sortValue && sort ? sortRows(rows, column.sortValue, sort.direction, i18n.language) : rows;
  }, [columns, rows, sort, i18n.language]);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort?.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'table__num' : undefined}
                  aria-sort={column.sortValue ? (active ? sort.direction : 'none') : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="table__sort" onClick={() => setSort((current) => nextSort(current, column.key, column.firstDirection))}>
                      {column.header}
                      <span className="table__sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                      <span className="visually-hidden">{t('table.sortBy')}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table__empty">
                {empty}
              </td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr key={rowKey(row)} className={rowClass?.(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row" className={column.numeric ? 'table__num' : undefined}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={column.numeric ? 'table__num' : undefined}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
