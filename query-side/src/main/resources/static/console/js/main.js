// The console: a page per URL fragment (#/apps, #/apps/7/rooms, ...), drawn from the console API.
import {ApiError, get, message, post} from './api.js';
import {announce, confirmDialog, copyable, fill, formatTime, h, show} from './dom.js';
import {liveEvents} from './live.js';
import {membersPage} from './members.js';
import {postsPage} from './posts.js';
import {roomPage, roomsPage} from './rooms.js';
import {usagePage} from './usage.js';
import {webhooksPage} from './webhooks.js';

/**
 * Credentials answered by a create or a rotation, shown on the next page drawn and then forgotten: they live in
 * this variable only, so a reload shows them no more.
 */
let freshCredentials = null;
/** The app a create answered, drawn from that answer once: the read model may not have it yet. */
let freshApp = null;
let signedIn = false;

const routes = [
  [/^#\/login$/, () => authPage('login')],
  [/^#\/signup$/, () => authPage('signup')],
  [/^#\/apps$/, appsPage],
  [/^#\/apps\/(\d+)$/, appPage],
  [/^#\/apps\/(\d+)\/members$/, id => withApp(id, 'members', membersPage)],
  [/^#\/apps\/(\d+)\/rooms$/, id => withApp(id, 'rooms', roomsPage)],
  [/^#\/apps\/(\d+)\/rooms\/(\d+)$/, (id, roomId) => withApp(id, 'rooms', (app, nav) => roomPage(app, nav, roomId))],
  [/^#\/apps\/(\d+)\/posts$/, id => withApp(id, 'posts', postsPage)],
  [/^#\/apps\/(\d+)\/usage$/, id => withApp(id, 'usage', usagePage)],
  [/^#\/apps\/(\d+)\/webhooks$/, id => withApp(id, 'webhooks', webhooksPage)],
];

async function route() {
  const hash = location.hash || '#/apps';
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      if (!match[0].startsWith('#/apps/')) liveEvents.close();
      try {
        await page(...match.slice(1));
      } catch (error) {
        failed(error);
      }
      return;
    }
  }
  location.hash = '#/apps';
}

/** A lost session sends the user to the login page; other failures are shown where the page would be. */
function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    setSignedIn(false);
    if (!location.hash.match(/^#\/(login|signup)$/)) location.hash = '#/login';
    return;
  }
  show(h('h1', {}, 'Something went wrong'), h('p', {class: 'error', role: 'alert'}, message(error)));
}

function setSignedIn(value) {
  signedIn = value;
  const nav = document.getElementById('account');
  fill(nav, ...(value
    ? [h('a', {href: '#/apps'}, 'Apps'), h('button', {type: 'button', class: 'link', onclick: logOut}, 'Log out')]
    : [h('a', {href: '#/login'}, 'Log in'), h('a', {href: '#/signup'}, 'Sign up')]));
}

async function logOut() {
  await post('/console/v1/logout');
  liveEvents.close();
  freshCredentials = null;
  setSignedIn(false);
  location.hash = '#/login';
  announce('Logged out');
}

function authPage(kind) {
  const signup = kind === 'signup';
  const error = h('p', {class: 'error', role: 'alert', id: 'auth-error'});
  const email = h('input', {id: 'email', name: 'email', type: 'email', autocomplete: 'username', required: true});
  const password = h('input', {id: 'password', name: 'password', type: 'password', required: true,
    minlength: signup ? 8 : undefined, autocomplete: signup ? 'new-password' : 'current-password',
    'aria-describedby': signup ? 'password-hint' : undefined});
  const form = h('form', {class: 'stack', novalidate: false, onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      await post(signup ? '/console/v1/signup' : '/console/v1/login',
        {email: email.value, password: password.value});
      password.value = '';
      setSignedIn(true);
      location.hash = '#/apps';
    } catch (e) {
      error.textContent = message(e);
      password.focus();
    }
  }},
  h('label', {for: 'email'}, 'Email', email),
  h('label', {for: 'password'}, 'Password', password),
  signup ? h('p', {id: 'password-hint', class: 'muted'}, 'At least 8 characters.') : null,
  h('button', {type: 'submit', class: 'primary'}, signup ? 'Sign up' : 'Log in'),
  error);
  show(h('h1', {}, signup ? 'Sign up' : 'Log in'), form,
    h('p', {}, signup ? h('a', {href: '#/login'}, 'I have an account') : h('a', {href: '#/signup'}, 'Create an account')));
}

async function appsPage() {
  const apps = await get('/console/v1/apps');
  setSignedIn(true);
  const name = h('input', {id: 'app-name', name: 'name', required: true, maxlength: 100});
  const error = h('p', {class: 'error', role: 'alert'});
  const create = h('form', {class: 'inline', onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const created = await post('/console/v1/apps', {name: name.value});
      freshCredentials = created.credentials;
      freshApp = created.app;
      location.hash = `#/apps/${created.app.id}`;
    } catch (e) {
      error.textContent = message(e);
    }
  }}, h('label', {for: 'app-name'}, 'New app name', name), h('button', {type: 'submit', class: 'primary'}, 'Create app'));
  const list = apps.length === 0
    ? h('p', {class: 'muted'}, 'No apps yet.')
    : h('div', {class: 'table-wrap'}, h('table', {},
      h('caption', {class: 'visually-hidden'}, 'Your apps'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Name'), h('th', {scope: 'col'}, 'App id'),
        h('th', {scope: 'col'}, 'API key'), h('th', {scope: 'col'}, 'Created'))),
      h('tbody', {}, apps.map(app => h('tr', {},
        h('td', {}, h('a', {href: `#/apps/${app.id}`}, app.name)), h('td', {}, app.id),
        h('td', {}, h('code', {}, app.apiKey)), h('td', {}, formatTime(app.createdAt)))))));
  show(h('h1', {}, 'Apps'), create, error, list);
}

/** The app's tabs above each of its pages. */
function appNav(app, current) {
  const tab = (key, href, label) => h('li', {}, h('a', {href, 'aria-current': key === current ? 'page' : undefined}, label));
  return h('nav', {'aria-label': 'App'}, h('ul', {class: 'tabs'},
    tab('overview', `#/apps/${app.id}`, 'Overview'),
    tab('members', `#/apps/${app.id}/members`, 'Members'),
    tab('rooms', `#/apps/${app.id}/rooms`, 'Video rooms'),
    tab('posts', `#/apps/${app.id}/posts`, 'Video posts'),
    tab('usage', `#/apps/${app.id}/usage`, 'Usage'),
    tab('webhooks', `#/apps/${app.id}/webhooks`, 'Webhooks')));
}

async function withApp(appId, current, page) {
  const app = freshApp && String(freshApp.id) === String(appId) ? freshApp : await get(`/console/v1/apps/${appId}`);
  freshApp = null;
  setSignedIn(true);
  liveEvents.open(app.id);
  return page(app, appNav(app, current));
}

function appPage(appId) {
  return withApp(appId, 'overview', (app, nav) => {
    const secretBox = h('div', {id: 'credentials'});
    if (freshCredentials && String(freshCredentials.appId) === String(app.id)) {
      secretBox.append(credentialsPanel(freshCredentials));
    }
    freshCredentials = null;
    const rotate = h('button', {type: 'button', class: 'danger', id: 'rotate', onclick: async () => {
      const confirmed = await confirmDialog('Rotate the API credentials?',
        'A new API key and secret replace the current pair, which stops working at once. '
          + 'Your app server needs the new pair.', 'Rotate');
      if (!confirmed) return;
      try {
        const credentials = await post(`/console/v1/apps/${app.id}/credentials`);
        fill(secretBox, credentialsPanel(credentials));
        announce('New credentials created');
        secretBox.querySelector('h2').focus();
      } catch (e) {
        fill(secretBox, h('p', {class: 'error', role: 'alert'}, message(e)));
      }
    }}, 'Rotate credentials…');
    show(h('h1', {}, app.name), nav,
      h('dl', {class: 'kv'},
        h('dt', {}, 'App id'), h('dd', {}, app.id),
        h('dt', {}, 'API key'), h('dd', {}, h('code', {class: 'value', id: 'api-key'}, app.apiKey)),
        h('dt', {}, 'Created'), h('dd', {}, formatTime(app.createdAt))),
      secretBox,
      h('h2', {}, 'API credentials'),
      h('p', {class: 'muted'}, 'The API secret is shown once, when the app is created or its credentials are rotated.'),
      rotate);
  });
}

function credentialsPanel(credentials) {
  return h('section', {class: 'secret', 'aria-labelledby': 'secret-title'},
    h('h2', {id: 'secret-title', tabindex: '-1'}, 'Your API credentials'),
    h('p', {}, 'Copy the API secret now: it is shown this once and cannot be shown again.'),
    h('dl', {},
      h('dt', {}, 'API key'), h('dd', {}, copyable(credentials.apiKey, 'API key')),
      h('dt', {}, 'API secret'), h('dd', {id: 'api-secret'}, copyable(credentials.apiSecret, 'API secret'))));
}

window.addEventListener('hashchange', route);
// a failure in a click or a live update is shown (or leads to the login page) like one while drawing a page
window.addEventListener('unhandledrejection', event => {
  event.preventDefault();
  failed(event.reason);
});
setSignedIn(false);
route();
