// Quoting for identifiers built into dynamic SQL (the label-count queries), the TypeScript twin of
// quote_ident(): always quoted, so any table or column name, however odd, stays one identifier.

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}
