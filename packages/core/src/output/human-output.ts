import type { EnvelopeError, Invocation } from '@aos-connectors/contract';
import type { ListStream, ListView, Output } from './output.js';
import type { TextSink } from './sink.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, pickColumns, renderRecord, renderTable, summarize, type RenderOptions } from './table.js';

interface HealthView {
  status: string;
  ready: boolean;
  checks: { name: string; ok: boolean; detail?: string }[];
  next_steps: string[];
}
interface DoctorView {
  ready: boolean;
  commands: Record<string, { ready: boolean; missing: string[] }>;
  next_steps: string[];
}
interface PlanView {
  dry_run: true;
  request: { method: string; url: string; headers?: Record<string, string>; body?: unknown };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function isHealth(data: unknown): data is HealthView {
  return isObject(data) && typeof data.status === 'string' && typeof data.ready === 'boolean' && Array.isArray(data.checks) && Array.isArray(data.next_steps);
}
function isDoctor(data: unknown): data is DoctorView {
  return isObject(data) && typeof data.ready === 'boolean' && isObject(data.commands) && Array.isArray(data.next_steps);
}
function isPlan(data: unknown): data is PlanView {
  return isObject(data) && data.dry_run === true && isObject(data.request) && typeof data.request.method === 'string' && typeof data.request.url === 'string';
}

/**
 * Next steps as a numbered list, each said once: exact repeats (case, spacing and a final period
 * aside) are dropped, and so is a step another one spells out (`Set X` beside `Set X in the environment.`).
 */
function nextSteps(steps: unknown[], style: Style): string {
  const texts: string[] = [];
  const keys: string[] = [];
  for (const step of steps) {
    const text = summarize(step);
    if (!text) continue;
    texts.push(text);
    keys.push(text.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, ''));
  }
  const unique: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    let covered = false;
    for (let j = 0; j < texts.length && !covered; j++) {
      covered = j !== i && (keys[j] === keys[i] ? j < i : keys[j]!.startsWith(`${keys[i]} `));
    }
    if (!covered) unique.push(texts[i]!);
  }
  if (unique.length === 0) return '';
  let out = `\n${style.bold('Next steps:')}\n`;
  unique.forEach((step, i) => (out += `  ${i + 1}. ${step}\n`));
  return out;
}

/** ✓/✗ in colour; `ok`/`fail` as words without it (NO_COLOR, a pipe). */
function mark(ok: boolean, style: Style): string {
  if (style.color) return ok ? (style.green ?? style.bold)('✓') : style.red('✗');
  return ok ? 'ok  ' : 'fail';
}

export function renderHealth(health: HealthView, style: Style): string {
  const status = health.status.replace(/_/g, ' ');
  const painted = health.status === 'healthy' ? (style.green ?? style.bold)(status) : health.ready ? status : style.red(status);
  let out = `${style.bold('Status:')} ${painted}${health.ready ? '' : ' (not ready)'}\n`;
  let width = 0;
  for (const check of health.checks) if (check.name.length > width) width = check.name.length;
  for (const check of health.checks) {
    out += `${`${mark(check.ok, style)} ${check.name.padEnd(width)}  ${summarize(check.detail ?? '')}`.trimEnd()}\n`;
  }
  return out + nextSteps(health.next_steps, style);
}

export function renderDoctor(doctor: DoctorView, style: Style, options: RenderOptions): string {
  const rows: { command: string; ready: string; missing: string }[] = [];
  let notReady = 0;
  for (const [command, state] of Object.entries(doctor.commands)) {
    if (!state.ready) notReady++;
    rows.push({ command, ready: state.ready ? 'yes' : 'no', missing: (state.missing ?? []).join(', ') });
  }
  const summary = doctor.ready ? 'yes' : `no (${notReady} of ${rows.length} commands need setup)`;
  let out = `${style.bold('Ready:')} ${doctor.ready ? summary : style.red(summary)}\n`;
  if (rows.length) out += `\n${renderTable(rows, ['command', 'ready', 'missing'], style, true, options)}`;
  return out + nextSteps(doctor.next_steps, style);
}

export function renderPlan(plan: PlanView, style: Style): string {
  const { method, url, headers, body } = plan.request;
  let out = `${style.bold(method.toUpperCase())} ${url}\n`;
  for (const [name, value] of Object.entries(headers ?? {})) out += `${style.dim(`${name}:`)} ${value}\n`;
  if (body !== undefined && body !== null) {
    out += `\n${typeof body === 'string' ? body.replace(/\n$/, '') : JSON.stringify(body, null, 2)}\n`;
  }
  return out;
}

