import {h} from './dom.js';

/**
 * An HLS player (hls.js, bundled with the console) for the room's live stream, its owner's preview, or its
 * recording once archived. It plays with a streaming token of the room's owner, fetched on each start and kept
 * only by the player.
 */
export function player(room, streamingToken) {
  const video = h('video', {id: 'player', controls: true, playsinline: true, 'aria-label': 'Room player'});
  video.muted = true; // browsers start only muted playback without a click on the video itself
  const status = h('p', {class: 'muted', role: 'status', id: 'player-status'}, 'Plays the live stream, the owner\'s preview or the recording.');
  let hls = null;

  async function start() {
    stop();
    status.textContent = 'Loading…';
    try {
      const {streamingToken: token} = await streamingToken();
      const base = room.vodState === 'ARCHIVED' && room.vodUrl ? room.vodUrl : `/live/${room.id}/index.m3u8`;
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
        status.textContent = nothingYet
          ? 'Nothing to play: the room is neither live nor previewing, nor recorded.'
          : `Playback stopped (${data.details}).`;
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
