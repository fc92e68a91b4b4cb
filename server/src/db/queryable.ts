// The one thing introspection needs from a connection; pg.Client and PGlite both fit it as they are.

export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
}