/**
 * Without `--json`: tables, records, health, doctor and dry-run plans for people on stdout;
 * one-line errors with a hint, and `--all` progress on a terminal, on stderr.
 */
export function humanOutput(stdout: TextSink, stderr: TextSink, invocation: Invocation, style: Style): Output {
  const options = (): RenderOptions => ({
    width: stdout.isTTY && stdout.columns && stdout.columns > 0 ? stdout.columns : DEFAULT_WIDTH,
    tty: Boolean(stdout.isTTY),
    now: Date.now(),
  });
  const fail = (message: string, code: string, hint?: string) => {
    stderr.write(`${style.red('error')}: ${message} ${style.dim(`[${code}]`)}\n`);
    if (hint) stderr.write(`hint: ${hint}\n`);
  };
  const moreHint = (nextCursor: string | null) => {
    if (nextCursor) stderr.write(style.dim(`More results: --cursor ${nextCursor} (or --all)\n`));
  };
  // The streamed list in progress: an error while it is open is reported as its break-off.
  let open: { fail(error: EnvelopeError & { hint?: string }): void } | undefined;
  return {
    success(command, data, list) {
      if (list && data && typeof data === 'object') {
        const record = data as Record<string, unknown>;
        const items = (record[list.key] as unknown[]) ?? [];
        stdout.write(items.length ? renderTable(items, pickColumns(items, list.columns), style, true, options()) : `No ${list.key}.\n`);
        moreHint(record.next_cursor as string | null);
      } else if (invocation.dryRun && isPlan(data)) {
        stdout.write(renderPlan(data, style));
      } else if (command === 'health' && isHealth(data)) {
        stdout.write(renderHealth(data, style));
      } else if (command === 'doctor' && isDoctor(data)) {
        stdout.write(renderDoctor(data, style, options()));
      } else {
        stdout.write(renderRecord(data, style, options()));
      }
      if (invocation.dryRun) stderr.write(style.dim('Dry run: nothing was sent.\n'));
    },
    error: (_command, error) => (open ? open.fail(error) : fail(error.message, error.code, error.hint)),
    text: (_command, text) => stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    startList(_command: string, list: ListView): ListStream {
      let columns: string[] | undefined;
      let count = 0;
      let pages = 0;
      let resume: string | null = null;
      let closed = false;
      const tableOptions = { ...options(), natural: [] as number[] };
      // Progress on a terminal only: rewritten in place with \r, blanked (no escape codes) when done.
      const showProgress = stderr.isTTY === true;
      let shown = 0;
      const clearProgress = () => {
        if (shown === 0) return;
        stderr.write(`\r${' '.repeat(shown)}\r`);
        shown = 0;
      };
      const progress = () => {
        if (!showProgress) return;
        const text = `Fetched ${count} ${list.key} (${pages} page${pages === 1 ? '' : 's'})…`;
        stderr.write(`\r${text}${' '.repeat(Math.max(0, shown - text.length))}`);
        shown = Math.max(shown, text.length);
      };
      const stream: ListStream = {
        items(items) {
          pages++;
          if (items.length > 0) {
            const header = columns === undefined;
            columns ??= pickColumns(items, list.columns);
            // Off the line first: stdout and stderr often share the terminal.
            clearProgress();
            stdout.write(renderTable(items, columns, style, header, tableOptions));
            count += items.length;
          }
          progress();
        },
        flush: () => stdout.drain?.() ?? Promise.resolve(),
        resumeAt(nextCursor) {
          resume = nextCursor;
        },
        end(nextCursor) {
          if (closed) return;
          closed = true;
          open = undefined;
          clearProgress();
          if (count === 0) stdout.write(`No ${list.key}.\n`);
          moreHint(nextCursor);
        },
        fail(error, nextCursor) {
          if (closed) return;
          closed = true;
          open = undefined;
          clearProgress();
          fail(error.message, error.code, error.hint);
          if (nextCursor) stderr.write(`Resume with --cursor ${nextCursor}\n`);
        },
      };
      open = { fail: (error) => stream.fail(error, resume) };
      return stream;
    },
  };
}
