// The self-contained build/looplab.html works straight from the file system, offline, and the
// site stays exactly the four deployable files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openApp, waitFrames, state, screenshot, singleFilePage } from './harness.mjs';
import { siteDir } from './server.mjs';
import { luminanceStats } from './png.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the site is exactly index.html, looplab.js, looplab.wasm and looplab.data', () => {
  assert.deepEqual(fs.readdirSync(siteDir).sort(), ['index.html', 'looplab.data', 'looplab.js', 'looplab.wasm']);
});

test('looplab.html opens from file:// with no network and draws frames', async (t) => {
  assert.ok(fs.existsSync(singleFilePage), `${singleFilePage} was built`);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const { page, errors } = await openApp(env, { context, url: 'file://' + singleFilePage });
  const first = await state(page);
  const later = await waitFrames(page, 20);
  assert.ok(later.frame >= first.frame + 20, 'frames keep coming');
  t.diagnostic(`first frame ${await page.evaluate(() => window.looplab.timing.firstFrame)} ms after navigation`);
  const fetched = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(fetched, [], 'nothing was fetched from a server');
  assert.ok(requests.filter((u) => u.startsWith('file:')).length === 1, 'one file: the page itself');
  assert.ok(later.editor.text.includes('asyncio.gather'), 'the editor holds the starter program');
  const image = await screenshot(page, 'single-file');
  assert.ok(luminanceStats(image).stddev > 8, 'a drawn interface, not a blank canvas');
  // Saving works from file:// too (the browser gives file pages their own storage).
  await page.evaluate(() => window.looplab.flushSave());
  assert.deepEqual(errors, []);
  await context.close();
});
