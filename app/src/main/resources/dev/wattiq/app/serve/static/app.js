// WattIQ dashboard: draws the data the page arrived with (wattiq serve embeds it, so no panel is blank at load), then
// keeps it live through the JSON API. Chart.js is served from the jar (no CDN).
'use strict';

const COLORS = ['#3366cc', '#dc3912', '#ff9900', '#109618', '#990099', '#0099c6', '#dd4477', '#66aa00'];
const charts = {};

function token() { return sessionStorage.getItem('wattiq-token'); }

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers['Authorization'] = 'Bearer ' + token();
  const res = await fetch(path, Object.assign({}, options, { headers }));
  if (res.status === 401) {
    const t = window.prompt('This wattiq serve needs its bearer token (from --token-file):');
    if (t) { sessionStorage.setItem('wattiq-token', t.trim()); return api(path, options); }
  }
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

// Numbers: three significant digits, thousands separators, and a unit (or currency) on every figure.
const SIG = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
function num(v) { return SIG.format(v); }
function missing(v) { return v === null || v === undefined || !Number.isFinite(Number(v)); }
function scaled(v, units) { // units: [[factor, name], ...] from the largest down
  if (missing(v)) return '–';
  const a = Math.abs(v);
  if (a === 0) return '0 ' + (units.find(([f]) => f === 1) || units[units.length - 1])[1];
  for (const [f, name] of units) if (a >= f) return num(v / f) + ' ' + name;
  const [f, name] = units[units.length - 1];
  return num(v / f) + ' ' + name;
}
function joules(v) { return scaled(v, [[3.6e9, 'MWh'], [3.6e6, 'kWh'], [1e3, 'kJ'], [1, 'J'], [1e-3, 'mJ'], [1e-6, 'µJ']]); }
function watts(v) { return scaled(v, [[1e6, 'MW'], [1e3, 'kW'], [1, 'W'], [1e-3, 'mW']]); }
function co2e(kg) { return scaled(kg, [[1e3, 't'], [1, 'kg'], [1e-3, 'g'], [1e-6, 'mg'], [1e-9, 'µg']]); }
// a short run's bill can be a millionth of a cent: 2.07e-7 USD, not 0.000000207 USD
function amount(v) { const a = Math.abs(Number(v)); return a > 0 && a < 1e-3 ? Number(v).toExponential(2) : num(v); }
function money(cost) { return !cost || missing(cost.amount) ? '–' : amount(cost.amount) + ' ' + (cost.currency || ''); }
function hours(h) { return missing(h) ? '–' : h >= 48 ? num(h) + ' h (' + num(h / 24) + ' days)' : num(h) + ' h'; }

// Marks the chart drawn when its canvas has painted pixels (what the headless browser test checks).
function markPainted(id, points) {
  const canvas = document.getElementById(id);
  const ctx = canvas.getContext('2d');
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
  canvas.dataset.points = String(points);
  canvas.dataset.painted = String(painted);
}

function draw(id, type, datasets, options) {
  if (charts[id]) { charts[id].data.datasets = datasets; charts[id].update('none'); }
  else charts[id] = new Chart(document.getElementById(id), { type, data: { datasets }, options });
  markPainted(id, datasets.reduce((n, d) => n + d.data.length, 0));
}

// A run's windows (epochs, evaluations...) as translucent bands behind its power lines, each with its name and joules.
const windowBands = {
  id: 'windowBands',
  beforeDatasetsDraw(chart) {
    const bands = (chart.options.plugins.windowBands || {}).bands || [];
    const { ctx, chartArea: a, scales: { x } } = chart;
    ctx.save();
    bands.forEach((b, i) => {
      const x0 = Math.max(a.left, x.getPixelForValue(b.start)), x1 = Math.min(a.right, x.getPixelForValue(b.end));
      if (!(x1 > x0)) return;
      ctx.fillStyle = i % 2 ? 'rgba(255, 153, 0, 0.16)' : 'rgba(51, 102, 204, 0.14)';
      ctx.fillRect(x0, a.top, x1 - x0, a.bottom - a.top);
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, a.top, x1 - x0, a.bottom - a.top);
      ctx.clip(); // a narrow band shows the start of its label, never text over its neighbours
      ctx.fillStyle = '#444';
      ctx.font = '11px sans-serif';
      ctx.fillText(b.label, x0 + 3, a.top + 12 + (i % 3) * 13);
      ctx.restore();
    });
    ctx.restore();
  },
};

