// Terminal colours for the text report, as plain ANSI escapes: on only when the caller decided the output is a
// colour terminal, so files, pipes and CI logs stay free of escape codes.

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function palette(enabled: boolean): Palette {
  if (!enabled) {
    const same = (text: string) => text;
    return { bold: same, dim: same, red: same, yellow: same, blue: same, green: same };
  }
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), green: wrap(32, 39) };
}

/** Colours on when forced, else only on a TTY and not when NO_COLOR is set (https://no-color.org). */
export function shouldUseColor(flag: boolean | undefined, isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true;
}

/** Visible width of a string that may hold ANSI escapes. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
