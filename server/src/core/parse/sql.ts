// SQL parsing with libpg-query (the real PostgreSQL parser, WASM), statement by statement so one syntax error
// costs only its own statement. Offsets in and out are UTF-16 (JS string) offsets; libpg-query's byte offsets
// are converted here and nowhere else.
import { loadModule, parseSync, scanSync, type Node } from 'libpg-query';
import { splitSqlStatements, type StatementRange } from './sqlSplit';

// libpg-query's CommonJS build (the one esbuild bundles for platform node) reads libpg-query.wasm from its own
// __dirname, which inside a bundle is the bundle's folder: esbuild.mjs copies the .wasm there. It offers no
// locateFile hook (the module instantiates itself on import), so locateWasm() cannot be used for it.
let loaded = false;

/** Loads the PostgreSQL parser once per process. */
export async function initSqlParser(): Promise<void> {
  if (loaded) return;
  await loadModule();
  loaded = true;
}

export interface SqlStatement {
  /** The parsed statement node, e.g. `{ CreateEnumStmt: {...} }`. */
  stmt: Node;
  /** UTF-16 offsets into the parsed text: first token to just after the terminating `;` (if any). */
  start: number;
  end: number;
  /** The statement's source text (`sql.slice(start, end)`). */
  text: string;
}

export interface SqlProblem {
  message: string;
  /** UTF-16 offset of the error (the parser's cursor, else the statement start). */
  offset: number;
  /** UTF-16 end of the failed statement. */
  end: number;
}

export interface SqlParseResult {
  statements: SqlStatement[];
  problems: SqlProblem[];
}

export interface SqlParseOptions {
  /**
   * Decides from a statement's leading words (upper-cased, e.g. "INSERT INTO") whether to parse it at all.
   * Skipping the bulk of a dump (INSERT, COPY, SELECT set_config ...) is most of the speed on large files.
   */
  shouldParse?: (leadingWords: string) => boolean;
}

/** Splits `sql` the way psql does (skipping COPY data blocks and meta-commands) and parses each statement. */
export function parseSqlStatements(sql: string, options: SqlParseOptions = {}): SqlParseResult {
  const statements: SqlStatement[] = [];
  const problems: SqlProblem[] = [];
  if (!loaded) {
    problems.push({ message: 'SQL parser not initialised (initSqlParser() was not awaited)', offset: 0, end: 0 });
    return { statements, problems };
  }
  let batch: Piece[] = [];
  for (const range of splitSqlStatements(sql)) {
    const text = sql.slice(range.start, range.end);
    if (options.shouldParse && !options.shouldParse(leadingWords(text))) continue;
    batch.push({ ...range, text });
    if (batch.length >= maxBatchStatements) {
      parseBatch(batch, statements, problems);
      batch = [];
    }
  }
  parseBatch(batch, statements, problems);
  return { statements, problems };
}

interface Piece extends StatementRange {
  text: string;
}

// One parseSync call per batch of statements saves most of the per-call cost (copying in, JSON out); a batch
// with a syntax error is parsed again statement by statement so only the bad one is lost.
const maxBatchStatements = 64;

function parseBatch(batch: Piece[], statements: SqlStatement[], problems: SqlProblem[]): void {
  if (batch.length === 0) return;
  if (batch.length > 1) {
    const byteStarts: number[] = [];
    let bytes = 0;
    for (const piece of batch) {
      byteStarts.push(bytes);
      bytes += Buffer.byteLength(piece.text, 'utf8') + 1; // + the joining newline
    }
    let parsed;
    try {
      parsed = parseSync(batch.map((piece) => piece.text).join('\n'));
    } catch {
      parsed = undefined;
    }
    if (parsed) {
      for (const raw of parsed.stmts ?? []) {
        if (!raw.stmt) continue;
        const index = pieceAt(byteStarts, raw.stmt_location ?? 0);
        const piece = batch[index];
        // AST locations are byte offsets into the batch; make them relative to the statement's own text.
        if (index > 0) shiftLocations(raw.stmt, byteStarts[index]);
        statements.push({ stmt: raw.stmt, start: piece.start, end: piece.end, text: piece.text });
      }
      return;
    }
  }
  for (const piece of batch) parseOne(piece, statements, problems);
}

function shiftLocations(node: unknown, delta: number): void {
  if (Array.isArray(node)) {
    for (const item of node) shiftLocations(item, delta);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (key === 'location' && typeof value === 'number') {
      if (value >= 0) record[key] = value - delta;
    } else if (value && typeof value === 'object') {
      shiftLocations(value, delta);
    }
  }
}

function pieceAt(byteStarts: number[], location: number): number {
  let low = 0;
  let high = byteStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (byteStarts[mid] <= location) low = mid;
    else high = mid - 1;
  }
  return low;
}

