// Classifies a `values_callable=` argument by its source shape: what list of strings SQLAlchemy will get
// when it calls it with the enum class (member values, names, str(), lower-cased names) or why it fails.
import type { Node } from 'web-tree-sitter';
import type { ValuesCallableShape } from '../model/types';
import { dottedName, unparenthesize } from './pySyntax';

/** Module-level `def` / `name = lambda` in the same file, so a function reference can be classified. */
export type LocalCallables = Map<string, Node>;

export function classifyValuesCallable(value: Node, locals: LocalCallables): ValuesCallableShape {
  const inner = unparenthesize(value);
  if (!inner) return 'unknown';
  if (inner.type === 'lambda') {
    const parameter = firstParameterName(inner.childForFieldName('parameters'));
    const body = inner.childForFieldName('body');
    return body ? classifyReturned(body, parameter) : 'unknown';
  }
  const name = dottedName(inner);
  const local = name === undefined ? undefined : locals.get(name);
  if (!local) return 'unknown';
  if (local.type === 'lambda') return classifyValuesCallable(local, new Map());
  if (local.type === 'function_definition') {
    const returned = singleReturnedExpression(local);
    const parameter = firstParameterName(local.childForFieldName('parameters'));
    return returned ? classifyReturned(returned, parameter) : 'unknown';
  }
  return 'unknown';
}

/** The shape of what the callable returns, given the name of its enum-class parameter. */
function classifyReturned(body: Node, classParameter: string | undefined): ValuesCallableShape {
  const inner = unparenthesize(body);
  if (!inner) return 'unknown';
  if (inner.type === 'list_comprehension') return classifyComprehension(inner);
  if (inner.type === 'call') return classifyListCall(inner);
  // `x._member_names_` is the list of names; other attributes, names and literals are not lists of labels.
  if (inner.type === 'attribute') {
    const attribute = inner.childForFieldName('attribute')?.text;
    if (attribute === '_member_names_' && dottedName(inner.childForFieldName('object')) === classParameter) return 'member-names';
    return 'not-a-list';
  }
  if (['identifier', 'string', 'integer', 'float', 'true', 'false', 'none', 'dictionary', 'set', 'binary_operator'].includes(inner.type)) {
    return inner.type === 'identifier' && inner.text === classParameter ? 'unknown' : 'not-a-list';
  }
  return 'unknown';
}

/** `list(map(lambda e: e.value, x))`, `list(e.value for e in x)`, `tuple(...)`; other calls may return anything. */
function classifyListCall(call: Node): ValuesCallableShape {
  const callee = dottedName(call.childForFieldName('function'));
  if (callee !== 'list' && callee !== 'tuple') return 'unknown';
  const argumentsNode = call.childForFieldName('arguments');
  if (argumentsNode?.type === 'generator_expression') return classifyComprehension(argumentsNode);
  const argument = unparenthesize(argumentsNode?.namedChildren.find((c) => c.type !== 'comment'));
  if (!argument) return 'unknown';
  if (argument.type === 'generator_expression' || argument.type === 'list_comprehension') return classifyComprehension(argument);
  if (argument.type === 'call' && dottedName(argument.childForFieldName('function')) === 'map') {
    const mapped = unparenthesize(argument.childForFieldName('arguments')?.namedChildren.find((c) => c.type !== 'comment'));
    if (mapped?.type === 'lambda') {
      const element = firstParameterName(mapped.childForFieldName('parameters'));
      const body = mapped.childForFieldName('body');
      return body && element ? classifyElement(body, element) : 'unknown';
    }
    // map(str, x) is str() of every member.
    if (mapped && dottedName(mapped) === 'str') return 'member-str';
  }
  return 'unknown';
}

/** `[<element> for v in x]`: what the element expression makes of each member `v`. */
function classifyComprehension(comprehension: Node): ValuesCallableShape {
  const clause = comprehension.namedChildren.find((c) => c.type === 'for_in_clause');
  const variable = clause?.childForFieldName('left');
  const body = comprehension.childForFieldName('body');
  if (!body || variable?.type !== 'identifier') return 'unknown';
  return classifyElement(body, variable.text);
}

function classifyElement(element: Node, member: string): ValuesCallableShape {
  const inner = unparenthesize(element);
  if (!inner) return 'unknown';
  const dotted = dottedName(inner);
  if (dotted === `${member}.value`) return 'member-values';
  if (dotted === `${member}.name`) return 'member-names';
  if (inner.type === 'call') {
    const callee = inner.childForFieldName('function');
    const argumentsNode = inner.childForFieldName('arguments');
    const onlyArgument = argumentsNode?.namedChildren.filter((c) => c.type !== 'comment');
    if (dottedName(callee) === 'str' && onlyArgument?.length === 1 && dottedName(onlyArgument[0]) === member) return 'member-str';
    if (dottedName(callee) === `${member}.name.lower`) return 'lower-names';
  }
  return 'unknown';
}

function firstParameterName(parameters: Node | null | undefined): string | undefined {
  const first = parameters?.namedChildren.find((c) => c.type !== 'comment');
  if (!first) return undefined;
  if (first.type === 'identifier') return first.text;
  const name = first.childForFieldName('name') ?? first.namedChild(0);
  return name?.type === 'identifier' ? name.text : undefined;
}

/** The expression of the only `return` in a function body, when the body is that simple. */
function singleReturnedExpression(definition: Node): Node | undefined {
  const body = definition.childForFieldName('body');
  if (!body) return undefined;
  const statements = body.namedChildren.filter((s) => s.type !== 'comment' && !isDocstring(s));
  if (statements.length !== 1 || statements[0].type !== 'return_statement') return undefined;
  return statements[0].namedChild(0) ?? undefined;
}

function isDocstring(statement: Node): boolean {
  return statement.type === 'expression_statement' && statement.namedChild(0)?.type === 'string';
}
