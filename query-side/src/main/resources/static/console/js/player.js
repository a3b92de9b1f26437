import {h} from './dom.js';

/** A room's player, which plays its live stream or its recording (rooms.js). */
const ROOM_WORDS = {
  label: 'Room player',
  idle: 'Plays the live stream, the owner\'s preview or the recording.',
  nothing: 'Nothing to play: the room is neither live nor previewing, nor recorded.',
};

/**
 * An HLS player (hls.js, bundled with the console): for a room, its live stream, its owner's preview, or its
 * recording once archived; for a video post, its CMAF ladder. `source()` answers the playlist's path when Play is
 * pressed. It plays with a streaming token of the owner, fetched on each start and kept only by the player.
 * `words` name what it plays: {label, idle, nothing} (the video's label, the first status, and a 404's).
 */
export function player(source, streamingToken, words = ROOM_WORDS) {
  const video = h('video', {id: 'player', controls: true, playsinline: true, 'aria-label': words.label});
  video.muted = true; // browsers start only muted playback without a click on the video itself
  const status = h('p', {class: 'muted', role: 'status', id: 'player-status'}, words.idle);
  let hls = null;

  async function start() {
    stop();
    status.textContent = 'Loading…';
    try {
      const {streamingToken: token} = await streamingToken();
      const base = source();
      const url = `${base}${base.includes('?') ? '&' : '?'}streamingToken=${encodeURIComponent(token)}`;
      const {default: Hls} = await import('../vendor/hls.js/hls.min.mjs');
      if (!Hls.isSupported()) {
        video.src = url; // Safari plays HLS natively
        await video.play();
        return;
      }
      hls = new Hls({lowLatencyMode: true, enableWorker: false, debug: false});
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        status.textContent = 'Playing';
        video.play().catch(() => { status.textContent = 'Press play on the video to start'; });
      });
      hls.on(Hls.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        const nothingYet = data.response && data.response.code === 404;
        status.textContent = nothingYet ? words.nothing : `Playback stopped (${data.details}).`;
        stop();
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    } catch (e) {
      status.textContent = `Cannot play: ${e.message}`;
    }
  }

  function stop() {
    if (hls) hls.destroy();
    hls = null;
  }

  window.addEventListener('hashchange', stop, {once: true});
  return [
    video,
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'primary', id: 'play', onclick: start}, 'Play'),
      h('button', {type: 'button', onclick: () => { stop(); video.removeAttribute('src'); video.load(); status.textContent = 'Stopped'; }}, 'Stop')),
    status,
  ];
}
