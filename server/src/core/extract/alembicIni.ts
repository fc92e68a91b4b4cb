// Reads `script_location` from alembic.ini's [alembic] section: where the revisions live. alembic.ini is
// configparser INI, so a small line reader is enough (no code is evaluated).

/** The [alembic] section's script_location with a `%(here)s/` prefix stripped, or undefined. */
export function readScriptLocation(iniText: string): string | undefined {
  let inAlembicSection = false;
  let value: string | undefined;
  for (const rawLine of iniText.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[([^\]]+)\]$/.exec(line);
    if (section) {
      inAlembicSection = section[1].trim() === 'alembic';
      continue;
    }
    if (!inAlembicSection) continue;
    const entry = /^script_location\s*[=:]\s*(.*)$/.exec(line);
    if (entry) value = entry[1].trim();
  }
  if (!value) return undefined;
  // configparser keeps inline comments only after whitespace + '#' or ';' when enabled; Alembic does not enable it,
  // but a path never ends in " # ..." so trimming one is safe.
  value = value.replace(/\s+[#;].*$/, '');
  value = value.replace(/^%\(here\)s[\\/]?/, '');
  return value === '' ? '.' : value.replace(/\\/g, '/').replace(/\/+$/, '');
}
