// Argument parsing: every accepted spelling, and a clear UsageError (never a password) for every mistake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

test('defaults: check the current folder as text', () => {
  assert.deepEqual(parseArgs(['check']), { command: 'check', options: { path: '.', format: 'text' } });
});

test('every option in both spellings', () => {
  const parsed = parseArgs(['check', 'proj', '--db', 'file:schema.sql', '--format=sarif', '--config', 'c.json', '-o', 'out.sarif', '--no-color']);
  assert.deepEqual(parsed, { command: 'check', options: { path: 'proj', db: 'file:schema.sql', format: 'sarif', config: 'c.json', output: 'out.sarif', color: false } });
  const short = parseArgs(['check', '-f', 'json', '--db=postgres://u@h/d', '--color', '--', '-odd-folder']);
  assert.deepEqual(short, { command: 'check', options: { path: '-odd-folder', format: 'json', db: 'postgres://u@h/d', color: true } });
});

test('help and version win over everything else', () => {
  assert.deepEqual(parseArgs(['check', '--bogus', '--help']), { command: 'help' });
  assert.deepEqual(parseArgs(['-V']), { command: 'version' });
  assert.deepEqual(parseArgs(['help']), { command: 'help' });
});

test('mistakes are UsageErrors with a message that says what to do', () => {
  const cases: [string[], RegExp][] = [
    [[], /missing command/],
    [['lint'], /unknown command "lint"/],
    [['check', '--frmat', 'json'], /unknown option "--frmat"/],
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif/],
    [['check', '--format'], /--format needs a value/],
    [['check', '--db='], /--db needs a value/],
    [['check', 'a', 'b'], /only one PATH/],
    [['check', '--db', 'x', '--db', 'y'], /--db given twice/],
  ];
  for (const [argv, expected] of cases) {
    assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && expected.test(error.message), argv.join(' '));
  }
});

test('a password in a mistyped option never reaches the message', () => {
  assert.throws(() => parseArgs(['check', '--dbb=postgres://app:hunter22@db/app']), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.doesNotMatch(error.message, /hunter22/);
    return true;
  });
  assert.throws(() => parseArgs(['check', '--format', 'postgres://app:hunter22@db/app']), (error: unknown) => !(error as Error).message.includes('hunter22'));
});
