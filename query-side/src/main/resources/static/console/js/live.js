// The app's live events (server-sent, GET /console/v1/apps/{appId}/events): one connection per open app,
// shared by whichever page is showing. Pages subscribe while they are drawn. Changes are not replayed, so
// after the browser reconnects by itself (a server restart, a dropped network) pages hear {type: 'RECONNECTED'}
// and read what they show again.

const listeners = new Set();
let source = null;
let sourceAppId = null;

export const liveEvents = {
  open(appId) {
    if (source && sourceAppId === String(appId)) return;
    this.close();
    sourceAppId = String(appId);
    source = new EventSource(`/console/v1/apps/${appId}/events`);
    // marks the page as following the app's changes (for people and for the browser test)
    let dropped = false;
    source.onopen = () => {
      document.documentElement.dataset.live = sourceAppId;
      if (dropped) notify({type: 'RECONNECTED'});
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      delete document.documentElement.dataset.live;
    };
    source.onmessage = message => notify(JSON.parse(message.data));
  },

  close() {
    if (source) source.close();
    delete document.documentElement.dataset.live;
    source = null;
    sourceAppId = null;
    listeners.clear();
  },

  /** Replaces the previous page's listener: one page is drawn at a time. */
  listen(listener) {
    listeners.clear();
    listeners.add(listener);
  },
};

function notify(event) {
  for (const listener of listeners) listener(event);
}
