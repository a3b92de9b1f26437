import {get} from './api.js';
import {fill, formatTime, h, show} from './dom.js';

const PAGE_SIZE = 20;

export async function membersPage(app, nav) {
  const search = h('input', {id: 'member-search', type: 'search', name: 'appUserName', autocomplete: 'off'});
  const results = h('div', {id: 'members', 'aria-live': 'polite'});
  let page = 0;

  async function load() {
    const query = new URLSearchParams({page, pageSize: PAGE_SIZE});
    if (search.value.trim()) query.set('appUserName', search.value.trim());
    const members = await get(`/console/v1/apps/${app.id}/members?${query}`);
    fill(results, membersTable(members), pager(members, next => { page = next; load(); }));
  }

  const form = h('form', {class: 'inline', role: 'search', onsubmit: event => {
    event.preventDefault();
    page = 0;
    load();
  }}, h('label', {for: 'member-search'}, 'Search by name', search), h('button', {type: 'submit'}, 'Search'));
  show(h('h1', {}, `${app.name}: members`), nav, form, results);
  await load();
}

function membersTable(members) {
  if (members.content.length === 0) return h('p', {class: 'muted'}, 'No members found.');
  return h('div', {class: 'table-wrap'}, h('table', {},
    h('caption', {class: 'visually-hidden'}, 'Members'),
    h('thead', {}, h('tr', {}, ['Member id', 'appUserId', 'Name', 'Created'].map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, members.content.map(member => h('tr', {'data-app-user-id': member.appUserId},
      h('td', {}, member.id), h('td', {}, member.appUserId), h('td', {}, member.appUserName || '—'),
      h('td', {}, formatTime(member.createdAt)))))));
}

/** Previous/next over a 0-based page of the API. */
export function pager(page, go) {
  if (page.totalPages <= 1) return null;
  return h('nav', {class: 'pager', 'aria-label': 'Pages'},
    h('button', {type: 'button', disabled: page.first, onclick: () => go(page.number - 1)}, 'Previous'),
    h('span', {}, `Page ${page.number + 1} of ${page.totalPages}`),
    h('button', {type: 'button', disabled: page.last, onclick: () => go(page.number + 1)}, 'Next'));
}
