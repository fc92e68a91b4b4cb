// Splits a SQL script into statements the way psql runs it: on top-level `;`, outside quotes, comments and
// parentheses; psql meta-commands (`\connect`, `\restrict`) and `COPY ... FROM stdin` data blocks are skipped.
// It must work on text the PostgreSQL lexer rejects (an unterminated quote, COPY rows like `O'Brien`), which is
// why it is a small scanner of its own rather than libpg-query's scanSync (one lexer error fails that scan).

export interface StatementRange {
  /** UTF-16 offset of the statement's first token (leading whitespace and comments excluded). */
  start: number;
  /** UTF-16 offset just after the terminating `;`, or after the last token when there is none. */
  end: number;
}

const identChar = /[A-Za-z0-9_$\u0080-\uffff]/;
const dollarTagAt = /\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
const createRule = /^CREATE\s+(?:OR\s+REPLACE\s+)?RULE\b/i;
const copyFromStdin = /^COPY\b[\s\S]*\bFROM\s+STDIN\b/i;

export function splitSqlStatements(sql: string): StatementRange[] {
  const ranges: StatementRange[] = [];
  const length = sql.length;
  let start = -1; // first token of the current statement, -1 while none has been seen
  let lastTokenEnd = 0;
  let parenDepth = 0;
  let i = 0;

  const finish = (end: number): void => {
    if (start >= 0) ranges.push({ start, end });
    start = -1;
    parenDepth = 0;
  };
  const beginToken = (at: number): void => {
    if (start < 0) start = at;
  };

  while (i < length) {
    const ch = sql[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') { i++; continue; }
    if (ch === '-' && sql[i + 1] === '-') { i = endOfLine(sql, i); continue; }
    if (ch === '/' && sql[i + 1] === '*') { i = endOfBlockComment(sql, i); continue; }
    if (ch === '\\') {
      // A psql meta-command runs to the end of the line; it is not SQL.
      i = endOfLine(sql, i);
      continue;
    }
    if (ch === ';') {
      // psql keeps reading while a parenthesis is open; we end the statement anyway (except in CREATE RULE,
      // whose action list is a parenthesised list of statements), so one unclosed "(" in half-typed SQL does
      // not swallow the rest of the file.
      if (parenDepth > 0 && start >= 0 && createRule.test(sql.slice(start, i))) { i++; lastTokenEnd = i; continue; }
      const end = i + 1;
      const wasCopyFromStdin = start >= 0 && copyFromStdin.test(sql.slice(start, end));
      finish(end);
      i = end;
      if (wasCopyFromStdin) i = endOfCopyData(sql, i);
      continue;
    }
    beginToken(i);
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
  finish(lastTokenEnd);
  return ranges;
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

/** COPY ... FROM stdin data starts on the next line and ends at a line holding only `\.` (or the end). */
function endOfCopyData(sql: string, afterSemicolon: number): number {
  let lineStart = endOfLine(sql, afterSemicolon);
  while (lineStart < sql.length) {
    const next = endOfLine(sql, lineStart);
    const line = sql.slice(lineStart, next).replace(/\r?\n$/, '');
    if (line === '\\.') return next;
    lineStart = next;
  }
  return sql.length;
}
