// Entry point of the `enumguard` command (bundled to dist/cli.js): parse arguments, run the check, print the
// report. Exit 0 no error findings, 1 error findings, 2 a problem to fix first (one line on stderr, no stack).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, usageText, UsageError, type CheckOptions } from './args';
import { passwordInUrl, redactSecrets } from '../db/redact';
import { renderJson } from './report/json';
import { renderSarif } from './report/sarif';
import { renderText } from './report/text';
import { shouldUseColor } from './report/ansi';
import type { ReportInput } from './report/reportInput';
import { CliProblem, runCheck } from './runCheck';
import { toolVersion } from './version';

function render(options: CheckOptions, input: ReportInput, toFile: boolean): string {
  if (options.format === 'json') return renderJson(input);
  if (options.format === 'sarif') return renderSarif(input);
  const color = toFile ? options.color === true : shouldUseColor(options.color, process.stdout.isTTY, process.env);
  const width = !toFile && process.stdout.isTTY ? process.stdout.columns : undefined;
  return renderText(input, { color, displayRoot: options.path, width });
}

async function main(argv: string[]): Promise<number> {
  let options: CheckOptions | undefined;
  try {
    const invocation = parseArgs(argv);
    if (invocation.command === 'help') {
      process.stdout.write(usageText);
      return 0;
    }
    if (invocation.command === 'version') {
      process.stdout.write(`enumguard ${toolVersion}\n`);
      return 0;
    }
    options = invocation.options;
    const run = await runCheck(options);
    // The summary's time is the whole command as the user waited for it: performance.now() counts from process start.
    const input: ReportInput = { analysis: run.analysis, root: run.root, filesIndexed: run.filesIndexed, elapsedMs: performance.now(), toolVersion };
    const report = render(options, input, options.output !== undefined);
    if (options.output !== undefined) {
      fs.mkdirSync(path.dirname(path.resolve(options.output)), { recursive: true });
      fs.writeFileSync(options.output, report);
    } else {
      process.stdout.write(report);
    }
    return run.exitCode;
  } catch (error) {
    const secrets = [passwordInUrl(options?.db), passwordInUrl(process.env.ENUMGUARD_DATABASE_URL)];
    const known = error instanceof UsageError || error instanceof CliProblem;
    const message = error instanceof Error ? error.message : String(error);
    // Only the first line: a library's multi-line message must not turn into a wall of text in CI.
    const line = redactSecrets(message.split('\n')[0] ?? '', secrets);
    process.stderr.write(`enumguard: ${known ? line : `internal error: ${line}`}\n`);
    if (!known && process.env.ENUMGUARD_DEBUG && error instanceof Error && error.stack) {
      process.stderr.write(`${redactSecrets(error.stack, secrets)}\n`);
    }
    return 2;
  }
}

// A reader that stops early (`enumguard check | head`) closes the pipe: that is not a failure of the check.
let pendingExitCode = 0;
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? pendingExitCode : 2));

// Exit explicitly once stdout has drained: a database driver or an embedded server may keep handles open.
const exitWith = (code: number) => {
  pendingExitCode = code;
  process.stdout.write('', () => process.exit(code));
};
main(process.argv.slice(2)).then(exitWith, () => exitWith(2));
