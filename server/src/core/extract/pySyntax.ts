// Small readers over tree-sitter Python nodes shared by the Python extractors: statements, dotted names,
// call arguments and literal values. Every reader tolerates half-typed code (missing children) and never throws.
import type { Node, Tree } from 'web-tree-sitter';
import { stringLiteralValue } from '../parse/python';

/** Statement containers whose children still run at module level (if/try/with blocks, decorators). */
const moduleLevelBlocks = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'except_group_clause',
  'finally_clause', 'with_statement', 'block',
]);

export interface ModuleStatement {
  node: Node;
  type: string;
  /** Directly in the module, not inside an if/try/with block. */
  topLevel: boolean;
}

const moduleStatementCache = new WeakMap<Tree, Map<number, ModuleStatement[]>>();

/**
 * The statements that run at module level, looking inside if/try/with blocks, with their types. Read once per tree:
 * every extractor walks them, and each node or type read crosses into WASM.
 */
export function moduleStatements(root: Node): readonly ModuleStatement[] {
  let byRoot = moduleStatementCache.get(root.tree);
  if (!byRoot) moduleStatementCache.set(root.tree, (byRoot = new Map()));
  let statements = byRoot.get(root.id);
  if (!statements) {
    statements = [];
    collectModuleStatements(root, true, statements);
    byRoot.set(root.id, statements);
  }
  return statements;
}

function collectModuleStatements(container: Node, topLevel: boolean, into: ModuleStatement[]): void {
  for (const child of container.namedChildren) {
    if (!child) continue;
    const type = child.type;
    if (moduleLevelBlocks.has(type)) collectModuleStatements(child, false, into);
    else into.push({ node: child, type, topLevel });
  }
}

/** Calls `visit` for each statement that runs at module level, looking inside if/try/with blocks. */
export function forEachModuleStatement(root: Node, visit: (statement: Node) => void): void {
  for (const statement of moduleStatements(root)) visit(statement.node);
}

/** The class_definition behind a statement, looking through decorators. */
export function classDefinitionOf(statement: Node): Node | undefined {
  if (statement.type === 'class_definition') return statement;
  if (statement.type === 'decorated_definition') {
    const definition = statement.childForFieldName('definition');
    if (definition?.type === 'class_definition') return definition;
  }
  return undefined;
}

/** The assignment inside an expression statement (`x = 1`, `x: T = 1`, `x: T`), if that is what it holds. */
export function assignmentOf(statement: Node): Node | undefined {
  if (statement.type !== 'expression_statement') return undefined;
  const first = statement.namedChild(0);
  return first?.type === 'assignment' ? first : undefined;
}

/** "sa.types.Enum" for an identifier/attribute chain; undefined for anything else (calls, subscripts). */
export function dottedName(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const object = dottedName(node.childForFieldName('object'));
    const attribute = node.childForFieldName('attribute');
    return object && attribute ? `${object}.${attribute.text}` : undefined;
  }
  return undefined;
}

/** Strips redundant parentheses: `(x)` -> `x`. */
export function unparenthesize(node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  while (current?.type === 'parenthesized_expression') current = current.namedChild(0) ?? undefined;
  return current;
}

export interface CallArguments {
  positional: Node[];
  keywords: Map<string, { node: Node; value: Node }>;
  /** `*xs` / `**kw` arguments: the call cannot be fully read. */
  splats: Node[];
  /** The argument_list node (absent for `f(x for x in y)`). */
  list?: Node;
}

export function callArguments(call: Node): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map(), splats: [] };
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') return result;
  result.list = list;
  for (const argument of list.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name');
      const value = argument.childForFieldName('value');
      if (name && value) result.keywords.set(name.text, { node: argument, value });
    } else if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
      result.splats.push(argument);
    } else if (!argument.isError && !argument.isMissing) {
      result.positional.push(argument);
    }
  }
  return result;
}

/** Python's True/False, or undefined when the node is not a bool literal. */
export function boolValue(node: Node | undefined): boolean | undefined {
  if (node?.type === 'true') return true;
  if (node?.type === 'false') return false;
  return undefined;
}

/** An int literal with an optional sign (`-0x1`, `1_000`); undefined for anything else or beyond 2^53. */
export function intValue(node: Node | null | undefined): number | undefined {
  const inner = unparenthesize(node);
  if (!inner) return undefined;
  if (inner.type === 'unary_operator') {
    const argument = intValue(inner.childForFieldName('argument'));
    const operator = inner.childForFieldName('operator')?.text ?? inner.text.trim()[0];
    if (argument === undefined) return undefined;
    if (operator === '-') return -argument;
    if (operator === '+') return argument;
    return undefined;
  }
  if (inner.type !== 'integer') return undefined;
  const digits = inner.text.replace(/_/g, '').toLowerCase();
  if (/[lj]$/.test(digits)) return undefined;
  let value: number;
  if (/^0x[0-9a-f]+$/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (/^0o[0-7]+$/.test(digits)) value = parseInt(digits.slice(2), 8);
  else if (/^0b[01]+$/.test(digits)) value = parseInt(digits.slice(2), 2);
  else if (/^[0-9]+$/.test(digits)) value = parseInt(digits, 10);
  else return undefined;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A string literal's value (concatenations included, f-strings excluded). */
export function stringValue(node: Node | null | undefined): string | undefined {
  return stringLiteralValue(unparenthesize(node));
}

/** The string values of a list/tuple literal of strings, or undefined if any element is not one. */
export function stringListValue(node: Node | null | undefined): string[] | undefined {
  const inner = unparenthesize(node);
  if (!inner || (inner.type !== 'list' && inner.type !== 'tuple')) return undefined;
  const values: string[] = [];
  for (const element of inner.namedChildren) {
    if (!element || element.type === 'comment') continue;
    const value = stringValue(element);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/**
 * Matches any of `names` as a whole Python identifier (not inside a longer one); undefined when there are none.
 * Extractors test source text with it before reading nodes: a regex is far cheaper than crossing into WASM.
 */
export function identifierPattern(names: Iterable<string>): RegExp | undefined {
  const wanted = [...new Set(names)].filter((n) => n !== '').map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return wanted.length > 0 ? new RegExp(`(?<!\\p{XID_Continue})(?:${wanted.join('|')})(?!\\p{XID_Continue})`, 'u') : undefined;
}
