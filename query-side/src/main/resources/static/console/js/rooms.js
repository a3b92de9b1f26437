import {get, getShowing, listing, message, post} from './api.js';
import {announce, copyable, fill, formatTime, h, show, stateBadge} from './dom.js';
import {liveEvents} from './live.js';
import {pager} from './members.js';
import {player} from './player.js';

const PAGE_SIZE = 20;

/** The app's rooms; their state badges follow the live events, and a new room reloads the page of the list. */
export async function roomsPage(app, nav) {
  const results = h('div', {id: 'rooms'});
  let page = 0;

  /** The page of the list; with a room's id, once it is on it (a live event told of it). */
  async function load(videoRoomId) {
    const rooms = await getShowing(`/console/v1/apps/${app.id}/video-rooms?page=${page}&pageSize=${PAGE_SIZE}`,
      listing(videoRoomId));
    fill(results, roomsTable(app, rooms), pager(rooms, next => { page = next; load(); }));
  }

  liveEvents.listen(event => {
    if (event.type === 'RECONNECTED') load();
    if (event.type !== 'VIDEO_ROOM') return;
    const badge = results.querySelector(`[data-room-id="${event.videoRoomId}"] .state`);
    if (badge) {
      setState(badge, event.videoRoomState);
      announce(`Room ${event.videoRoomId} is ${event.videoRoomState}`);
    } else if (page === 0) {
      load(event.videoRoomId);
    }
  });
  show(h('h1', {}, `${app.name}: video rooms`), nav,
    h('p', {class: 'muted'}, 'States change here as they happen.'), results);
  await load();
}

function setState(badge, state) {
  badge.textContent = state;
  badge.dataset.state = state;
}

function roomsTable(app, rooms) {
  if (rooms.content.length === 0) {
    return h('p', {class: 'muted'}, 'No video rooms yet. Your app server creates them with the App API.');
  }
  return h('div', {class: 'table-wrap'}, h('table', {},
    h('caption', {class: 'visually-hidden'}, 'Video rooms'),
    h('thead', {}, h('tr', {}, ['Room', 'Title', 'Owner', 'State', 'Access', 'Created'].map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, rooms.content.map(room => h('tr', {'data-room-id': room.id},
      h('td', {}, h('a', {href: `#/apps/${app.id}/rooms/${room.id}`}, room.id)),
      h('td', {}, room.title || '—'),
      h('td', {}, room.member ? room.member.appUserId : '—'),
      h('td', {}, stateBadge(room.videoRoomState)),
      h('td', {}, room.accessLevel),
      h('td', {}, formatTime(room.createdAt)))))));
}

/** One room: its state (live), the ingest settings for OBS, a player, and its audited history. */
export async function roomPage(app, nav, roomId) {
  const room = await get(`/console/v1/apps/${app.id}/video-rooms/${roomId}`);
  const state = stateBadge(room.videoRoomState, {id: 'room-state'});
  const vodState = h('span', {id: 'vod-state'}, room.vodState || '—');
  const history = h('div', {id: 'history'});
  const ingest = h('div', {id: 'ingest'});
  const play = player(() => room.vodState === 'ARCHIVED' && room.vodUrl ? room.vodUrl : `/live/${room.id}/index.m3u8`,
    () => post(`/console/v1/apps/${app.id}/video-rooms/${room.id}/streaming-tokens`));

  function changed(videoRoomState, newVodState) {
    setState(state, videoRoomState);
    if (newVodState) {
      vodState.textContent = newVodState;
      room.vodState = newVodState;
    }
    room.videoRoomState = videoRoomState;
    announce(`The room is ${videoRoomState}`);
    loadHistory();
    if (newVodState === 'ARCHIVED' && !room.vodUrl) {
      // the event does not carry the recording's URL; the room's answer does, once its read model has it
      getShowing(`/console/v1/apps/${app.id}/video-rooms/${room.id}`, answer => answer.vodUrl)
        .then(now => { room.vodUrl = now.vodUrl; });
    }
  }

  async function loadHistory() {
    try {
      const audit = await get(`/console/v1/apps/${app.id}/video-rooms/${room.id}/events`);
      fill(history, historyTable(audit.events));
    } catch (e) {
      fill(history, h('p', {class: 'error'}, message(e)));
    }
  }

  liveEvents.listen(async event => {
    if (event.type === 'RECONNECTED') {
      const now = await get(`/console/v1/apps/${app.id}/video-rooms/${room.id}`);
      changed(now.videoRoomState, now.vodState);
    } else if (event.type === 'VIDEO_ROOM' && String(event.videoRoomId) === String(room.id)) {
      changed(event.videoRoomState, event.vodState);
    } else if (event.type === 'STREAM_KEY' && room.member && String(event.memberId) === String(room.member.id)) {
      loadHistory();
    }
  });

  ingest.append(h('button', {type: 'button', onclick: async () => {
    try {
      const key = await get(`/console/v1/apps/${app.id}/video-rooms/${room.id}/stream-key`);
      fill(ingest, h('dl', {class: 'kv'},
        h('dt', {}, 'Server'), h('dd', {}, copyable(key.ingestUrl, 'server URL')),
        h('dt', {}, 'Stream key'), h('dd', {}, copyable(key.streamKey, 'stream key'))),
      h('p', {class: 'muted'}, 'In OBS: Settings → Stream → Service "Custom…". Keep the stream key secret.'));
    } catch (e) {
      fill(ingest, h('p', {class: 'error', role: 'alert'}, message(e)));
    }
  }}, 'Show the stream key'));

  show(h('h1', {}, room.title || `Room ${room.id}`), nav,
    h('p', {}, h('a', {href: `#/apps/${app.id}/rooms`}, '← All video rooms')),
    h('div', {class: 'grid2'},
      h('section', {class: 'panel', 'aria-labelledby': 'room-details'},
        h('h2', {id: 'room-details'}, 'Room'),
        h('dl', {class: 'kv'},
          h('dt', {}, 'State'), h('dd', {'aria-live': 'polite'}, state),
          h('dt', {}, 'Recording'), h('dd', {}, vodState),
          h('dt', {}, 'Owner'), h('dd', {}, room.member ? `${room.member.appUserId} (${room.member.appUserName || 'no name'})` : '—'),
          h('dt', {}, 'Access level'), h('dd', {}, room.accessLevel),
          h('dt', {}, 'Type'), h('dd', {}, room.type),
          h('dt', {}, 'Scheduled'), h('dd', {}, formatTime(room.scheduledAt))),
        h('h2', {}, 'Publish from OBS'), ingest),
      h('section', {class: 'panel', 'aria-labelledby': 'player-title'},
        h('h2', {id: 'player-title'}, 'Player'), play)),
    h('h2', {}, 'State history'), history);
  await loadHistory();
}

function historyTable(events) {
  if (events.length === 0) return h('p', {class: 'muted'}, 'No events.');
  return h('div', {class: 'table-wrap'}, h('table', {},
    h('caption', {class: 'visually-hidden'}, 'The room\'s events, oldest first'),
    h('thead', {}, h('tr', {}, ['When', 'Event', 'Of', 'State after', 'By'].map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, events.map(event => h('tr', {},
      h('td', {}, formatTime(event.timestamp)),
      h('td', {}, event.type),
      h('td', {}, event.stream === 'STREAM_KEY' ? 'stream key' : 'room'),
      h('td', {}, stateAfter(event.payload)),
      h('td', {}, [event.origin, event.actor].filter(Boolean).join(' ') || '—'))))));
}

function stateAfter(payload) {
  if (!payload) return '—';
  return payload.state || payload.videoRoomState || payload.streamKeyState || '—';
}
