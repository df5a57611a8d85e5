// The package in headless Chromium, loaded by a plain <script type="module"> page over HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pkg, repo, serve, runPage } from './helpers.mjs';

test('a plain module page loads the package and gets answers, with an empty console', async (t) => {
  const server = await serve({ '/pkg/': pkg, '/': join(repo, 'tests/js/page') });
  try {
    const { results, console } = await runPage(`${server.url}/`);
    assert.equal(results.crash, undefined);
    assert.deepEqual(console, []);
    t.diagnostic(`init() in Chromium (fetch, compile, decode): ${results.initMs.toFixed(1)} ms`);
    assert.equal(results.beforeInit, 'NOT_INITIALISED');
    assert.ok(results.initMs < 1000, `init took ${results.initMs} ms`);
    assert.ok(results.planCount >= 4);
    assert.equal(results.firstPlan.id, 'shanwei-chengqu-2018');
    assert.equal(results.firstPlan.doc_number, null);
    assert.ok(results.measureCount > 100);
    assert.ok(results.themes.some((t) => t.id === 'pledge-financing'));
    assert.equal(results.filterBeijing, 47);
    assert.match(results.searchTop, /质押/);
    assert.ok(results.matchThemes.includes('pledge-financing'));
    assert.equal(results.matrixRows, results.planCount);
    assert.ok(results.diffPairs > 10);
    assert.equal(results.compareRows, 2);
    assert.equal(results.similarityRows, results.planCount);
    assert.equal(results.passagesPlan, 'beijing-2018');
    assert.equal(results.templateTables, 31);
    assert.ok(results.indicatorUnits.includes('万元'));
    assert.equal(results.measureRoundTrip, true);
    assert.match(results.added.id, /^user-\d+$/);
    assert.equal(results.added.measureCount, 2);
    assert.equal(results.afterAdd, results.planCount + 1);
    assert.equal(results.afterRemove, results.planCount);
    assert.deepEqual(results.exportKeys, ['plans', 'measures', 'targets', 'themes', 'unassigned', 'passages']);
    assert.deepEqual(results.errors, {
      measure: 'INVALID_ARGUMENT',
      unknownMeasure: 'UNKNOWN_MEASURE',
      unknownPlan: 'UNKNOWN_PLAN',
      surrogate: 'INVALID_ARGUMENT',
      tooLarge: 'TOO_LARGE',
      bundled: 'INVALID_ARGUMENT',
      queryTooLong: 'QUERY_TOO_LONG',
      unknownTheme: 'UNKNOWN_THEME',
    });
  } finally {
    server.close();
  }
});
