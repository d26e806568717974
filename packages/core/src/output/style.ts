import type { TextSink } from './sink.js';

type Env = Record<string, string | undefined>;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(env: Env, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return isTTY && env.TERM !== 'dumb';
}

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  dim(text: string): string;
  green?(text: string): string;
  /** Colours are on: marks may be symbols (✓/✗); without colour they are words (ok/fail). */
  readonly color?: boolean;
}

export function makeStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), red: wrap(31, 39), dim: wrap(2, 22), green: wrap(32, 39), color: enabled };
}

export type { TextSink };
