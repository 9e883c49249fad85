// The dashboard: fills the controls from /api/meta, re-runs the engine
// through the JSON API on every change and shows its figures and its SVG
// charts (drawn by the engine, so no chart library). No other host is asked.
'use strict';

const $ = (id) => document.getElementById(id);
const fixed = (value, digits = 3) => (value === null || value === undefined ? 'n/a' : Number(value).toFixed(digits));

function status(message) { $('status').textContent = message; }

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${json.error.kind}: ${json.error.message}`);
  return json;
}

function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

function showChart(id, chart) {
  const figure = $(`chart-${id}`);
  if (!figure) return;
  if (!chart) { figure.innerHTML = ''; return; }
  const sources = chart.sources.map((line) => `<li>${escapeText(line)}</li>`).join('');
  figure.innerHTML = `${chart.svg}<figcaption>${escapeText(chart.note)}<br>Sources:<ul>${sources}</ul></figcaption>`;
}

function fill(select, values, labels) {
  for (let i = 0; i < values.length; ++i) {
    const option = document.createElement('option');
    option.value = values[i];
    option.textContent = labels ? labels[i] : values[i];
    select.appendChild(option);
  }
}

// Runs `work` with its panel marked busy; errors go to the status line.
async function run(panel, work) {
  $(panel).dataset.state = 'busy';
  try {
    await work();
    status('');
  } catch (error) {
    status(error.message);
  } finally {
    $(panel).dataset.state = 'ready';
  }
}

let meta = null;

function fillPartners() {
  const domain = meta.domains.find((entry) => entry.id === $('domain').value);
  $('partner').innerHTML = '';
  if (domain) fill($('partner'), domain.partners);
}

// "0.569 [0.442, 0.678]": a band's median and 5-95 % range, when the run drew one.
function bandText(band) {
  return band ? `median ${fixed(band.p50)} [${fixed(band.p05)}, ${fixed(band.p95)}]` : '';
}

// How each domain's figure of the year was made (observed, carried, ...), and why a year is unpublished.
function basisText(sheet) {
  const marks = sheet.domains.map((domain) => `${domain.id}: ${domain.basis}`
    + (domain.age ? ` ${domain.age} y` : '') + (domain.window ? ` ${domain.window} y window` : ''));
  const missing = sheet.missing_domains.length ? `; missing: ${sheet.missing_domains.join(', ')}` : '';
  const published = sheet.published ? 'published' : `not published (${sheet.unpublished_reason})`;
  return `${sheet.year} ${published}. Basis per domain: ${marks.join(', ')}${missing}.`;
}

function runSheet() {
  return run('sheet-panel', async () => {
    const year = Number($('year').value);
    const factor = Number($('factor').value);
    const fields = { year, basis: $('basis').value };
    const sensitivity = Number($('sensitivity').value);
    if (sensitivity > 0) fields.sensitivity = sensitivity;
    const from = $('explain-from').value;
    if (from && Number(from) !== year) fields.explain = [Number(from), year];
    const query = Object.entries(fields).map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`);
    const doc = factor === 1
      ? await api('GET', `/api/report?${query.join('&')}&charts=1`)
      : await api('POST', '/api/report', {
        ...fields, charts: true,
        scale: [{ domain: $('domain').value, partner: $('partner').value, factor }],
      });
    const sheet = doc.years[0];
    $('fig-balance').textContent = fixed(sheet.balance);
    $('fig-balance-band').textContent = bandText(sheet.bands && sheet.bands.balance);
    $('fig-separation').textContent = fixed(sheet.separation);
    $('fig-max-dependence').textContent = fixed(sheet.max_dependence);
    $('fig-max-leverage').textContent = fixed(sheet.max_leverage);
    $('fig-critical').textContent = sheet.critical_pairs === null ? 'n/a' : sheet.critical_pairs;
    $('sheet-basis').textContent = basisText(sheet);
    for (const id of ['shares', 'roles', 'series', 'explain', 'alignment']) showChart(id, doc.charts[id]);
  });
}

