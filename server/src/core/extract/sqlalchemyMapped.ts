// Reads the class inside a `Mapped[...]` annotation: Mapped[Role], Mapped[Optional[Role]], Mapped[Role | None],
// Mapped[Union[Role, None]], Mapped["Role"]. SQLAlchemy derives the column type from that class.
import type { Node } from 'web-tree-sitter';
import type { ImportScope } from './pyImports';
import { sqlAlchemyNameOf } from './sqlalchemyNames';
import { dottedName, stringValue } from './pySyntax';

/** The dotted name of the mapped class, or undefined when the annotation is not a Mapped[] of one class. */
export function readMappedClass(annotation: Node, scope: ImportScope): string | undefined {
  const generic = genericParts(stripTypeWrapper(annotation));
  if (!generic || sqlAlchemyNameOf(generic.head, scope) !== 'Mapped' || generic.parameters.length !== 1) return undefined;
  return withoutOptional(generic.parameters[0], 0);
}

function stripTypeWrapper(node: Node | null | undefined): Node | undefined {
  let current = node ?? undefined;
  while (current && (current.type === 'type' || current.type === 'parenthesized_expression')) current = current.namedChild(0) ?? undefined;
  return current;
}

/** `X[A, B]` in annotation syntax (generic_type) or expression syntax (subscript). */
function genericParts(node: Node | undefined): { head: Node; parameters: Node[] } | undefined {
  if (!node) return undefined;
  if (node.type === 'generic_type') {
    const head = node.namedChild(0);
    const parameterList = node.namedChildren.find((c) => c.type === 'type_parameter');
    if (!head || !parameterList) return undefined;
    return { head, parameters: parameterList.namedChildren.filter((c) => c.type !== 'comment') };
  }
  if (node.type === 'subscript') {
    const head = node.childForFieldName('value');
    if (!head) return undefined;
    return { head, parameters: node.childrenForFieldName('subscript').filter((c): c is Node => !!c && c.type !== 'comment') };
  }
  return undefined;
}

function withoutOptional(node: Node | undefined, depth: number): string | undefined {
  const inner = stripTypeWrapper(node);
  if (!inner || depth > 4) return undefined;
  if (inner.type === 'identifier' || inner.type === 'attribute') return dottedName(inner);
  if (inner.type === 'string') return fromForwardReference(stringValue(inner));
  if (inner.type === 'binary_operator') {
    const sides = [inner.childForFieldName('left'), inner.childForFieldName('right')].map(stripTypeWrapper);
    const notNone = sides.filter((s) => s && s.type !== 'none');
    return notNone.length === 1 ? withoutOptional(notNone[0], depth + 1) : undefined;
  }
  const generic = genericParts(inner);
  const head = generic ? dottedName(generic.head)?.split('.').at(-1) : undefined;
  if (generic && (head === 'Optional' || head === 'Union')) {
    const notNone = generic.parameters.filter((p) => stripTypeWrapper(p)?.type !== 'none' && stripTypeWrapper(p)?.text !== 'None');
    return notNone.length === 1 ? withoutOptional(notNone[0], depth + 1) : undefined;
  }
  return undefined;
}

/** "Role", "Optional[Role]", "Role | None" written as a string annotation. */
function fromForwardReference(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const optional = /^(?:typing\.)?Optional\[\s*([\w.]+)\s*\]$/.exec(trimmed) ?? /^([\w.]+)\s*\|\s*None$/.exec(trimmed) ?? /^None\s*\|\s*([\w.]+)$/.exec(trimmed);
  if (optional) return optional[1];
  return /^[A-Za-z_][\w.]*$/.test(trimmed) ? trimmed : undefined;
}
