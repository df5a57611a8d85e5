// The packed tarball as a consumer gets it: install into a scratch project, type-check, Vite build
// (then load the built page in Chromium), and import from plain Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkg, repo, runPage, serve } from './helpers.mjs';

const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });

test('npm pack → install → tsc, vite build, browser, node', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'plan-compare-consumer-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));

  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], pkg));
  const shipped = packed.files.map((f) => f.path).sort();
  assert.deepEqual(shipped, ['LICENSE', 'README.md', 'api.js', 'index.d.ts', 'index.js', 'load.js', 'node.js', 'package.json',
    'plan_compare.d.ts', 'plan_compare.js', 'plan_compare_bg.wasm']);

  const project = join(scratch, 'consumer');
  const template = join(repo, 'tests/consumer');
  cpSync(template, project, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('dist') });
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
  run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], project);

  await t.test('types: tsc --noEmit on types-test.ts', () => {
    run(join(project, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], project);
  });

  await t.test('plain Node imports the package by name', () => {
    const out = JSON.parse(run('node', ['node-smoke.mjs'], project));
    assert.ok(out.planCount >= 4);
    assert.match(out.searchTop, /质押/);
    assert.ok(out.diffPairs > 10);
    assert.deepEqual({ ...out, planCount: 0, searchTop: '', diffPairs: 0 },
      { planCount: 0, roundTrip: true, errorCode: 'UNKNOWN_MEASURE', filterTotal: 47, searchTop: '', diffPairs: 0 });
  });

  await t.test('Vite builds it, and the built page runs in Chromium', async () => {
    run(join(project, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], project);
    const assets = readdirSync(join(project, 'dist/assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `no .wasm among ${assets}`);
    const server = await serve({ '/': join(project, 'dist') });
    try {
      const { results, console } = await runPage(`${server.url}/`);
      assert.deepEqual(console, []);
      assert.equal(results.crash, undefined);
      assert.ok(results.planCount >= 4);
      assert.equal(results.roundTrip, true);
      assert.equal(results.errorCode, 'UNKNOWN_MEASURE');
      assert.equal(results.filterTotal, 47);
      assert.match(results.searchTop, /质押/);
      assert.ok(results.diffPairs > 10);
    } finally {
      server.close();
    }
  });
  assert.ok(existsSync(project));
});
