// Splits a SQL script into its parts the way psql runs it: statements end on a top-level `;` (outside quotes,
// comments and CREATE RULE's parenthesised action list); `COPY ... FROM stdin` statements own the data block
// that follows them; psql meta-commands (`\connect`, `\restrict`) are parts of their own. The one scanner
// behind both the parser-based enum extraction (sql.ts) and the embedded-database loader (db/).
// It must work on text the PostgreSQL lexer rejects (an unterminated quote, COPY rows like `O'Brien`), which is
// why it is a small scanner of its own rather than libpg-query's scanSync (one lexer error fails that scan).
// It never throws: unterminated text runs to the end of the script.

export interface StatementRange {
  /** UTF-16 offset of the statement's first token (leading whitespace and comments excluded). */
  start: number;
  /** UTF-16 offset just after the terminating `;`, or after the last token when there is none. */
  end: number;
}

export type ScriptPart =
  | ({ kind: 'statement' } & StatementRange)
  /** `COPY t (cols) FROM stdin;` and its rows: from the line after the `;` up to (not including) the `\.` line. */
  | ({ kind: 'copy'; data: { start: number; end: number } } & StatementRange)
  /** A meta-command at the start of a statement, from the backslash to the end of its line (newline excluded). */
  | { kind: 'meta'; start: number; end: number };

const identChar = /[A-Za-z0-9_$\u0080-\uffff]/;
const dollarTagAt = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const createRule = /^CREATE\s+(?:OR\s+REPLACE\s+)?RULE\b/i;
const copyFromStdin = /^COPY\b[\s\S]*\bFROM\s+STDIN\b/i;

/** Statement ranges only (COPY statements included, their data and meta-commands not): what the parser reads. */
export function splitSqlStatements(sql: string): StatementRange[] {
  const ranges: StatementRange[] = [];
  for (const part of splitSqlScript(sql)) if (part.kind !== 'meta') ranges.push({ start: part.start, end: part.end });
  return ranges;
}

/** The script's statements, COPY blocks and meta-commands, in order, with UTF-16 offsets (see lineCounter). */
export function splitSqlScript(sql: string): ScriptPart[] {
  const parts: ScriptPart[] = [];
  const length = sql.length;
  let start = -1; // first token of the current statement, -1 while none has been seen
  let lastTokenEnd = 0;
  let parenDepth = 0;
  let i = 0;

  while (i < length) {
    const ch = sql[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') { i++; continue; }
    if (ch === '-' && sql[i + 1] === '-') { i = endOfLine(sql, i); continue; }
    if (ch === '/' && sql[i + 1] === '*') { i = endOfBlockComment(sql, i); continue; }
    if (ch === '\\') {
      // A psql meta-command runs to the end of the line; it is not SQL. Inside a statement it is skipped.
      const next = endOfLine(sql, i);
      if (start < 0) parts.push({ kind: 'meta', start: i, end: sql[next - 1] === '\n' ? next - 1 : next });
      i = next;
      continue;
    }
    if (ch === ';') {
      // psql keeps reading while a parenthesis is open; we end the statement anyway (except in CREATE RULE,
      // whose action list is a parenthesised list of statements), so one unclosed "(" in half-typed SQL does
      // not swallow the rest of the file.
      if (parenDepth > 0 && start >= 0 && createRule.test(sql.slice(start, i))) { i++; lastTokenEnd = i; continue; }
      const end = i + 1;
      const copy = start >= 0 && copyFromStdin.test(sql.slice(start, end)) ? copyData(sql, end) : undefined;
      if (start >= 0) parts.push(copy ? { kind: 'copy', start, end, data: copy.data } : { kind: 'statement', start, end });
      start = -1;
      parenDepth = 0;
      i = copy ? copy.resume : end;
      continue;
    }
    if (start < 0) start = i;
    if (ch === "'") {
      const escapes = i > 0 && (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !(i > 1 && identChar.test(sql[i - 2]));
      i = endOfQuoted(sql, i, "'", escapes);
    } else if (ch === '"') {
      i = endOfQuoted(sql, i, '"', false);
    } else if (ch === '$' && !(i > 0 && identChar.test(sql[i - 1]))) {
      dollarTagAt.lastIndex = i;
      const tag = dollarTagAt.exec(sql);
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? length : close + tag[0].length;
      } else {
        i++;
      }
    } else {
      if (ch === '(') parenDepth++;
      else if (ch === ')' && parenDepth > 0) parenDepth--;
      i++;
    }
    lastTokenEnd = i;
  }
  if (start >= 0) parts.push({ kind: 'statement', start, end: lastTokenEnd });
  return parts;
}

/**
 * 1-based line numbers of offsets in `text`. Cheap when asked in increasing order (as for the parts of a
 * script, in order): each call counts only the newlines since the previous one.
 */
export function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) { at = 0; line = 1; }
    for (let newline = text.indexOf('\n', at); newline >= 0 && newline < offset; newline = text.indexOf('\n', newline + 1)) line++;
    at = offset;
    return line;
  };
}

function endOfLine(sql: string, from: number): number {
  const newline = sql.indexOf('\n', from);
  return newline < 0 ? sql.length : newline + 1;
}

/** Block comments nest in PostgreSQL. An unterminated one runs to the end of the text. */
function endOfBlockComment(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') { depth++; i += 2; continue; }
    if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
      continue;
    }
    i++;
  }
  return sql.length;
}

/** A quoted string or identifier; a doubled quote is an escaped quote. Unterminated runs to the end. */
function endOfQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') { i += 2; continue; }
    if (ch === quote) {
      if (sql[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/**
 * COPY ... FROM stdin data starts on the line after the `;` and ends before a line holding only `\.` (or at the
 * end of the text); scanning resumes after that line.
 */
function copyData(sql: string, afterSemicolon: number): { data: { start: number; end: number }; resume: number } {
  const start = endOfLine(sql, afterSemicolon);
  for (let lineStart = start; lineStart < sql.length;) {
    const next = endOfLine(sql, lineStart);
    if (sql.slice(lineStart, next).replace(/\r?\n$/, '') === '\\.') return { data: { start, end: lineStart }, resume: next };
    lineStart = next;
  }
  return { data: { start, end: sql.length }, resume: sql.length };
}
