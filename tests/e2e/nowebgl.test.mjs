// Without WebGL the page explains what is missing instead of failing silently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';

let env;
before(async () => { env = await launch(['--disable-webgl', '--disable-3d-apis']); });
after(async () => { await env?.close(); });

test('with WebGL disabled the page says WebGL 2 is not available', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.url);
  await page.waitForFunction(() => window.looplab && window.looplab.error, null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => window.looplab.error), 'no-webgl2');
  const problem = page.locator('#problem');
  assert.equal(await problem.isVisible(), true);
  assert.match(await problem.innerText(), /WebGL 2 is not available/);
  assert.equal(await page.evaluate(() => window.looplab.state()), null, 'the app never started');
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
  assert.deepEqual(scripts, [], 'looplab.js was not even downloaded');
  await screenshot(page, 'no-webgl2');
  await context.close();
});
