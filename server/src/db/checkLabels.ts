// Reads the labels a CHECK constraint allows out of pg_get_constraintdef() text, for the VARCHAR columns
// behind non-native enums: "CHECK (((status)::text = ANY ((ARRAY['a'::character varying, ...])::text[])))".

/** The string literals of an `= ANY (ARRAY[...])` or `= '...'` check, or undefined for any other shape. */
export function checkConstraintLabels(definition: string): string[] | undefined {
  const literals: string[] = [];
  // Replace every literal by a placeholder so the skeleton can be judged without labels confusing it.
  const skeleton = definition
    .replace(/'((?:[^']|'')*)'/g, (_match, body: string) => {
      literals.push(body.replace(/''/g, "'"));
      return '?';
    })
    .replace(/^\s*CHECK\s*/i, '')
    // Casts carry no meaning here: (status)::text, ?::character varying(20), (...)::text[].
    .replace(/::\s*"?[a-z_][a-z0-9_ ]*"?(\(\d+\))?(\[\])?/gi, '');
  if (literals.length === 0) return undefined;
  // Anything but a plain membership test of the bare column (AND, OR, NOT, <>, LIKE, a function of the
  // column such as lower(status)) is not a list of labels.
  if (/\b(AND|OR|NOT|LIKE|ILIKE|SIMILAR|IS|BETWEEN)\b|<>|!=|[<>]|~/i.test(skeleton)) return undefined;
  if (/\b(?!ANY\b)[a-z_][a-z0-9_]*\s*\(/i.test(skeleton)) return undefined;
  if (/=\s*ANY\s*\(\s*\(*\s*ARRAY\s*\[/i.test(skeleton)) return literals;
  if (literals.length === 1 && /=/.test(skeleton)) return literals;
  return undefined;
}
