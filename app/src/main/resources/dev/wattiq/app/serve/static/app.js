// WattIQ dashboard: reads the JSON API of wattiq serve and draws with Chart.js (served from the jar, no CDN).
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

// Three significant digits, scientific only for very small or large figures (J per token is often 1e-5 or less).
function num(v) {
  if (v === null || v === undefined) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? Number(v).toExponential(2) : String(Number(Number(v).toPrecision(3)));
}

function fmt(v, digits = 1) { return v === null || v === undefined ? '–' : Number(v).toFixed(digits); }

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
  const cfg = {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
      scales: { x: { type: 'linear', title: { display: true, text: xLabel } }, y: { beginAtZero: true, title: { display: true, text: yLabel } } },
      elements: { point: { radius: 0 } },
      plugins: { windowBands: { bands } },
    },
    plugins: [windowBands],
  };
  if (charts[id]) { charts[id].data.datasets = datasets; charts[id].options.plugins.windowBands = { bands }; charts[id].update('none'); }
  else charts[id] = new Chart(document.getElementById(id), cfg);
  document.getElementById(id).dataset.bands = String(bands.length);
  markPainted(id, datasets.reduce((n, d) => n + d.data.length, 0));
}

function bandsOf(run) {
  return (run.windows || []).map(w => ({
    start: w.start_s, end: w.start_s + w.duration_s,
    label: w.name + ' · ' + num(w.energy_j ? w.energy_j.total : null) + ' J'
      + (w.energy_per && w.energy_per.token_j !== null ? ' · ' + num(w.energy_per.token_j) + ' J/token' : ''),
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

async function refreshLive() {
  try {
    const live = await api('api/live');
    const s = live.samples;
    const last = s.length ? s[s.length - 1] : null;
    document.getElementById('live-power').textContent = (last ? fmt(last.total_w) : '–') + ' W';
    document.getElementById('live-energy').textContent = fmt(live.energy_j, 0) + ' J since start';
    document.getElementById('live-cost').textContent = fmt(live.cost, 6) + ' ' + (live.currency || '');
    document.getElementById('live-co2e').textContent = fmt(live.co2e_location_g, 3) + ' g CO2e (location)';
    const t0 = s.length ? Date.parse(s[s.length - 1].time) : Date.now();
    lineChart('live-chart', byComponent(s, t0), 'seconds (0 = now)', 'W');
    document.getElementById('status').textContent = '';
  } catch (e) {
    document.getElementById('status').textContent = 'live: ' + e.message;
  }
}

let selectedRun = null;
let frontierDrawn = false;

async function refreshRuns() {
  try {
    const body = await api('api/runs');
    const tbody = document.querySelector('#runs tbody');
    tbody.replaceChildren();
    body.runs.slice(0, 20).forEach(r => {
      const tr = document.createElement('tr');
      [r.run_id, r.job || '', r.status, fmt(r.energy_j ? r.energy_j.total : null, 2), fmt(r.power_w ? r.power_w.avg : null)].forEach(v => {
        const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
      if (r.run_id === selectedRun) tr.className = 'selected';
      tr.addEventListener('click', () => { selectedRun = r.run_id; showRun(r.run_id); refreshRuns(); });
      tbody.appendChild(tr);
    });
    document.body.dataset.runs = String(body.runs.length);
    if (!selectedRun && body.runs.length) { selectedRun = body.runs[0].run_id; showRun(selectedRun); }
    if (!frontierDrawn) { frontierDrawn = true; tuneFrontier(body.runs); }
  } catch (e) {
    document.getElementById('status').textContent = 'runs: ' + e.message;
  }
}

async function showRun(id) {
  const run = await api('api/runs/' + encodeURIComponent(id));
  document.getElementById('run-id').textContent = run.run_id;
  const t0 = Date.parse(run.started_at); // the origin of the windows' start_s too
  lineChart('run-chart', byComponent(run.samples, t0), 'seconds since start', 'W', bandsOf(run));
  const w = run.work || {};
  document.getElementById('run-work').textContent = (run.windows || []).length + ' windows'
    + (w.steps ? ' · ' + w.steps + ' steps, ' + num(run.energy_per.step_j) + ' J/step' : '')
    + (w.samples ? ' · ' + w.samples + ' samples, ' + num(run.energy_per.sample_j) + ' J/sample' : '')
    + (w.tokens ? ' · ' + w.tokens + ' tokens, ' + num(run.energy_per.token_j) + ' J/token' : '');
}

async function plan(ev) {
  ev.preventDefault();
  const f = new FormData(ev.target);
  const req = { params: f.get('params'), tokens: f.get('tokens'), hardware: f.get('hardware'), devices: Number(f.get('devices')), region: f.get('region') };
  const out = document.getElementById('plan-out');
  try {
    out.className = '';
    out.textContent = JSON.stringify(await api('api/plan/train', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) }), null, 2);
  } catch (e) {
    out.className = 'error';
    out.textContent = e.message;
  }
}

// The tuner's Pareto frontier over this store's complete runs: energy (min) against duration (min).
async function tuneFrontier(runs) {
  const note = document.getElementById('tune-note');
  const done = runs.filter(r => r.status === 'complete' && r.energy_j && r.duration_s > 0);
  if (done.length < 2) { note.textContent = 'the frontier needs at least two complete runs'; return; }
  const csv = 'name,energy_j,duration_s\n' + done.map(r => r.run_id + ',' + r.energy_j.total + ',' + r.duration_s).join('\n') + '\n';
  try {
    const body = await api('api/tune/points', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ points_csv: csv, objectives: 'energy_j:min,duration_s:min' }) });
    const on = new Set(body.frontier);
    const pts = done.map((r, i) => ({ x: r.duration_s, y: r.energy_j.total, on: on.has(i) }));
    const ds = [
      { label: 'runs', data: pts.filter(p => !p.on), backgroundColor: '#9aa5b8', pointRadius: 4 },
      { label: 'Pareto frontier', data: pts.filter(p => p.on).sort((a, b) => a.x - b.x), borderColor: '#dc3912', backgroundColor: '#dc3912',
        pointRadius: 5, showLine: true },
    ];
    const id = 'tune-chart';
    if (charts[id]) { charts[id].data.datasets = ds; charts[id].update('none'); }
    else charts[id] = new Chart(document.getElementById(id), { type: 'scatter', data: { datasets: ds },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: 'duration (s)' } }, y: { title: { display: true, text: 'energy (J)' } } } } });
    markPainted(id, pts.length);
    note.textContent = on.size + ' of ' + pts.length + ' runs on the frontier' + (body.recommended ? '; balance point: ' + body.recommended.label : '');
  } catch (e) {
    note.textContent = 'tune: ' + e.message;
  }
}

document.getElementById('plan-form').addEventListener('submit', plan);
api('api/health').then(h => { document.getElementById('host').textContent = h.host + ' · ' + h.sensors.join(', '); }).catch(() => {});
refreshLive();
refreshRuns();
setInterval(refreshLive, 2000);
setInterval(refreshRuns, 5000);