function lineChart(id, datasets, xLabel, yLabel, bands = []) {
  const options = {
    animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
    scales: { x: { type: 'linear', title: { display: true, text: xLabel } }, y: { beginAtZero: true, title: { display: true, text: yLabel } } },
    elements: { point: { radius: 0 } },
    plugins: { windowBands: { bands } },
  };
  if (charts[id]) { charts[id].data.datasets = datasets; charts[id].options.plugins.windowBands = { bands }; charts[id].update('none'); }
  else charts[id] = new Chart(document.getElementById(id), { type: 'line', data: { datasets }, options, plugins: [windowBands] });
  document.getElementById(id).dataset.bands = String(bands.length);
  markPainted(id, datasets.reduce((n, d) => n + d.data.length, 0));
}

function bandsOf(run) {
  return (run.windows || []).map(w => ({
    start: w.start_s, end: w.start_s + w.duration_s,
    label: w.name + ' · ' + joules(w.energy_j ? w.energy_j.total : null)
      + (w.energy_per && !missing(w.energy_per.token_j) ? ' · ' + joules(w.energy_per.token_j) + '/token' : ''),
  }));
}

function byComponent(samples, t0) {
  const names = new Set();
  samples.forEach(s => Object.keys(s.by_component_w).forEach(k => names.add(k)));
  return [...names].sort().map((name, i) => ({
    label: name + ' (W)', borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], borderWidth: 1.5,
    data: samples.filter(s => !s.gap).map(s => ({ x: (Date.parse(s.time) - t0) / 1000, y: s.by_component_w[name] || 0 })),
  }));
}

function text(id, value) { document.getElementById(id).textContent = value; }

function showHealth(h) { text('host', h.host + ' · ' + h.sensors.join(', ')); }

function showLive(live) {
  const s = live.samples;
  const last = s.length ? s[s.length - 1] : null;
  text('live-power', (last ? watts(last.total_w) : '– W') + ' now');
  text('live-energy', joules(live.energy_j) + ' since start');
  text('live-cost', money({ amount: live.cost, currency: live.currency }));
  text('live-co2e', co2e(missing(live.co2e_location_g) ? null : live.co2e_location_g / 1000) + ' CO2e (location-based)');
  const t0 = s.length ? Date.parse(s[s.length - 1].time) : Date.now();
  lineChart('live-chart', byComponent(s, t0), 'seconds (0 = now)', 'W');
}

let selectedRun = null;

// Whether a run has figures: one that ended before its sensors read anything has 0 J, which is no measurement.
function measured(r) { return Boolean(r.method && r.method !== 'none' && !r.too_short && r.energy_j && r.energy_j.total > 0); }

// The run shown first: the newest with energy and a timeline, else the newest (Dashboard.shownRun on the server).
function firstShown(runs) {
  return runs.find(r => r.status === 'complete' && measured(r) && r.samples >= 2 && r.duration_s > 0) || runs[0];
}

function labelsText(labels) { return labels ? Object.entries(labels).map(([k, v]) => k + '=' + v).join(' ') : ''; }

function showRuns(body) {
  const tbody = document.querySelector('#runs tbody');
  tbody.replaceChildren();
  body.runs.slice(0, 20).forEach(r => {
    const tr = document.createElement('tr');
    const command = (r.command || []).join(' ');
    const m = measured(r);
    [[command, 'cmd'], [r.job || '', 'tag'], [labelsText(r.labels), 'tag'], [m ? r.status : r.status + ', not measured', 'tag'],
     [m && r.energy_j ? joules(r.energy_j.total) : '–', 'num'], [m ? money(r.cost) : '–', 'num'],
     [m && r.co2e_kg ? co2e(r.co2e_kg.location_based) : '–', 'num'], [r.run_id, 'run']].forEach(([v, cls]) => {
      const td = document.createElement('td'); td.textContent = v; if (cls) td.className = cls;
      if (cls === 'cmd') td.title = command;
      tr.appendChild(td);
    });
    if (r.run_id === selectedRun) tr.className = 'selected';
    tr.addEventListener('click', () => { selectedRun = r.run_id; fetchRun(r.run_id); showRuns(body); });
    tbody.appendChild(tr);
  });
  document.body.dataset.runs = String(body.runs.length);
  text('runs-note', body.runs.length === 0 ? "no runs yet: measure one with 'wattiq run -- CMD'"
    : 'newest ' + Math.min(20, body.runs.length) + ' of ' + body.runs.length + ' · CO2e location-based · click a run for its power');
}

