import type { InboxFilter, InboxQuery } from './types.ts';

/**
 * The inbox's WHERE clause, written once for both engines: each engine says how it binds a value and a list
 * (SQLite: `?` and json_each; PostgreSQL: `$n` and `= ANY`). Keyset pages on (submitted_at, id), which the
 * console_requests indexes cover.
 */
export interface Dialect {
  /** Binds a value; returns its placeholder. */
  bind(value: unknown): string;
  /** `column` is one of `values`. */
  inList(column: string, values: readonly string[]): string;
}

const OPEN = ['submitted', 'dispatched', 'taken', 'reopened'];

export const inboxWhere = (filter: InboxFilter, dialect: Dialect): string => {
  const clauses: string[] = [];
  if (filter.stationIds !== null) clauses.push(filter.stationIds.length ? dialect.inList('station_id', filter.stationIds) : 'FALSE');
  if (filter.statuses?.length) clauses.push(dialect.inList('status', filter.statuses));
  if (filter.kinds?.length) clauses.push(dialect.inList('kind', filter.kinds));
  if (filter.number !== undefined) clauses.push(`number = ${dialect.bind(filter.number)}`);
  if (filter.unitId !== undefined) clauses.push(`dispatched_unit = ${dialect.bind(filter.unitId)}`);
  if (filter.submittedBefore !== undefined) clauses.push(`submitted_at <= ${dialect.bind(filter.submittedBefore)}`);
  if (filter.submittedAfter !== undefined) clauses.push(`submitted_at >= ${dialect.bind(filter.submittedAfter)}`);
  if (filter.overdue !== undefined) {
    // Bound in the order the text reads: SQLite's placeholders are positional.
    clauses.push(dialect.inList('status', OPEN));
    const groups = filter.overdue.filter((group) => group.stationIds.length > 0);
    const due = groups.map((group) => `(${dialect.inList('station_id', group.stationIds)} AND submitted_at < ${dialect.bind(group.submittedBefore)})`);
    clauses.push(due.length ? `(${due.join(' OR ')})` : 'FALSE');
  }
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
};

export const inboxSql = (query: InboxQuery, dialect: Dialect): string => {
  let where = inboxWhere(query, dialect);
  if (query.after) {
    const keyset = `(submitted_at, id) ${query.sort === 'newest' ? '<' : '>'} (${dialect.bind(query.after.submittedAt)}, ${dialect.bind(query.after.id)})`;
    where = where ? `${where} AND ${keyset}` : `WHERE ${keyset}`;
  }
  const order = query.sort === 'newest' ? 'DESC' : 'ASC';
  return `SELECT * FROM console_requests ${where} ORDER BY submitted_at ${order}, id ${order} LIMIT ${dialect.bind(query.limit)}`;
};

export const sqliteDialect = () => {
  const args: unknown[] = [];
  const dialect: Dialect = {
    bind: (value) => {
      args.push(value);
      return '?';
    },
    inList: (column, values) => {
      args.push(JSON.stringify(values));
      return `${column} IN (SELECT value FROM json_each(?))`;
    },
  };
  return { dialect, args };
};

export const postgresDialect = () => {
  const args: unknown[] = [];
  const dialect: Dialect = {
    bind: (value) => {
      args.push(value);
      return `$${args.length}`;
    },
    inList: (column, values) => {
      args.push(values);
      return `${column} = ANY($${args.length}::text[])`;
    },
  };
  return { dialect, args };
};
