import {del, feature, get, message, post, put} from './api.js';
import {confirmDialog, copyable, fill, formatTime, h, show} from './dom.js';

/** The app's callback (FlipFlop's App Callback API): where state changes are delivered, and how that went. */
export async function webhooksPage(app, nav) {
  const body = h('div', {id: 'webhooks'});
  show(h('h1', {}, `${app.name}: webhooks`), nav, body);
  const base = `/console/v1/apps/${app.id}/callback`;
  const callback = await feature(body, base, 'webhooks-unavailable', 'Webhooks are not available on this server yet.');
  if (!callback) return;
  const secretBox = h('div');
  const error = h('p', {class: 'error', role: 'alert'});
  const log = h('div', {id: 'deliveries'});

  const url = h('input', {id: 'callback-url', type: 'url', required: true, value: callback.callbackUrl || '', placeholder: 'https://example.com/flipflop'});
  const id = h('input', {id: 'callback-id', required: true, value: callback.callbackId || '', autocomplete: 'off'});
  const password = h('input', {id: 'callback-password', type: 'password', required: true, autocomplete: 'new-password'});
  const form = h('form', {class: 'stack', onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const saved = await put(base, {callbackUrl: url.value, callbackId: id.value, callbackPassword: password.value});
      password.value = '';
      if (saved.signingSecret) fill(secretBox, signingSecret(saved.signingSecret));
      registered(true);
    } catch (e) {
      error.textContent = message(e);
    }
  }},
  h('label', {for: 'callback-url'}, 'Callback URL', url),
  h('label', {for: 'callback-id'}, 'Callback id (Basic auth user)', id),
  h('label', {for: 'callback-password'}, 'Callback password (Basic auth)', password),
  h('button', {type: 'submit', class: 'primary'}, 'Save'));

  const actions = h('div', {class: 'actions'});
  function registered(yes) {
    fill(actions, ...(yes ? [
      h('button', {type: 'button', onclick: async () => {
        try {
          const sent = await post(`${base}/test`);
          error.textContent = '';
          await loadLog(`Test delivery ${sent.deliveryId} queued.`);
        } catch (e) {
          error.textContent = message(e);
        }
      }}, 'Send test'),
      h('button', {type: 'button', onclick: async () => {
        if (!await confirmDialog('Rotate the signing secret?', 'Deliveries will be signed with a new secret; '
          + 'your receiver needs it to verify them.', 'Rotate')) return;
        try {
          fill(secretBox, signingSecret((await post(`${base}/signing-secret`)).signingSecret));
        } catch (e) {
          error.textContent = message(e);
        }
      }}, 'Rotate signing secret…'),
      h('button', {type: 'button', class: 'danger', onclick: async () => {
        if (!await confirmDialog('Remove the callback?', 'State changes will no longer be delivered.', 'Remove')) return;
        await del(base);
        registered(false);
      }}, 'Remove'),
    ] : [h('p', {class: 'muted'}, 'No callback registered.')]));
  }

  async function loadLog(note) {
    try {
      const {deliveries} = await get(`${base}/deliveries?limit=50`);
      fill(log, note ? h('p', {role: 'status'}, note) : null, deliveriesTable(deliveries));
    } catch (e) {
      fill(log, h('p', {class: 'error'}, message(e)));
    }
  }

  registered(callback.registered);
  fill(body, secretBox, form, error, actions,
    h('h2', {}, 'Delivery log'), h('button', {type: 'button', onclick: () => loadLog()}, 'Refresh'), log);
  await loadLog();
}

function signingSecret(secret) {
  return h('section', {class: 'secret', 'aria-label': 'Signing secret'},
    h('p', {}, 'The signing secret of X-FlipFlop-Signature, shown this once:'), h('p', {}, copyable(secret, 'signing secret')));
}

function deliveriesTable(deliveries) {
  if (deliveries.length === 0) return h('p', {class: 'muted'}, 'No deliveries yet.');
  return h('div', {class: 'table-wrap'}, h('table', {},
    h('caption', {class: 'visually-hidden'}, 'Deliveries, newest first'),
    h('thead', {}, h('tr', {}, ['Created', 'Type', 'Resource', 'State', 'Attempts', 'Next attempt'].map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, deliveries.map(d => h('tr', {},
      h('td', {}, formatTime(d.createdAt)), h('td', {}, d.type), h('td', {}, d.resourceId), h('td', {}, d.state),
      h('td', {}, (d.attempts || []).map(a => h('div', {},
        `${formatTime(a.attemptedAt)}: ${a.statusCode || a.error || '—'} (${a.durationMs} ms)`))),
      h('td', {}, formatTime(d.nextAttemptAt)))))));
}
