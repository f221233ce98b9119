// Browser benchmark of the page (issue 6): the CPU time of one frame in Chromium with 1,000 tasks
// and 20,000+ trace events on screen (target <= 8 ms), and the gzipped size of everything the page
// downloads (target <= 1.5 MB) against Pyodide's (the npm package `pyodide`, pinned in
// tests/e2e/package.json), measured in the same run and printed as ratios.
// Usage: node bench/web/page.mjs   (after scripts/build wasm; scripts/setup installs Pyodide)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, openApp, state, waitState, replaceProgram } from '../../tests/e2e/harness.mjs';
import { serve } from '../../tests/e2e/server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pyodideDir = path.join(repo, 'tests/e2e/node_modules/pyodide');
if (!fs.existsSync(path.join(pyodideDir, 'pyodide.asm.wasm'))) {
  console.error('bench/web/page.mjs: Pyodide is not installed in tests/e2e/node_modules: run scripts/setup');
  process.exit(2);
}

// 1,000 tasks, each sleeping four times: about 30,000 trace events by the end.
const program = `import asyncio


async def worker(i):
    for k in range(4):
        await asyncio.sleep(0.5 + (i % 7) * 0.25)
    return i


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(1000)))
    print(len(results))


asyncio.run(main())
`;

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;

// Every response body the page fetched, by URL path, with raw and gzip -9 sizes.
function recordDownloads(page) {
  const files = new Map();
  page.on('response', async (response) => {
    try {
      const body = await response.body();
      files.set(new URL(response.url()).pathname, { raw: body.length, gzip: gz(body) });
    } catch { /* a redirect or an aborted request has no body */ }
  });
  return files;
}

function total(files) {
  let raw = 0, gzip = 0;
  for (const f of files.values()) { raw += f.raw; gzip += f.gzip; }
  return { raw, gzip };
}

const env = await launch();
try {
  // --- our page: downloads, then the frame with 1,000 tasks and 20,000+ events ---------------
  // The server sends no-store, so a reload downloads everything again, now recorded.
  const { page: p, context } = await openApp(env, { viewport: { width: 1600, height: 900 } });
  const ours = recordDownloads(p);
  await p.reload();
  await waitState(p, (x) => x.session && x.session.loaded, 'the page after a reload', 60000);
  await replaceProgram(p, program);
  await p.evaluate(() => window.looplab.command('control', 'run_to_end'));
  const s = await waitState(p, (x) => x.session.finished, 'the 1,000-task program to finish', 120000);
  if (s.session.tasks.length < 1000 || s.session.traceEvents < 20000) {
    throw new Error(`expected 1,000 tasks and 20,000 events, have ${s.session.tasks.length} and ${s.session.traceEvents}`);
  }
  // The app's own measure: the median CPU time of the frame function over its last 64 frames,
  // taken once those frames all drew the finished program (the run to the end is one long frame,
  // left out), while the board, the timeline and the console show 1,000 tasks.
  const settled = (await state(p)).frame + 70;
  await p.waitForFunction((f) => window.looplab.state().frame >= f, settled, { timeout: 120000 });
  const last = await state(p);
  const frameMs = last.frameCpuMs;
  const frameUi = last.frameUiMs;
  const parts = `90th percentile ${last.frameCpuP90Ms.toFixed(2)} ms; UI ${last.frameUiMs.toFixed(2)} ms, WebGL ${last.frameGlMs.toFixed(2)} ms, swap ${last.frameSwapMs.toFixed(2)} ms, after ${last.frameAfterMs.toFixed(2)} ms; ` +
    `${last.drawData.vertices} vertices, ${last.drawData.indices} indices, ${last.drawData.commands} draw commands\n` +
    `  UI part by piece (ms): ${Object.entries(last.frameParts).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`;
  await context.close();

  // --- Pyodide: the same server, a page that starts Python and runs one line -----------------
  const site = path.join(repo, 'build/bench/pyodide-site');
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  for (const f of fs.readdirSync(pyodideDir)) fs.symlinkSync(path.join(pyodideDir, f), path.join(site, f));
  fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><meta charset="utf-8"><script src="pyodide.js"></script>
<script>loadPyodide().then((py) => { window.answer = py.runPython('1 + 1'); }).catch((e) => { window.answer = String(e); });</script>`);
  const server = await serve(site);
  const pctx = await env.browser.newContext();
  const ppage = await pctx.newPage();
  const theirs = recordDownloads(ppage);
  await ppage.goto(server.url);
  await ppage.waitForFunction(() => window.answer !== undefined, null, { timeout: 180000 });
  const answer = await ppage.evaluate(() => String(window.answer));
  if (answer !== '2') throw new Error(`Pyodide did not start: ${answer}`);
  await pctx.close();
  await server.close();

  const a = total(ours);
  const b = total(theirs);
  console.log('Loop Lab page downloads (gzip -9 of each response):');
  for (const [name, f] of ours) console.log(`  ${name.padEnd(28)} ${kb(f.raw).padStart(11)} raw  ${kb(f.gzip).padStart(11)} gzip`);
  console.log('Pyodide (npm pyodide) downloads to run one line:');
  for (const [name, f] of theirs) console.log(`  ${name.padEnd(28)} ${kb(f.raw).padStart(11)} raw  ${kb(f.gzip).padStart(11)} gzip`);
  console.log('');
  console.log(`page download: Loop Lab ${mb(a.gzip)} gzip (target <= 1.50 MB), Pyodide ${mb(b.gzip)}: ratio ${(a.gzip / b.gzip).toFixed(3)}x (Pyodide is ${(b.gzip / a.gzip).toFixed(1)}x larger)`);
  console.log(`frame parts (medians of the last 64 frames; the browser's clock ticks in 0.1 ms): ${parts}`);
  console.log(`frame CPU time with ${s.session.tasks.length} tasks and ${s.session.traceEvents} trace events: median ${frameMs.toFixed(2)} ms (UI part ${frameUi.toFixed(2)} ms), target <= 8 ms: ratio ${(frameMs / 8).toFixed(2)}x of the budget`);
  const ok = a.gzip <= 1.5 * 1024 * 1024 && frameMs <= 8;
  console.log(ok ? 'within both targets' : 'OVER a target');
} finally {
  await env.close();
}
