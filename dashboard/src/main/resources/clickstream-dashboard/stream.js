// The page's one connection to the service: an EventSource on api/dashboard/stream that carries every figure the
// page shows, each as a named event sent when it changes. dashboard.js and views.js listen through stream.on; the
// topic browser picks the topic whose records the stream carries with stream.tail, which opens the stream anew.
window.dashboardStream = (() => {
  'use strict';

  const handlers = new Map(); // event name -> functions of the parsed data
  const connectionHandlers = [];
  let source = null;

  function dispatch(name, event) {
    const data = JSON.parse(event.data);
    handlers.get(name).forEach((handler) => handler(data));
  }

  function open(topic) {
    if (source) {
      source.close();
    }
    source = new EventSource(topic ? `api/dashboard/stream?topic=${encodeURIComponent(topic)}` : 'api/dashboard/stream');
    source.onopen = () => connectionHandlers.forEach((handler) => handler(true));
    source.onerror = () => connectionHandlers.forEach((handler) => handler(false));
    for (const name of handlers.keys()) {
      source.addEventListener(name, (event) => dispatch(name, event));
    }
  }

  return {
    /** Calls handler with the data of every event of this name; register before the stream opens. */
    on(name, handler) {
      if (!handlers.has(name)) {
        handlers.set(name, []);
      }
      handlers.get(name).push(handler);
    },
    /** Calls handler with true when the stream opens, false when it breaks (the browser then reconnects). */
    onConnection(handler) {
      connectionHandlers.push(handler);
    },
    /** Opens the stream, carrying the newest records of the topic, or of none. */
    tail(topic) {
      open(topic);
    },
  };
})();
