#!/usr/bin/env node
// What each published package costs a user: packed size and files (`npm pack`), declared runtime
// dependencies, and the footprint of installing it into an empty prefix (packages and bytes
// beyond the package itself). Workspace dependencies are installed from their own tarballs, the
// rest from the registry. Run after a build: npm run bench:packages (or node bench/packages.mjs).
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'aos-bench-packages-'));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const packages = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ json }) => !json.private);
const byName = new Map(packages.map((pkg) => [pkg.json.name, pkg]));

function diskBytes(path) {
  const stat = lstatSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name)), 0) : stat.size;
}
function packagesIn(modules) {
  let names = [];
  try {
    names = readdirSync(modules);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('.')) return [];
    const dir = join(modules, name);
    if (name.startsWith('@')) return readdirSync(dir).flatMap((inner) => [join(dir, inner), ...packagesIn(join(dir, inner, 'node_modules'))]);
    return [dir, ...packagesIn(join(dir, 'node_modules'))];
  });
}
/** The workspace packages a package needs at run time, itself included. */
function workspaceClosure(name, seen = new Set()) {
  if (seen.has(name) || !byName.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(byName.get(name).json.dependencies ?? {})) workspaceClosure(dep, seen);
  return seen;
}

const tarballs = new Map();
const packed = new Map();
for (const { dir, json } of packages) {
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], dir));
  tarballs.set(json.name, join(work, info.filename));
  packed.set(json.name, info);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const rows = [['package', 'packed', 'unpacked', 'files', 'runtime deps', 'installed beside it', 'their size']];
try {
  for (const { json } of packages) {
    const prefix = join(work, `prefix-${json.name.replace(/[@/]/g, '_')}`);
    const needed = [...workspaceClosure(json.name)].map((name) => tarballs.get(name));
    npm(['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-save', ...needed], work);
    const modules = join(prefix, 'node_modules');
    const own = join(modules, json.name);
    const others = packagesIn(modules).filter((dir) => dir !== own);
    const info = packed.get(json.name);
    rows.push([
      json.name, kb(info.size), kb(info.unpackedSize), String(info.entryCount),
      String(Object.keys(json.dependencies ?? {}).length), String(others.length), kb(others.reduce((sum, dir) => sum + diskBytes(dir), 0)),
    ]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const row of rows) console.log(`| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`);
