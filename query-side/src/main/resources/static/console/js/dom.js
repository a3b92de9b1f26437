// Builds DOM nodes from data without innerHTML, so nothing the API returns is ever parsed as markup.

/** h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content; absent parts (null, undefined, false) are left out rather than shown. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
}

/** Replaces the main region's content and moves focus to its heading, as a page load would. */
export function show(...children) {
  const main = document.getElementById('main');
  fill(main, ...children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    document.title = heading.textContent + ' · FlipFlop console';
  }
}

/** Tells screen readers about something that changed without moving focus. */
export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 50);
}

export function stateBadge(state, attrs = {}) {
  return h('span', {class: 'state', 'data-state': state || '', ...attrs}, state || '—');
}

export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** A value with a button that copies it; the value is shown, so copying is a convenience, not the only way. */
export function copyable(value, label) {
  const status = h('span', {class: 'muted', role: 'status'});
  return [
    h('code', {class: 'value'}, value),
    h('button', {type: 'button', 'aria-label': 'Copy ' + label, onclick: async () => {
      try {
        await navigator.clipboard.writeText(value);
        status.textContent = 'Copied';
      } catch {
        status.textContent = 'Select the text to copy it';
      }
    }}, 'Copy'),
    status,
  ];
}

/** A modal confirmation (native dialog: focus is trapped and Escape cancels). Resolves true on confirm. */
export function confirmDialog(title, text, confirmLabel) {
  return new Promise(resolve => {
    const dialog = h('dialog', {'aria-labelledby': 'confirm-title'},
      h('h2', {id: 'confirm-title'}, title),
      h('p', {}, text),
      h('form', {method: 'dialog', class: 'actions'},
        h('button', {value: 'cancel', autofocus: true}, 'Cancel'),
        h('button', {value: 'confirm', class: 'danger'}, confirmLabel)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}
