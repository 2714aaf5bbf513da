import { databaseQueryDuration, statementKind } from "./metrics.server";

interface Queryable {
  queryRaw(query: { sql: string }): Promise<unknown>;
  executeRaw(query: { sql: string }): Promise<number>;
}
interface Connection extends Queryable {
  startTransaction(...args: never[]): Promise<Queryable>;
}

function timeCalls<T extends Queryable>(target: T): T {
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const original = target[method].bind(target) as (query: { sql: string }) => Promise<unknown>;
    (target as Record<string, unknown>)[method] = async (query: { sql: string }) => {
      const stop = databaseQueryDuration.startTimer({ statement: statementKind(query.sql) });
      try {
        return await original(query);
      } finally {
        stop();
      }
    };
  }
  return target;
}

/**
 * Times every statement the driver runs, inside transactions too (claimdesk_db_query_duration_seconds):
 * measured at the driver adapter, below Prisma, so the figure is the database's and the
 * driver's time, for the query builder's statements and plain SQL alike.
 */
export function timeDatabaseQueries<C extends Connection>(connection: C): C {
  timeCalls(connection);
  const startTransaction = connection.startTransaction.bind(connection) as (...args: never[]) => Promise<Queryable>;
  (connection as Record<string, unknown>).startTransaction = async (...args: never[]) => timeCalls(await startTransaction(...args));
  return connection;
}