function showRun(run) {
  if (!run) { text('run-id', ''); text('run-command', 'no run to show yet'); text('run-work', ''); return; }
  selectedRun = run.run_id;
  text('run-id', run.run_id);
  const command = (run.command || []).join(' ');
  text('run-command', (command.length > 100 ? command.slice(0, 99) + '…' : command) + ' · ' + joules(run.energy_j.total) + ' in ' + num(run.duration_s) + ' s');
  const t0 = Date.parse(run.started_at); // the origin of the windows' start_s too
  lineChart('run-chart', byComponent(run.samples, t0), 'seconds since start', 'W', bandsOf(run));
  const w = run.work || {}, per = run.energy_per || {};
  text('run-work', (run.windows || []).length + ' windows'
    + (w.steps ? ' · ' + num(w.steps) + ' steps, ' + joules(per.step_j) + '/step' : '')
    + (w.samples ? ' · ' + num(w.samples) + ' samples, ' + joules(per.sample_j) + '/sample' : '')
    + (w.tokens ? ' · ' + num(w.tokens) + ' tokens, ' + joules(per.token_j) + '/token' : ''));
}

async function fetchRun(id) {
  try { showRun(await api('api/runs/' + encodeURIComponent(id))); } catch (e) { text('status', 'run: ' + e.message); }
}

function planText(p) {
  return [
    num(p.devices) + ' devices (' + num(p.nodes) + ' nodes), utilisation ' + num(p.utilisation),
    'time             ' + hours(p.duration_h),
    'device-hours     ' + num(p.device_hours),
    'IT energy        ' + scaled(p.energy_kwh.it, [[1e3, 'MWh'], [1, 'kWh']]),
    'facility energy  ' + scaled(p.energy_kwh.facility, [[1e3, 'MWh'], [1, 'kWh']]),
    'cost             ' + money(p.cost),
    'CO2e             ' + co2e(p.co2e_kg.location_based) + ' location-based, ' + co2e(p.co2e_kg.market_based) + ' market-based',
  ].join('\n');
}

function showPlan(answer, error) {
  const out = document.getElementById('plan-out');
  out.className = error ? 'plan error' : 'plan';
  out.textContent = error || planText(answer);
}

async function plan(ev) {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const req = { params: f.get('params'), tokens: f.get('tokens'), hardware: f.get('hardware'), devices: Number(f.get('devices')), region: f.get('region') };
  try {
    showPlan(await api('api/plan/train', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) }));
  } catch (e) {
    showPlan(null, e.message);
  }
}

// The tuner's Pareto frontier over the store's runs that have both values: energy (min) against duration (min).
function showFrontier(f) {
  const pts = f.points.map(p => ({ x: p.duration_s, y: p.energy_j, on: p.on_frontier, command: p.command }));
  const ds = [
    { label: 'runs', data: pts.filter(p => !p.on), backgroundColor: '#9aa5b8', pointRadius: 4 },
    { label: 'Pareto frontier', data: pts.filter(p => p.on).sort((a, b) => a.x - b.x), borderColor: '#dc3912', backgroundColor: '#dc3912',
      pointRadius: 5, showLine: true },
  ];
  draw('tune-chart', 'scatter', ds, { animation: false, responsive: true, maintainAspectRatio: false,
    plugins: { tooltip: { callbacks: { label: c => c.raw.command + ': ' + joules(c.raw.y) + ', ' + num(c.raw.x) + ' s' } } },
    scales: { x: { title: { display: true, text: 'duration (s)' } }, y: { title: { display: true, text: 'energy (J)' } } } });
  const on = pts.filter(p => p.on).length;
  const left = f.left_out ? ' · ' + f.left_out + ' left out (' + f.left_out_reason + ')' : '';
  text('tune-note', (f.note ? f.note : on + ' of ' + pts.length + ' runs on the frontier'
    + (f.recommended ? '; balance point: ' + f.recommended.command + ' (' + f.recommended.run_id + ')' : '')) + left);
}

async function refreshLive() {
  try { showLive(await api('api/live')); text('status', ''); } catch (e) { text('status', 'live: ' + e.message); }
}

async function refreshRuns() {
  try {
    const body = await api('api/runs');
    showRuns(body);
    if (!selectedRun && body.runs.length) fetchRun(firstShown(body.runs).run_id);
    showFrontier(await api('api/frontier'));
  } catch (e) {
    text('status', 'runs: ' + e.message);
  }
}

document.getElementById('plan-form').addEventListener('submit', plan);
const embedded = document.getElementById('initial-data');
const initial = embedded ? JSON.parse(embedded.textContent) : null;
if (initial) {
  showHealth(initial.health);
  showLive(initial.live);
  showRuns(initial.runs);
  showRun(initial.run);
  showFrontier(initial.frontier);
  showPlan(initial.plan.answer, initial.plan.error);
} else {
  api('api/health').then(showHealth).catch(() => {});
  refreshLive();
  refreshRuns();
  document.getElementById('plan-form').requestSubmit();
}
setInterval(refreshLive, 2000);
setInterval(refreshRuns, 5000);
