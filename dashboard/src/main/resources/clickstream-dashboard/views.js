// The dashboard's views: windows, users and products, the generator, the topics' rates and the topic browser. Each
// shows the events of its name on the page's stream (stream.js), which the service sends when they change; the
// REST API gives the same figures to scripts. A view that cannot be had comes as a "problem" event naming it.
(() => {
  'use strict';

  const COLORS = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
  // None of the event names' colours: the late events are not one more event name.
  const LATE_COLOR = '#334155';
  const LATE_FILL = 'rgba(51, 65, 85, 0.3)';
  const counts = new Intl.NumberFormat(navigator.language, { maximumFractionDigits: 0 });
  const rates = new Intl.NumberFormat(navigator.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(navigator.language, { style: 'percent', maximumFractionDigits: 1 });
  const $ = (id) => document.getElementById(id);
  const cell = (tag, text, className) => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) {
      element.className = className;
    }
    return element;
  };
  const minute = (time) => new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const second = (time) => new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  /** A window's span, to the second when windows are shorter than a minute. */
  const span = (window) => {
    const start = parseSeedTime(window.windowStart);
    const end = parseSeedTime(window.windowEnd);
    const time = (end - start) % 60000 === 0 ? minute : second;
    return `${time(start)}–${time(end)}`;
  };
  // The API's dates are the seed's: 2026-12-02T10:15:00UTC.
  const parseSeedTime = (text) => Date.parse(text.replace(/UTC$/, 'Z'));

  const stream = window.dashboardStream;

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `${path}: HTTP ${response.status}`);
    }
    return response.json();
  }

  /**
   * A uPlot chart that is rebuilt when its series change and resized with its box. A series with bars: true is drawn
   * as bars; one with scale: 'right' against an axis of its own on the right, for figures far smaller than the rest.
   */
  function lineChart(box, valueFormat) {
    let chart = null;
    let labels = [];
    const size = () => {
      const width = Math.max(240, box.clientWidth);
      return { width, height: width < 600 ? 200 : 260 };
    };
    const fromZero = (u, min, max) => [0, Math.max(1, max * 1.1)];
    const ticks = (u, values) => values.map((tick) => valueFormat.format(tick));
    // Whole steps only: the right axis counts events, often few, and 2.5 would read as 3.
    const wholeSteps = [1, 10, 100, 1000, 10000, 100000].flatMap((power) => [power, 2 * power, 5 * power]);
    new ResizeObserver(() => chart && chart.setSize(size())).observe(box);
    return (times, series) => {
      if (typeof uPlot === 'undefined') {
        return;
      }
      const newLabels = series.map((s) => s.label);
      if (!chart || newLabels.join('\n') !== labels.join('\n')) {
        if (chart) {
          chart.destroy();
        }
        labels = newLabels;
        const right = series.some((s) => s.scale === 'right');
        chart = new uPlot({
          ...size(),
          legend: { live: false },
          // A single point would stretch the time axis over years: show a minute around it.
          scales: { x: { time: true, range: (u, min, max) => (max - min < 60 ? [min - 30, max + 30] : [min, max]) },
            y: { range: fromZero }, ...(right ? { right: { range: fromZero } } : {}) },
          axes: [{}, { values: ticks, size: 60 },
            ...(right ? [{ scale: 'right', side: 1, grid: { show: false }, values: ticks, incrs: wholeSteps, size: 50 }] : [])],
          series: [{}, ...series.map((s) => ({
            label: s.label, stroke: s.color, width: s.bars ? 1 : 2, dash: s.dash, spanGaps: false, scale: s.scale || 'y',
            fill: s.fill, paths: s.bars ? uPlot.paths.bars({ size: [0.5, 40] }) : undefined,
            points: { show: !s.bars, size: 5 }, value: (u, v) => (v == null ? '—' : valueFormat.format(v)),
          }))],
        }, [times, ...series.map((s) => s.values)], box);
      } else {
        chart.setData([times, ...series.map((s) => s.values)]);
      }
      box.dataset.points = String(times.length);
    };
  }

  // --- Windows, users and products -------------------------------------------------------------------------------

  const windowsChart = lineChart($('windows-chart'), counts);
  const usersChart = lineChart($('users-chart'), counts);
  let windowNames = [];
  let newestWindows = null;
  // The windows are shown without the late events when those cannot be had, not the other way round.
  let late = { windows: null };

  function showWindows() {
    if (!newestWindows) {
      return;
    }
    const windows = [...newestWindows].sort((a, b) => parseSeedTime(a.windowStart) - parseSeedTime(b.windowStart));
    // Windows with no late event are not listed: none came late for them since the count's start.
    const lateByStart = late.windows && new Map(late.windows.map((w) => [parseSeedTime(w.windowStart), w.lateEvents]));
    const lateEvents = (w) => (lateByStart ? lateByStart.get(parseSeedTime(w.windowStart)) ?? 0 : null);
    windowNames = windows.length ? Object.keys(windows[windows.length - 1].counts) : windowNames;
    const times = windows.map((w) => parseSeedTime(w.windowStart) / 1000);
    // Each name has a solid line through the final windows and a dashed one from the last final into the open ones.
    const lastFinal = windows.map((w) => w.final).lastIndexOf(true);
    const series = windowNames.flatMap((name, i) => [
      { label: name, color: COLORS[i % COLORS.length], values: windows.map((w) => (w.final ? w.counts[name] : null)) },
      { label: `${name} (open)`, color: COLORS[i % COLORS.length], dash: [6, 4],
        values: windows.map((w, index) => (!w.final || index === lastFinal ? w.counts[name] : null)) },
    ]);
    series.push({ label: 'late events (bars, right axis)', color: LATE_COLOR, fill: LATE_FILL, bars: true, scale: 'right',
      values: windows.map(lateEvents) });
    windowsChart(times, series);
    usersChart(times, [
      { label: 'users (final)', color: COLORS[4], values: windows.map((w) => (w.final && w.uniqueUsers ? w.uniqueUsers.estimate : null)) },
      { label: 'users (open)', color: COLORS[4], dash: [6, 4],
        values: windows.map((w, index) => ((!w.final || index === lastFinal) && w.uniqueUsers ? w.uniqueUsers.estimate : null)) },
    ]);
    showWindowsTable(windows.slice(-10).reverse(), lateEvents);
    $('windows-note').textContent = [windows.length ? '' : 'No window yet: windows appear with the first events',
      late.error ? `Late events: ${late.error}` : ''].filter(Boolean).join('; ');
    $('late-from').textContent = late.from ? new Date(late.from).toLocaleString() : '—';
    showProducts('open', windows.filter((w) => !w.final).pop());
    showProducts('final', windows.filter((w) => w.final).pop());
  }

  function showWindowsTable(windows, lateEvents) {
    const head = $('windows-head');
    const lateHead = cell('th', 'late', 'num');
    lateHead.title = 'events that came after the window had closed, from the late-events topic';
    head.replaceChildren(cell('th', 'Window'), cell('th', 'State'),
      ...windowNames.map((name) => cell('th', name, 'num')), lateHead, cell('th', 'users', 'num'),
      cell('th', 'view → basket', 'num'), cell('th', 'basket → purchase', 'num'));
    head.querySelectorAll('th').forEach((th) => th.setAttribute('scope', 'col'));
    $('windows').replaceChildren(...windows.map((w) => {
      const row = document.createElement('tr');
      row.dataset.windowStart = w.windowStart;
      const start = cell('th', span(w));
      start.setAttribute('scope', 'row');
      const state = cell('td', w.final ? 'final' : 'open');
      state.className = 'state';
      state.dataset.final = String(w.final);
      row.append(start, state, ...windowNames.map((name) => {
        const count = cell('td', counts.format(w.counts[name] ?? 0), 'num');
        count.dataset.count = name;
        return count;
      }),
      lateCell(lateEvents(w)),
      cell('td', w.uniqueUsers ? counts.format(w.uniqueUsers.estimate) : '—', 'num'),
      cell('td', ratio(w.conversion && w.conversion.viewToBasket), 'num'),
      cell('td', ratio(w.conversion && w.conversion.basketToPurchase), 'num'));
      return row;
    }));
  }

  const ratio = (value) => (value == null ? '—' : percent.format(value));

  function lateCell(late) {
    const element = cell('td', late == null ? '—' : counts.format(late), 'num late');
    element.dataset.late = late == null ? '' : String(late);
    return element;
  }

  function showProducts(which, window) {
    $(`products-${which}-window`).textContent = window ? span(window) : '';
    for (const kind of ['viewed', 'purchased']) {
      const products = window && window.topProducts ? window.topProducts[kind] : [];
      $(`products-${which}-${kind}`).replaceChildren(...(products.length ? products.map((product) => {
        const item = cell('li', '');
        item.append(cell('span', product.productId, 'product'), cell('span', counts.format(product.count), 'num'));
        if (product.lowerBound !== product.upperBound) {
          item.title = `between ${counts.format(product.lowerBound)} and ${counts.format(product.upperBound)}`;
        }
        return item;
      }) : [cell('li', window ? 'none' : 'no window yet', 'muted')]));
    }
  }

  function showSummary(summary) {
    const users = summary.allTime && summary.allTime.uniqueUsers;
    $('users-all-time').textContent = users
      ? `${counts.format(users.estimate)} (${counts.format(users.lowerBound)}–${counts.format(users.upperBound)})`
      : '—';
    $('users-error').textContent = percent.format(summary.relativeStandardError);
  }

  // --- Generator -------------------------------------------------------------------------------------------------

  let generatorPaused = false;
  let rateFilled = false;

  function showGenerator(status) {
    $('generator-status').textContent = status.paused ? 'paused' : 'running';
    $('generator-model').textContent = status.model;
    $('generator-seed').textContent = String(status.seed);
    $('generator-rate').textContent = counts.format(status.rate);
    $('generator-acknowledged').textContent = counts.format(status.acknowledged);
    generatorPaused = status.paused;
    const pause = $('generator-pause');
    pause.textContent = status.paused ? 'Resume' : 'Pause';
    pause.setAttribute('aria-pressed', String(status.paused));
    // Filled in once, from the first answer: after that the field is the user's, whatever they type or clear.
    if (!rateFilled) {
      $('generator-rate-input').value = String(status.rate);
      rateFilled = true;
    }
    $('generator-form').querySelectorAll('button, input').forEach((control) => { control.disabled = false; });
  }

  function generatorUnreachable(error) {
    $('generator-status').textContent = 'unreachable';
    $('generator-message').textContent = error.message;
    $('generator-form').querySelectorAll('button, input').forEach((control) => { control.disabled = true; });
  }

  async function changeGenerator(change) {
    const response = await fetch('api/dashboard/generator', {
      method: 'PATCH', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(change),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('generator-message').textContent = answer.detail || `HTTP ${response.status}`;
      return;
    }
    showGenerator(answer);
    $('generator-message').textContent = 'rate' in change ? `Rate set to ${counts.format(answer.rate)} /s`
      : (answer.paused ? 'Paused' : 'Resumed');
  }

  $('generator-form').addEventListener('submit', (event) => {
    event.preventDefault();
    changeGenerator({ rate: Number($('generator-rate-input').value) }).catch(generatorUnreachable);
  });
  $('generator-pause').addEventListener('click', () => changeGenerator({ paused: !generatorPaused }).catch(generatorUnreachable));

  // --- Topic rates -----------------------------------------------------------------------------------------------

  const topicRatesChart = lineChart($('topic-rates-chart'), rates);

  function showTopicRates(sample) {
    $('topic-rates-note').textContent = sample.stale ? `Kafka did not answer: ${sample.error}; figures of the last sample`
      : `Sampled every ${sample.intervalSeconds} s from the brokers' end offsets, log sizes and the groups' committed offsets`;
    $('topic-rates').replaceChildren(...sample.topics.map((topic) => {
      const row = document.createElement('tr');
      row.dataset.topic = topic.name;
      const name = cell('th', topic.name);
      name.setAttribute('scope', 'row');
      row.append(name, cell('td', rateText(topic.recordsPerSecond), 'num'), cell('td', rateText(topic.bytesPerSecond), 'num'),
        cell('td', counts.format(topic.records), 'num'));
      return row;
    }));
    $('group-rates').replaceChildren(...sample.groups.map((group) => {
      const row = document.createElement('tr');
      const name = cell('th', group.groupId);
      name.setAttribute('scope', 'row');
      row.append(name, cell('td', group.topic), cell('td', rateText(group.recordsPerSecond), 'num'),
        cell('td', rateText(group.bytesPerSecond), 'num'), cell('td', group.lag == null ? '—' : counts.format(group.lag), 'num'));
      return row;
    }));
    const busy = sample.topics.filter((topic) => topic.history.some((point) => point[1] > 0));
    const times = [...new Set(busy.flatMap((topic) => topic.history.map((point) => point[0])))].sort((a, b) => a - b);
    if (times.length < 2) {
      return; // a rate over time needs two samples of rates
    }
    topicRatesChart(times.map((t) => t / 1000), busy.map((topic, i) => {
      const byTime = new Map(topic.history.map((point) => [point[0], point[1]]));
      return { label: topic.name, color: COLORS[i % COLORS.length], values: times.map((t) => byTime.get(t) ?? null) };
    }));
  }

  const rateText = (value) => (value == null ? '—' : rates.format(value));

  // --- Topic browser ---------------------------------------------------------------------------------------------

  let browsedTopic = null;
  let browserPaused = false;
  let newestRecords = null;

  async function loadTopics() {
    const topics = await getJson('api/topics');
    $('browser-topics').replaceChildren(...topics.map((topic) => {
      const button = cell('button', topic.name);
      button.type = 'button';
      button.dataset.topic = topic.name;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', () => chooseTopic(topic.name));
      return button;
    }));
    if (topics.length) {
      chooseTopic(topics[0].name);
    } else {
      stream.tail(null);
    }
  }

  function chooseTopic(name) {
    browsedTopic = name;
    newestRecords = null;
    $('browser-topics').querySelectorAll('button')
      .forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.topic === name)));
    $('browser-records').replaceChildren();
    $('browser-note').textContent = `Reading the newest records of ${name}…`;
    stream.tail(name);
  }

  function showRecords() {
    if (!newestRecords || newestRecords.topic !== browsedTopic || browserPaused) {
      return;
    }
    const { topic, records } = newestRecords;
    $('browser-records').replaceChildren(...records.map((record) => {
      const row = document.createElement('tr');
      row.tabIndex = 0;
      row.dataset.partition = String(record.partition);
      row.dataset.offset = String(record.offset);
      row.setAttribute('aria-label', `partition ${record.partition}, offset ${record.offset}: open the whole record`);
      const value = cell('td', record.value + (record.truncated ? '…' : ''), 'value');
      row.append(cell('td', String(record.partition), 'num'), cell('td', String(record.offset), 'num'),
        cell('td', new Date(record.timestamp).toLocaleTimeString()), cell('td', record.key ?? '—'), value);
      const headers = Object.entries(record.headers || {});
      if (headers.length) {
        value.append(cell('div', headers.map(([name, text]) => `${name}: ${text}`).join(' · '), 'headers'));
      }
      const open = () => openRecord(topic, record.partition, record.offset).catch(browserError);
      row.addEventListener('click', open);
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      });
      return row;
    }));
    $('browser-note').textContent = `${records.length} newest committed records of ${topic}`;
  }

  async function openRecord(topic, partition, offset) {
    const record = await getJson(`api/topics/${encodeURIComponent(topic)}/records/${partition}/${offset}`);
    $('record-title').textContent = `${topic}, partition ${partition}, offset ${offset}`;
    const meta = [['timestamp', new Date(record.timestamp).toISOString()], ['key', record.key ?? '—'],
      ['bytes', counts.format(record.valueBytes)], ...Object.entries(record.headers || {})];
    $('record-meta').replaceChildren(...meta.flatMap(([term, value]) => [cell('dt', term), cell('dd', value)]));
    let value = record.value;
    try {
      value = JSON.stringify(JSON.parse(record.value), null, 2);
    } catch (notJson) {
      // shown as it came
    }
    $('record-value').textContent = value;
    $('record-dialog').showModal();
  }

  function browserError(error) {
    $('browser-note').textContent = error.message;
  }

  $('browser-pause').addEventListener('click', () => {
    browserPaused = !browserPaused;
    const button = $('browser-pause');
    button.textContent = browserPaused ? 'Resume' : 'Pause';
    button.setAttribute('aria-pressed', String(browserPaused));
    $('browser-note').textContent = browserPaused ? 'Paused: the records below stay as they are' : '';
    showRecords();
  });

  // --- The stream ------------------------------------------------------------------------------------------------

  stream.on('windows', (windows) => {
    newestWindows = windows;
    showWindows();
  });
  stream.on('late', (view) => {
    late = view;
    showWindows();
  });
  stream.on('summary', showSummary);
  stream.on('generator', showGenerator);
  stream.on('rates', showTopicRates);
  stream.on('records', (view) => {
    newestRecords = view;
    showRecords();
  });
  const problemShown = {
    windows: (detail) => { $('windows-note').textContent = detail; },
    late: (detail) => {
      late = { error: detail, windows: null };
      showWindows();
    },
    summary: (detail) => { $('users-all-time').textContent = detail; },
    generator: (detail) => generatorUnreachable(new Error(detail)),
    rates: (detail) => { $('topic-rates-note').textContent = detail; },
    records: (detail, problem) => {
      if (problem.topic === browsedTopic) {
        browserError(new Error(detail));
      }
    },
  };
  stream.on('problem', (problem) => (problemShown[problem.view] || (() => {}))(problem.detail, problem));
  // The stream opens once the topic to tail is known; without the topics, it opens tailing none.
  loadTopics().catch((error) => {
    browserError(error);
    stream.tail(null);
  });
})();