function runShock() {
  return run('shock-panel', async () => {
    const body = { charts: true };
    if ($('scenario').value) body.scenario = $('scenario').value;
    if ($('close').value) body.close = [$('close').value];
    if (!body.scenario && !body.close) {
      for (const id of ['fig-shock-loss', 'fig-shock-direct', 'fig-extra-cost', 'fig-stranded']) $(id).textContent = '–';
      showChart('map-baseline', null);
      showChart('map-shocked', null);
      return;
    }
    const doc = await api('POST', '/api/shock', body);
    $('fig-shock-loss').textContent = fixed(doc.loss.total, 4);
    $('fig-shock-direct').textContent = fixed(doc.loss.direct_total, 4);
    $('fig-extra-cost').textContent = fixed(doc.extra_cost, 2);
    $('fig-stranded').textContent = Object.entries(doc.stranded)
      .map(([commodity, amount]) => `${commodity} ${fixed(amount, 2)}`).join(', ') || 'none';
    showChart('map-baseline', doc.charts['map-baseline']);
    showChart('map-shocked', doc.charts['map-shocked']);
  });
}

// The registry's declaration of an option (GET /api/options), by key.
let options = null;
const option = (key) => options.options.find((entry) => entry.key === key);

function runRisk() {
  return run('risk-panel', async () => {
    const body = { charts: true, draws: Number($('draws').value), level: option('risk.level').default };
    if ($('risk-scenario').value) body.scenario = $('risk-scenario').value;
    const doc = await api('POST', '/api/risk', body);
    $('fig-mean-loss').textContent = fixed(doc.mean_loss, 5);
    const tails = option('risk.level').default.map((level) => {
      const key = String(level);
      return `<div><dt>VaR ${level * 100}%</dt><dd>${fixed(doc.var[key], 5)}</dd></div>`
        + `<div><dt>CVaR ${level * 100}%</dt><dd>${fixed(doc.cvar[key], 5)}</dd></div>`;
    });
    $('fig-tails').innerHTML = tails.join('');
    showChart('loss', doc.charts.loss);
  });
}

async function start() {
  try {
    meta = await api('GET', '/api/meta');
    options = await api('GET', '/api/options');
  } catch (error) {
    status(error.message);
    return;
  }
  $('model-name').textContent = `${meta.name} (${meta.focal}), ${meta.model}`;
  fill($('year'), meta.years);
  $('year').value = meta.default_year;
  fill($('domain'), meta.domains.map((entry) => entry.id));
  fillPartners();
  fill($('scenario'), meta.scenarios);
  // The model's own scenarios come first; the first one that is not the model's default set is shown.
  const first = meta.scenarios.find((name) => name !== 'default');
  if (first) $('scenario').value = first;
  fill($('close'), meta.edges.map((edge) => edge.id), meta.edges.map((edge) => edge.label));
  fill($('risk-scenario'), meta.scenarios);
  // Every default and limit comes from the option registry and the server's limits.
  const draws = option('risk.draws');
  $('draws').min = draws.min;
  $('draws').max = Math.min(draws.max, options.limits['risk.draws'].max);
  $('draws').value = Math.min(draws.default, options.limits['risk.draws'].max);
  fill($('basis'), option('report.basis').choices.split('|'));
  $('basis').value = option('report.basis').default;
  const sensitivity = option('report.sensitivity');
  $('sensitivity').min = sensitivity.min;
  $('sensitivity').max = Math.min(sensitivity.max, options.limits['report.sensitivity'].max);
  $('sensitivity').value = sensitivity.default;
  fill($('explain-from'), meta.published_years);
  $('factor').min = options.limits['what_if.scale.factor'].min;
  $('factor').max = options.limits['what_if.scale.factor'].max;
  if (meta.scenarios.length === 0) {
    $('shock-panel').hidden = true;
    $('risk-panel').hidden = true;
  }

  $('domain').addEventListener('change', fillPartners);
  $('year').addEventListener('change', runSheet);
  $('basis').addEventListener('change', runSheet);
  $('explain-from').addEventListener('change', runSheet);
  $('sheet-form').addEventListener('submit', (event) => { event.preventDefault(); runSheet(); });
  $('scenario').addEventListener('change', runShock);
  $('close').addEventListener('change', runShock);
  $('shock-form').addEventListener('submit', (event) => { event.preventDefault(); runShock(); });
  $('risk-form').addEventListener('submit', (event) => { event.preventDefault(); runRisk(); });

  await runSheet();
  if (meta.scenarios.length > 0) {
    await runShock();
    await runRisk();
  }
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', start);
