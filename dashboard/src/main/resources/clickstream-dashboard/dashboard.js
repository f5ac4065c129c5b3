// The live totals, rates, lag, dead letters and latency, from the page's stream (stream.js): its first event
// ("history") carries the figures and the whole rate history; every later "state" the figures and the points since.
(() => {
  'use strict';

  const COLORS = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
  const MIN_WINDOW_MS = 5 * 60 * 1000;
  const counts = new Intl.NumberFormat(navigator.language, { maximumFractionDigits: 0 });
  const rates = new Intl.NumberFormat(navigator.language, { maximumFractionDigits: 1 });
  const seconds = new Intl.NumberFormat(navigator.language, { maximumFractionDigits: 3 });

  const $ = (id) => document.getElementById(id);

  let names = [];
  let times = [];      // seconds since the epoch, as uPlot wants them
  let series = {};     // event name -> events per second, one per time
  let windowMs = MIN_WINDOW_MS;
  let chart = null;

  function listen() {
    const stream = window.dashboardStream;
    stream.onConnection((open) => (open ? setConnection('live', 'live') : setConnection('reconnecting', 'reconnecting…')));
    stream.on('history', (state) => {
      resetHistory(state);
      show(state);
    });
    stream.on('state', (state) => {
      appendPoints(state.points);
      show(state);
    });
  }

  function setConnection(state, text) {
    const badge = $('connection');
    badge.dataset.state = state;
    badge.textContent = text;
  }

  function resetHistory(state) {
    names = Object.keys(state.totals);
    times = [];
    series = Object.fromEntries(names.map((name) => [name, []]));
    const points = state.points;
    if (points.length > 1) {
      windowMs = Math.max(MIN_WINDOW_MS, points[points.length - 1].time - points[0].time);
    }
    appendPoints(points);
    buildChart();
  }

  function appendPoints(points) {
    const last = times.length ? times[times.length - 1] * 1000 : -Infinity;
    for (const point of points) {
      if (point.time <= last) {
        continue; // already shown
      }
      for (const name of Object.keys(point.rates)) {
        if (!(name in series)) { // a name counted for the first time
          names.push(name);
          series[name] = times.map(() => null);
          buildChart();
        }
      }
      times.push(point.time / 1000);
      for (const name of names) {
        series[name].push(point.rates[name] ?? 0);
      }
    }
    const oldest = (times.length ? times[times.length - 1] : 0) - windowMs / 1000;
    let drop = 0;
    while (drop < times.length && times[drop] < oldest) {
      drop++;
    }
    if (drop > 0) {
      times.splice(0, drop);
      names.forEach((name) => series[name].splice(0, drop));
    }
    if (chart) {
      chart.setData(chartData());
    }
    $('chart').dataset.points = String(times.length);
  }

  function chartData() {
    return [times, ...names.map((name) => series[name])];
  }

  function chartSize() {
    const box = $('chart');
    const width = Math.max(240, box.clientWidth);
    return { width, height: width < 600 ? 220 : 300 };
  }

  function buildChart() {
    if (typeof uPlot === 'undefined') {
      return;
    }
    if (chart) {
      chart.destroy();
    }
    const options = {
      ...chartSize(),
      legend: { live: false },
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{}, { values: (u, ticks) => ticks.map((tick) => rates.format(tick)), size: 60 }],
      series: [
        {},
        ...names.map((name, i) => ({
          label: name,
          stroke: COLORS[i % COLORS.length],
          width: 2,
          value: (u, v) => (v == null ? '—' : rates.format(v) + ' /s'),
        })),
      ],
    };
    chart = new uPlot(options, chartData(), $('chart'));
  }

  function show(state) {
    showTotals(state);
    $('snapshot-at').textContent = state.snapshotAt ? new Date(state.snapshotAt).toLocaleTimeString() : '—';
    $('rate-in').textContent = rates.format(state.countedPerSecond);
    $('rate-out').textContent = rates.format(state.snapshotsPerSecond);
    showLag(state.lag);
    showDeadLetters(state.deadLettered);
    showProducer(state.producer, state.total);
    showLatency(state.latency);
  }

  function showTotals(state) {
    const body = $('totals');
    const newest = times.length ? times.length - 1 : -1;
    Object.entries(state.totals).forEach(([name, count], i) => {
      let row = body.querySelector(`tr[data-event-name="${CSS.escape(name)}"]`);
      if (!row) {
        row = document.createElement('tr');
        row.dataset.eventName = name;
        row.innerHTML = '<th scope="row"><span class="swatch"></span><span class="name"></span></th>'
          + '<td class="num" data-total></td><td class="num" data-rate></td>';
        row.querySelector('.swatch').style.background = COLORS[i % COLORS.length];
        row.querySelector('.name').textContent = name;
        row.querySelector('[data-total]').dataset.total = name;
        body.appendChild(row);
      }
      row.querySelector('[data-total]').textContent = state.loaded ? counts.format(count) : '…';
      const rate = newest >= 0 && series[name] ? series[name][newest] : null;
      row.querySelector('[data-rate]').textContent = rate == null ? '—' : rates.format(rate);
    });
    $('total').textContent = state.loaded ? counts.format(state.total) : '…';
    $('total-rate').textContent = rates.format(state.countedPerSecond);
  }

  function showLag(lag) {
    const partitions = Object.entries(lag.partitions);
    $('lag-total').textContent = partitions.length ? counts.format(lag.total) : '—';
    const note = lag.source === 'committed-offsets'
      ? [item('the counting group\'s, from its committed offsets, until this instance\'s consumers report theirs')] : [];
    $('lag-partitions').replaceChildren(...(partitions.length
      ? [...partitions.map(([partition, records]) => item(`${partition}: ${counts.format(records)}`)), ...note]
      : [item('none yet: the counting group has committed no offsets')]));
  }

  function showDeadLetters(deadLettered) {
    $('dead-letters').textContent = counts.format(deadLettered.total);
    $('dead-letter-reasons').replaceChildren(
      ...Object.entries(deadLettered.byReason).map(([reason, n]) => item(`${reason}: ${counts.format(n)}`)));
  }

  function showProducer(producer, counted) {
    const produced = $('produced');
    produced.classList.toggle('unreachable', producer.status !== 'reachable');
    $('counted').textContent = counts.format(counted);
    if (producer.status === 'reachable') {
      produced.textContent = counts.format(producer.produced);
      produced.title = producer.url;
      $('in-flight').textContent = counts.format(producer.produced - counted);
      $('producer-note').textContent = `Produced as the producer said ${ago(producer.readAt)}; `
        + 'a difference below zero means events were counted after that.';
    } else {
      produced.textContent = producer.status === 'not-configured' ? 'not configured'
        : producer.status === 'unknown' ? 'asking…' : 'unreachable';
      produced.title = producer.error ? `${producer.url}: ${producer.error}` : (producer.url ?? '');
      $('in-flight').textContent = '—';
      $('producer-note').textContent = '';
    }
  }

  function showLatency(latency) {
    const list = $('latency');
    if (!latency) {
      list.replaceChildren(term('not measured on this instance'), definition(''));
      return;
    }
    const rows = [['events', counts.format(latency.count)], ['mean', `${seconds.format(latency.meanSeconds)} s`]];
    Object.entries(latency.percentiles).forEach(([p, s]) => rows.push([p, `${seconds.format(s)} s`]));
    rows.push(['max', `${seconds.format(latency.maxSeconds)} s`]);
    list.replaceChildren(...rows.flatMap(([label, value]) => [term(label), definition(value)]));
  }

  const ago = (time) => {
    const secondsAgo = Math.max(0, Math.round((Date.now() - time) / 1000));
    return secondsAgo === 0 ? 'just now' : `${secondsAgo} s ago`;
  };
  const item = (text) => Object.assign(document.createElement('li'), { textContent: text });
  const term = (text) => Object.assign(document.createElement('dt'), { textContent: text });
  const definition = (text) => Object.assign(document.createElement('dd'), { textContent: text });

  new ResizeObserver(() => chart && chart.setSize(chartSize())).observe($('chart'));
  listen();
})();
