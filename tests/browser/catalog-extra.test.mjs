// A document added to the catalogue appears in every view after `plan-compare build`, with no code
// change: the seeds' catalogue plus one real plan text (a district's 2025 action plan) is built into a
// data directory, which the browser is given in place of the package's own (pkg/data/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { session, repo, texts } from './helpers.mjs';

const EXTRA = `
[[document]]
path = "tests/fixtures/real-heading-paragraph-xuhui-2025.txt"
id = "xuhui-2025"
region = "徐汇区"
region_en = "Xuhui District"
level = "district"
kind = "action plan"
years = [2025, 2025]
title = "2025年徐汇区市场监管局知识产权行政保护工作实施方案"
issuer = "上海市徐汇区市场监督管理局"
`;

let s;
let dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-compare-extra-'));
  // The seeds' catalogue with its paths read from the repository, and the new entry after them.
  const seeds = readFileSync(join(repo, 'seeds/catalog.toml'), 'utf8').replace(/^root = .*$/m, `root = ${JSON.stringify(repo)}`);
  writeFileSync(join(dir, 'catalog.toml'), seeds + EXTRA);
  const bin = process.env.PLAN_COMPARE_BIN ?? join(repo, 'target/debug/plan-compare');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: cargo build first`);
  execFileSync(bin, ['build', '--catalog', join(dir, 'catalog.toml'), '--out', join(dir, 'data')], { stdio: 'pipe' });
  s = await session();
  // Every request for the package's data directory is answered from the new one.
  await s.route('**/pkg/data/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const file = join(dir, 'data', name);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
    const type = name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'content-type': type } });
  });
});
after(async () => {
  await s?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('Explore lists the new plan, its measure, and search finds it', async () => {
  const page = await s.open('index.html#explore?plans=xuhui-2025&lang=zh');
  assert.ok(await page.$('#f-plan option[value="xuhui-2025"]'), 'the plan picker offers it');
  await page.waitForSelector('.results .measure');
  assert.deepEqual(await page.$$eval('.results .measure', (els) => els.map((e) => e.dataset.plan)), ['xuhui-2025']);
  assert.match(await page.textContent('.results .measure'), /推进法律法规实施/);
  await page.goto(new URL('index.html#explore?q=违法经营额&lang=zh', s.url).href);
  await page.waitForSelector('.results .measure');
  const plans = await page.$$eval('.results .measure', (els) => els.map((e) => e.dataset.plan));
  assert.ok(plans.includes('xuhui-2025'), `search hits: ${plans}`);
});

test('the theme heatmap has a row for it', async () => {
  const page = await s.open('index.html#themes?lang=zh');
  await page.waitForSelector('table.heatmap tbody tr');
  const rows = await texts(page, 'table.heatmap tbody th');
  assert.ok(rows.some((r) => r.includes('徐汇区')), `rows: ${rows.join(' | ')}`);
  assert.equal(rows.length, await page.evaluate(async () => (await import('./pkg/index.js')).plans().length));
});

test('it can be diffed against a seed plan', async () => {
  const page = await s.open('index.html#diff?plans=xuhui-2025,shanghai-2018&lang=zh');
  await page.waitForSelector('[data-id^="xuhui-2025-"], [data-a^="xuhui-2025-"]');
  assert.ok(await page.$('#d-a option[value="xuhui-2025"]'));
});

test('the patterns view compares it with the others', async () => {
  const page = await s.open('index.html#patterns?lang=zh');
  await page.waitForSelector('.pattern table');
  assert.match(await page.textContent('.pattern'), /徐汇区/);
});

test('an article embed shows it', async () => {
  const page = await s.open('embed.html?view=explore&plans=xuhui-2025&lang=zh');
  await page.waitForSelector('.measure');
  assert.deepEqual(await page.$$eval('.measure', (els) => els.map((e) => e.dataset.plan)), ['xuhui-2025']);
});
