import {feature} from './api.js';
import {fill, h, show} from './dom.js';

const CHARTS = [
  {key: 'ingestMinutes', title: 'Ingest minutes', value: b => b.ingestSeconds / 60},
  {key: 'deliveredMinutes', title: 'Delivered minutes', value: b => b.deliveredViewerSeconds / 60},
  {key: 'storageBytes', title: 'Storage', value: b => b.storageBytes, format: bytes},
  {key: 'peakViewers', title: 'Peak concurrent viewers', value: b => b.peakConcurrentViewers},
];

/** The app's usage per day over the last 30 days, as charts (uPlot, bundled) with the figures as tables. */
export async function usagePage(app, nav) {
  const body = h('div', {id: 'usage'});
  show(h('h1', {}, `${app.name}: usage`), nav, body);
  const usage = await feature(body, `/console/v1/apps/${app.id}/usage?granularity=day`, 'usage-unavailable',
    'Usage is not available on this server: it does not meter usage yet.');
  if (!usage) return;
  const {default: uPlot} = await import('../vendor/uplot/uPlot.esm.js');
  const days = usage.buckets.map(b => Date.parse(b.start) / 1000);
  fill(body,
    h('p', {class: 'muted'}, `Per day, ${new Date(usage.from).toLocaleDateString()} to ${new Date(usage.to).toLocaleDateString()}.`),
    h('dl', {class: 'kv', id: 'usage-totals'},
      h('dt', {}, 'Ingest minutes'), h('dd', {id: 'usage-ingest-minutes'}, round(usage.totals.ingestSeconds / 60)),
      h('dt', {}, 'Delivered minutes'), h('dd', {}, round(usage.totals.deliveredViewerSeconds / 60)),
      h('dt', {}, 'Storage'), h('dd', {}, bytes(usage.totals.storageBytes)),
      h('dt', {}, 'Peak concurrent viewers'), h('dd', {}, usage.totals.peakConcurrentViewers)),
    h('div', {class: 'grid2'}, CHARTS.map(chart => chartPanel(uPlot, chart, days, usage.buckets.map(chart.value),
      [Date.parse(usage.from) / 1000, Date.parse(usage.to) / 1000]))));
}

function chartPanel(uPlot, chart, days, values, period) {
  const format = chart.format || round;
  const plot = h('div', {class: 'chart', role: 'img', 'aria-label': `${chart.title} per day`, 'data-chart': chart.key});
  const panel = h('section', {class: 'panel'}, h('h2', {}, chart.title), plot,
    h('details', {}, h('summary', {}, 'As a table'), h('table', {},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Day'), h('th', {scope: 'col'}, chart.title))),
      h('tbody', {}, days.map((day, i) => h('tr', {},
        h('td', {}, new Date(day * 1000).toLocaleDateString()), h('td', {}, format(values[i]))))))));
  // drawn once the panel is in the page, so its width is known
  requestAnimationFrame(() => {
    const width = () => Math.max(240, plot.clientWidth);
    const u = new uPlot({
      width: width(), height: 220,
      series: [{}, {label: chart.title, stroke: '#0a58ca', fill: 'rgba(10, 88, 202, 0.12)', points: {show: true}}],
      axes: [{}, {size: 80, values: (u, ticks) => ticks.map(format)}],
      // the whole period asked for (uPlot would stretch one day over years), amounts read from zero
      scales: {x: {range: () => period}, y: {range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1]}},
      legend: {show: false},
    }, [days, values], plot);
    new ResizeObserver(() => u.setSize({width: width(), height: 220})).observe(plot);
  });
  return panel;
}

function bytes(value) {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let scaled = value;
  let unit = 0;
  while (Math.abs(scaled) >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit++;
  }
  return `${round(scaled)} ${units[unit]}`;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
