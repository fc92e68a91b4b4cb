// Command-line parsing for `enumguard check`: a small hand-written parser, so the CLI has no dependency and every
// usage mistake becomes one clear line (exit 2) instead of a library's multi-line complaint.
import { redactSecrets } from '../db/redact';

export type OutputFormat = 'text' | 'json' | 'sarif';
const formats: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CheckOptions {
  /** The project root to check, as given (default "."). */
  path: string;
  /** Database URL or `file:schema.sql`; undefined falls back to ENUMGUARD_DATABASE_URL, then the config's variable. */
  db?: string;
  format: OutputFormat;
  config?: string;
  /** true/false when --color/--no-color is given; undefined means "decide from the terminal and NO_COLOR". */
  color?: boolean;
  /** Write the report to this file instead of stdout. */
  output?: string;
}

export type Invocation =
  | { command: 'check'; options: CheckOptions }
  | { command: 'help' }
  | { command: 'version' };

/** A mistake on the command line; main prints its message and exits with 2. */
export class UsageError extends Error {}

export const usageText = `Usage: enumguard check [PATH] [options]

Checks that what the ORM persists, what the migrations create and what the database holds agree for every
PostgreSQL enum type in the project at PATH (default: the current folder).

Options:
  --db URL            database to compare: postgresql://user@host/db (also postgres://, postgresql+psycopg2://,
                      +asyncpg, +psycopg) or file:schema.sql (loaded into an embedded PostgreSQL).
                      Default: $ENUMGUARD_DATABASE_URL, then the variable named by "databaseUrlEnv" in the config.
  --format FORMAT     text (default), json or sarif
  --config FILE       configuration file (default: PATH/enumguard.config.json when present)
  --output FILE, -o   write the report to FILE instead of standard output
  --no-color          no colours (also when NO_COLOR is set or the output is not a terminal)
  --color             colours even when the output is not a terminal
  --help, -h          show this help
  --version, -V       show the version

Exit status: 0 no error findings, 1 error findings, 2 usage, configuration or connection problem.
`;

/** Options that take a value, by every spelling accepted. */
const valueOptions: Record<string, 'db' | 'format' | 'config' | 'output'> = {
  '--db': 'db', '--format': 'format', '-f': 'format', '--config': 'config', '-c': 'config', '--output': 'output', '-o': 'output',
};

/** Parses `argv` (without node and the script). Throws UsageError; never prints. */
export function parseArgs(argv: readonly string[]): Invocation {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return { command: 'help' };
  if (argv.some((arg) => arg === '--version' || arg === '-V')) return { command: 'version' };
  if (argv.length === 0) throw new UsageError('missing command: try "enumguard check [PATH]" (or --help)');
  const [command, ...rest] = argv;
  if (command === 'help') return { command: 'help' };
  if (command !== 'check') throw new UsageError(`unknown command "${redactSecrets(command)}": the command is "check" (see --help)`);

  const options: CheckOptions = { path: '.', format: 'text' };
  const given = new Set<string>();
  let pathGiven = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      // Everything after "--" is a path, even if it starts with a dash.
      const tail = rest.slice(i + 1);
      if (tail.length > 1 || (tail.length === 1 && pathGiven)) throw new UsageError('only one PATH can be checked at a time');
      if (tail.length === 1) { options.path = tail[0]; pathGiven = true; }
      break;
    }
    if (arg === '--color' || arg === '--no-color') {
      options.color = arg === '--color';
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = valueOptions[name];
    if (key) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < rest.length) value = rest[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value (see --help)`);
      if (given.has(key)) throw new UsageError(`${name} given twice`);
      given.add(key);
      if (key === 'format') {
        if (!formats.includes(value as OutputFormat)) {
          throw new UsageError(`--format must be one of ${formats.join(', ')} (got "${redactSecrets(value)}")`);
        }
        options.format = value as OutputFormat;
      } else {
        options[key] = value;
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${redactSecrets(name)}" (see --help)`);
    if (pathGiven) throw new UsageError('only one PATH can be checked at a time');
    options.path = arg;
    pathGiven = true;
  }
  return { command: 'check', options };
}
