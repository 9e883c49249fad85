// End-to-end test in headless Debian Chromium (playwright-core): the dashboard
// answers a control with the figure the API returns, and the HTML report
// renders every chart with no console error and no request to any host.
// Usage: node dashboard_e2e.mjs TENGERIM_BINARY OUTPUT_FOLDER
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const [binary, outDir] = process.argv.slice(2).map((path) => resolve(path));
const webDir = new URL('../../web/', import.meta.url).pathname;
const { chromium } = createRequire(join(webDir, 'package.json'))('playwright-core');
mkdirSync(outDir, { recursive: true });

function startServer(model = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['serve', ...model, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${text}`)), 15000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const match = text.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) { clearTimeout(timer); resolve({ child, base: `http://127.0.0.1:${match[1]}` }); }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${text}`)));
  });
}

const profile = mkdtempSync(join(tmpdir(), 'tengerim-chromium-'));
// A fresh --user-data-dir (playwright passes `profile` as it).
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const { child, base } = await startServer();
let failures = 0, passes = 0;
async function check(name, body) {
  try { await body(); passes++; console.log(`ok - ${name}`); } catch (error) { failures++; console.log(`not ok - ${name}\n${error.stack}`); }
}

try {
  await check('dashboard: changing the year shows the balance the API returns', async () => {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    const foreign = [];
    page.on('request', (request) => { if (!request.url().startsWith(base)) foreign.push(request.url()); });
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    const before = await page.textContent('#fig-balance');
    // 2023 is not published (no oil-route data): the composites read n/a, as the API's null.
    await page.selectOption('#year', '2023');
    await page.waitForFunction((old) => document.querySelector('#fig-balance').textContent !== old &&
      document.querySelector('#sheet-panel').dataset.state === 'ready', before);
    const unpublished = await (await fetch(`${base}/api/report?year=2023`)).json();
    assert.equal(unpublished.years[0].balance, null);
    assert.equal(await page.textContent('#fig-balance'), 'n/a');
    await page.selectOption('#year', '2024');
    await page.waitForFunction(() => document.querySelector('#fig-balance').textContent !== 'n/a' &&
      document.querySelector('#sheet-panel').dataset.state === 'ready');
    const api = await (await fetch(`${base}/api/report?year=2024`)).json();
    assert.equal(await page.textContent('#fig-balance'), api.years[0].balance.toFixed(3));
    assert.equal(await page.textContent('#fig-max-leverage'), api.years[0].max_leverage.toFixed(3));
    // What-if: double China's exports; the figure is the what-if API's.
    await page.selectOption('#domain', 'exports');
    await page.selectOption('#partner', 'CHN');
    await page.fill('#factor', '2');
    const shown = await page.textContent('#fig-balance');
    await page.click('#run-sheet');
    await page.waitForFunction((old) => document.querySelector('#fig-balance').textContent !== old, shown);
    const whatIf = await (await fetch(`${base}/api/report`, { method: 'POST', body: JSON.stringify(
      { year: 2024, scale: [{ domain: 'exports', partner: 'CHN', factor: 2 }] }) })).json();
    assert.equal(await page.textContent('#fig-balance'), whatIf.years[0].balance.toFixed(3));
    // Close a route: the shock figures are those of POST /api/shock.
    const loss = await page.textContent('#fig-shock-loss');
    await page.selectOption('#close', 'atyrau-samara');
    await page.waitForFunction((old) => document.querySelector('#fig-shock-loss').textContent !== old &&
      document.querySelector('#shock-panel').dataset.state === 'ready', loss);
    const scenario = await page.inputValue('#scenario');
    const shock = await (await fetch(`${base}/api/shock`, { method: 'POST', body: JSON.stringify(
      { scenario, close: ['atyrau-samara'] }) })).json();
    assert.equal(await page.textContent('#fig-shock-loss'), shock.loss.total.toFixed(4));
    for (const id of ['shares', 'roles', 'series', 'map-baseline', 'map-shocked', 'loss'])
      assert.ok(await page.$(`#chart-${id} svg`), `chart ${id} drawn`);
    await page.screenshot({ path: join(outDir, 'dashboard.png'), fullPage: true });
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await page.close();
  });

  await check('dashboard: bands, basis marks and the attribution are the API\'s', async () => {
    // A model with three published years (the IMF DOTS slice for KAZ: 2010, 2014, 2019).
    const model = join(mkdtempSync(join(tmpdir(), 'tengerim-explain-')), 'model');
    const slice = new URL('../data/imf_dots_slice.csv', import.meta.url).pathname;
    execFileSync(binary, ['import', 'imf-dots', slice, '--focal', 'KAZ', '--into', model], { stdio: 'ignore' });
    const server = await startServer([model]);
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.base}/`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
      assert.match(await page.textContent('#sheet-basis'), /2019 published\. Basis per domain: exports: observed/);
      await page.fill('#sensitivity', '20');
      await page.selectOption('#explain-from', '2010');
      await page.waitForSelector('#chart-explain svg', { timeout: 30000 });
      await page.waitForFunction(() => document.querySelector('#fig-balance-band').textContent !== '' &&
        document.querySelector('#sheet-panel').dataset.state === 'ready', null, { timeout: 30000 });
      const api = await (await fetch(`${server.base}/api/report?year=2019&basis=filled&sensitivity=20&explain=2010,2019`)).json();
      const band = api.years[0].bands.balance;
      assert.equal(await page.textContent('#fig-balance-band'),
        `median ${band.p50.toFixed(3)} [${band.p05.toFixed(3)}, ${band.p95.toFixed(3)}]`);
      assert.equal(api.explain.from, 2010);
      const sum = api.explain.balance.parts.reduce((total, part) => total + part.value, 0);
      assert.ok(Math.abs(sum - api.explain.balance.total) < 1e-12, 'parts sum to the change');
      // One bar per part between the two level bars.
      const bars = await page.$$eval('#chart-explain svg rect > title', (nodes) => nodes.length);
      assert.equal(bars, api.explain.balance.parts.length + 2);
      assert.deepEqual(errors, []);
      await page.screenshot({ path: join(outDir, 'dashboard-explain.png'), fullPage: true });
      await page.close();
    } finally {
      server.child.kill('SIGTERM');
      rmSync(dirname(model), { recursive: true, force: true });
    }
  });

  await check('HTML report: every chart renders, no console error, no request', async () => {
    const file = join(outDir, 'report.html');
    execFileSync(binary, ['report', '--format', 'html', '--out', file]);
    const page = await browser.newPage();
    const errors = [], requests = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    const figures = await page.$$eval('figure', (nodes) => nodes.map((figure) => {
      const svg = figure.querySelector('svg');
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      return { id: figure.id, width: box.width, height: box.height, title: svg?.querySelector('.chart-title')?.textContent,
        axes: svg ? svg.querySelectorAll('.axis-label').length : 0, sources: figure.querySelectorAll('figcaption li').length };
    }));
    assert.deepEqual(figures.map((f) => f.id), ['shares', 'roles', 'series', 'loss', 'map-baseline', 'map-shocked']);
    for (const figure of figures) {
      assert.ok(figure.width > 300 && figure.height > 150, `${figure.id} has a size`);
      assert.ok(figure.title, `${figure.id} has a title`);
      assert.ok(figure.axes >= 2, `${figure.id} has two axis labels`);
      assert.ok(figure.sources >= 1, `${figure.id} cites a source`);
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, [`file://${file}`]);
    await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });
    await page.close();
  });
} finally {
  await browser.close();
  child.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
