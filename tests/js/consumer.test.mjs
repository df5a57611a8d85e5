// The packed tarball as a consumer gets it: install into a scratch project, type-check, Vite build
// (then load the built page in Chromium), and import from plain Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countsUnder, pkg, repo, runPage, serve } from './helpers.mjs';

const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });

const dataNames = readdirSync(join(pkg, 'data')).sort();
const manifest = JSON.parse(readFileSync(join(pkg, 'data/manifest.json'), 'utf8'));
const version = manifest.catalog.replace(/^catalog\.|\.bin$/g, '');

/** What the built page answered: the same as the package answers in Node. */
function checkAnswers(results) {
  assert.equal(results.crash, undefined);
  assert.equal(results.planCount, manifest.plans);
  assert.equal(results.dataVersion, version);
  assert.equal(results.roundTrip, true);
  assert.equal(results.errorCode, 'UNKNOWN_MEASURE');
  assert.equal(results.filterTotal, 47);
  assert.match(results.searchTop, /质押/);
  assert.ok(results.diffPairs > 10);
}

test('npm pack → install → tsc, vite build, browser, node', async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'plan-compare-consumer-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));

  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], pkg));
  const shipped = packed.files.map((f) => f.path).sort();
  assert.deepEqual(shipped, ['LICENSE', 'README.md', 'api.js', 'index.d.ts', 'index.js', 'load.js', 'node.js', 'package.json',
    'plan_compare.d.ts', 'plan_compare.js', 'plan_compare_bg.wasm', 'plan_compare_full.js', 'plan_compare_full_bg.wasm',
    'regions.tsv', ...dataNames.map((name) => `data/${name}`)].sort());

  const project = join(scratch, 'consumer');
  const template = join(repo, 'tests/consumer');
  cpSync(template, project, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('dist') });
  run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
  run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], project);
  const installed = join(project, 'node_modules/plan-compare');

  await t.test('types: tsc --noEmit on types-test.ts', () => {
    run(join(project, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], project);
  });

  await t.test('plain Node imports the package by name, and reads its own data directory', () => {
    const out = JSON.parse(run('node', ['node-smoke.mjs'], project));
    assert.equal(out.planCount, manifest.plans);
    assert.match(out.searchTop, /质押/);
    assert.ok(out.diffPairs > 10);
    assert.deepEqual({ ...out, searchTop: '', diffPairs: 0 }, {
      planCount: manifest.plans, roundTrip: true, errorCode: 'UNKNOWN_MEASURE', filterTotal: 47, searchTop: '',
      diffPairs: 0, dataVersion: version, dataFiles: dataNames.length,
    });
  });

  // The data directory copied to public/ (Vite copies public/ as it is): `init({ data: '/plan-compare-data/' })`.
  await t.test('Vite builds it, and the built page runs in Chromium with the data in public/', async () => {
    cpSync(join(installed, 'data'), join(project, 'public/plan-compare-data'), { recursive: true });
    run(join(project, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], project);
    const assets = readdirSync(join(project, 'dist/assets'));
    assert.ok(assets.some((f) => /^plan_compare_bg-.*\.wasm$/.test(f)), `no small module among ${assets}`);
    assert.ok(assets.some((f) => /^plan_compare_full_bg-.*\.wasm$/.test(f)), `no full module among ${assets}`);
    assert.ok(assets.some((f) => /^regions-.*\.tsv$/.test(f)), `no gazetteer among ${assets}`);
    assert.deepEqual(readdirSync(join(project, 'dist/plan-compare-data')).sort(), dataNames);
    const server = await serve({ '/': join(project, 'dist') });
    try {
      const { results, console } = await runPage(`${server.url}/?data=/plan-compare-data/`);
      assert.deepEqual(console, []);
      checkAnswers(results);
      // Only the data the calls needed, each file once, all from the directory named.
      const data = countsUnder(server.requests, '/plan-compare-data/');
      assert.ok(Object.keys(data).length < dataNames.length, JSON.stringify(data));
      assert.ok(Object.values(data).every((n) => n === 1), JSON.stringify(data));
      assert.equal(data['manifest.json'], 1);
      // The page adds no plan and asks for no pattern: the full module and gazetteer are never fetched.
      assert.ok(!server.requests.some((p) => /plan_compare_full|regions/.test(p)), server.requests.join(', '));
    } finally {
      await server.close();
    }
  });

  // The default: index.js looks for `new URL('./data/', import.meta.url)`, next to the bundled code.
  // Vite does not copy a directory referenced that way ("new URL('./data/', import.meta.url) doesn't
  // exist at build time, it will remain unchanged"), as the package README says: a bundled app passes
  // `data`. Without it, init() must fail clearly: DATA_UNAVAILABLE naming the URL it tried.
  await t.test('with init() and no options, the built page says where it looked for the data', async () => {
    rmSync(join(project, 'public'), { recursive: true, force: true });
    rmSync(join(project, 'dist'), { recursive: true, force: true });
    run(join(project, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], project);
    assert.ok(!existsSync(join(project, 'dist/assets/data')), 'Vite copied data/ after all: make this the default path');
    const server = await serve({ '/': join(project, 'dist') });
    try {
      const { results } = await runPage(`${server.url}/`);
      assert.equal(results.crashCode, 'DATA_UNAVAILABLE', JSON.stringify(results));
      assert.ok(results.crash.includes(`${server.url}/assets/data/manifest.json`), results.crash);
      assert.deepEqual(server.requests.filter((p) => p.endsWith('manifest.json')), ['/assets/data/manifest.json']);
    } finally {
      await server.close();
    }
  });
  assert.ok(existsSync(project));
});