function parseOne(piece: Piece, statements: SqlStatement[], problems: SqlProblem[]): void {
  try {
    const result = parseSync(piece.text);
    // A lone ";" or a comment-only chunk parses to no statements.
    for (const raw of result.stmts ?? []) if (raw.stmt) statements.push({ stmt: raw.stmt, start: piece.start, end: piece.end, text: piece.text });
  } catch (error) {
    problems.push(toProblem(error, piece.text, piece.start, piece.end));
  }
}

function toProblem(error: unknown, text: string, start: number, end: number): SqlProblem {
  const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
  const message = error instanceof Error ? error.message : String(error);
  const cursor = details?.cursorPosition;
  const offset = typeof cursor === 'number' && cursor >= 0 ? start + utf8OffsetToUtf16(text, cursor) : start;
  return { message, offset: Math.min(offset, end), end };
}

/** The first two words of a statement, upper-cased ("CREATE TYPE", "INSERT INTO"). */
export function leadingWords(text: string): string {
  const match = /^\s*([A-Za-z_]+)(?:\s+([A-Za-z_]+))?/.exec(text);
  if (!match) return '';
  return (match[2] ? `${match[1]} ${match[2]}` : match[1]).toUpperCase();
}

/** Converts a UTF-8 byte offset into `text` to a UTF-16 offset. Offsets inside a character round down. */
export function utf8OffsetToUtf16(text: string, byteOffset: number): number {
  let bytes = 0;
  let index = 0;
  while (index < text.length && bytes < byteOffset) {
    const code = text.codePointAt(index)!;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + width > byteOffset) break;
    bytes += width;
    index += code >= 0x10000 ? 2 : 1;
  }
  return index;
}

/** A string-literal token of a statement with its decoded value and UTF-16 range in the whole text. */
export interface SqlStringToken {
  value: string;
  start: number;
  end: number;
}

/**
 * The string literals of a statement, in source order. Enum labels carry no position in the AST; these tokens
 * are how an op points at the exact label.
 */
export function stringLiteralTokens(statement: SqlStatement): SqlStringToken[] {
  let tokens;
  try {
    tokens = scanSync(statement.text).tokens;
  } catch {
    return [];
  }
  const ascii = isAscii(statement.text);
  const result: SqlStringToken[] = [];
  for (const token of tokens) {
    if (token.tokenName !== 'SCONST') continue;
    const value = decodeStringToken(token.text);
    if (value === undefined) continue;
    const start = ascii ? token.start : utf8OffsetToUtf16(statement.text, token.start);
    const end = ascii ? token.end : utf8OffsetToUtf16(statement.text, token.end);
    result.push({ value, start: statement.start + start, end: statement.start + end });
  }
  return result;
}

/** The `occurrence`-th string literal of the statement whose value is `label`, or undefined. */
export function findLabelToken(statement: SqlStatement, label: string, occurrence = 0): SqlStringToken | undefined {
  let seen = 0;
  for (const token of stringLiteralTokens(statement)) {
    if (token.value !== label) continue;
    if (seen === occurrence) return token;
    seen++;
  }
  return undefined;
}

function isAscii(text: string): boolean {
  return !/[^\x00-\x7f]/.test(text);
}

/** Decodes '...', E'...' and $tag$...$tag$ literals; undefined for forms we do not decode (U&'...'). */
function decodeStringToken(text: string): string | undefined {
  if (text.startsWith('$')) {
    const tagEnd = text.indexOf('$', 1);
    const tag = text.slice(0, tagEnd + 1);
    return text.slice(tag.length, text.length - tag.length);
  }
  if (text.startsWith("'")) return joinContinuations(text, /'(?:[^']|'')*'/g, (body) => body.replace(/''/g, "'"));
  if (/^[eE]'/.test(text)) return joinContinuations(text.slice(1), /'(?:[^'\\]|''|\\.)*'/gs, unescapeBackslashes);
  return undefined;
}

/** 'a' \n 'b' is one token (SQL string continuation across a newline); decode each piece and join. */
function joinContinuations(text: string, piecePattern: RegExp, decode: (body: string) => string): string {
  const pieces = text.match(piecePattern) ?? [];
  return pieces.map((piece) => decode(piece.slice(1, -1))).join('');
}

function unescapeBackslashes(body: string): string {
  const simple: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  return body.replace(/''/g, "'").replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)/gs, (_, seq: string) => {
    if (seq in simple) return simple[seq];
    if (/^[xuU]/.test(seq) && seq.length > 1) return String.fromCodePoint(parseInt(seq.slice(1), 16));
    if (/^[0-7]+$/.test(seq)) return String.fromCodePoint(parseInt(seq, 8));
    return seq;
  });
}
