// Splits a psql script (pg_dump plain output or hand-written DDL) into statements with their line numbers:
// quotes, dollar quotes and comments respected, COPY ... FROM stdin data blocks kept with their statement,
// psql meta-commands (\connect, \restrict, ...) set apart. Never throws: unterminated text ends the script.

export type ScriptItem =
  | { kind: 'statement'; sql: string; line: number }
  /** `COPY t (cols) FROM stdin;` with the rows that follow it up to the `\.` line (text format, as-is). */
  | { kind: 'copy'; sql: string; data: string; line: number }
  | { kind: 'meta'; command: string; line: number };

export function splitSqlScript(text: string): ScriptItem[] {
  const items: ScriptItem[] = [];
  const length = text.length;
  let index = 0;
  let line = 1;
  let start = -1;
  let startLine = 0;

  const advance = (to: number) => {
    for (let i = index; i < to && i < length; i++) if (text.charCodeAt(i) === 10) line++;
    index = Math.min(to, length);
  };
  const endOfLine = (from: number) => {
    const newline = text.indexOf('\n', from);
    return newline === -1 ? length : newline;
  };

  while (index < length) {
    const ch = text[index];
    const next = text[index + 1];
    if (start === -1) {
      if (/\s/.test(ch)) { advance(index + 1); continue; }
      if (ch === '\\') {
        // A psql meta-command owns the rest of its line.
        const end = endOfLine(index);
        items.push({ kind: 'meta', command: text.slice(index, end).trim(), line });
        advance(end);
        continue;
      }
    }
    if (ch === '-' && next === '-') { advance(endOfLine(index)); continue; }
    if (ch === '/' && next === '*') { advance(blockCommentEnd(text, index)); continue; }
    if (start === -1) { start = index; startLine = line; }

    if (ch === "'") {
      const escapes = index > 0 && /[eE]/.test(text[index - 1]) && (index < 2 || !/[\w$]/.test(text[index - 2]));
      advance(quotedEnd(text, index, "'", escapes));
    } else if (ch === '"') {
      advance(quotedEnd(text, index, '"', false));
    } else if (ch === '$' && !(index > 0 && /[\w$]/.test(text[index - 1]))) {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(index, index + 64));
      if (tag) {
        const close = text.indexOf(tag[0], index + tag[0].length);
        advance(close === -1 ? length : close + tag[0].length);
      } else {
        advance(index + 1);
      }
    } else if (ch === ';') {
      const sql = text.slice(start, index).trim();
      advance(index + 1);
      start = -1;
      if (/^COPY\b[\s\S]*\bFROM\s+stdin\b/i.test(sql)) {
        // The rows start on the line after the statement and end at a line holding only "\.".
        const dataStart = endOfLine(index) + 1;
        let cursor = dataStart;
        let dataEnd = length;
        let resume = length;
        while (cursor < length) {
          const end = endOfLine(cursor);
          if (text.slice(cursor, end).replace(/\r$/, '') === '\\.') { dataEnd = cursor; resume = end; break; }
          cursor = end + 1;
        }
        items.push({ kind: 'copy', sql, data: text.slice(Math.min(dataStart, length), dataEnd), line: startLine });
        advance(resume);
      } else if (sql) {
        items.push({ kind: 'statement', sql, line: startLine });
      }
    } else {
      advance(index + 1);
    }
  }
  if (start !== -1) {
    const sql = text.slice(start).trim();
    if (sql) items.push({ kind: 'statement', sql, line: startLine });
  }
  return items;
}

function quotedEnd(text: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') { i += 2; continue; }
    if (ch === quote) {
      if (text[i + 1] === quote) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

function blockCommentEnd(text: string, open: number): number {
  // PostgreSQL block comments nest.
  let depth = 0;
  let i = open;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') { depth++; i += 2; continue; }
    if (text[i] === '*' && text[i + 1] === '/') { depth--; i += 2; if (depth === 0) return i; continue; }
    i++;
  }
  return text.length;
}
