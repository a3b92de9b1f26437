import {ApiError, getShowing, listing, post} from './api.js';
import {announce, fill, formatTime, h, show, stateBadge} from './dom.js';
import {liveEvents} from './live.js';
import {pager} from './members.js';
import {player} from './player.js';

const PAGE_SIZE = 20;
const FAILED = ['FAILED_UPLOAD', 'FAILED_QUEUING', 'FAILED_PROCESSING'];

/**
 * The app's video posts: state, job progress (percent, fps, ETA) and failure reason, following the live events
 * (a post's row is read again when it changes; a new or deleted post reloads the page of the list), thumbnails,
 * and a player for processed posts. Media of a post that is not PUBLIC needs a streaming token: the owner's,
 * fetched once per owner while the page is open, as the room page's player does.
 */
export async function postsPage(app, nav) {
  const results = h('div', {id: 'posts'});
  const tokens = new Map();
  let page = 0;
  let playing = null;

  const tokenFor = videoPost => {
    const owner = videoPost.member ? videoPost.member.id : videoPost.id;
    if (!tokens.has(owner)) {
      const issued = post(`/console/v1/apps/${app.id}/video-posts/${videoPost.id}/streaming-tokens`);
      issued.catch(() => tokens.delete(owner));
      tokens.set(owner, issued);
    }
    return tokens.get(owner);
  };
  const play = player(() => playing.url, () => tokenFor(playing.post), {
    label: 'Video post player',
    idle: 'Choose Watch on a processed post.',
    nothing: 'Nothing to play: the post is no longer processed or was deleted.',
  });
  const watch = (videoPost, url) => {
    playing = {post: videoPost, url};
    playerTitle.textContent = `Player: ${videoPost.title || `post ${videoPost.id}`}`;
    play[1].querySelector('#play').click();
  };
  const playerTitle = h('h2', {id: 'post-player-title'}, 'Player');
  const row = videoPost => postRow(videoPost, tokenFor, watch);

  /** The page of the list; with a post's id, once it is on it (a live event told of it). */
  async function load(videoPostId) {
    const posts = await getShowing(`/console/v1/apps/${app.id}/video-posts?page=${page}&pageSize=${PAGE_SIZE}`,
      listing(videoPostId));
    fill(results, postsTable(posts, row), pager(posts, next => { page = next; load(); }));
  }

  async function reread(videoPostId, state) {
    const shown = results.querySelector(`[data-post-id="${videoPostId}"]`);
    const before = shown && shown.dataset.state;
    try {
      // a stale answer still has the state the row shows where the event told of another; an answer already past
      // the event's state (a progress report read after the post was processed) is taken at once
      const now = await getShowing(`/console/v1/apps/${app.id}/video-posts/${videoPostId}`,
        answer => answer.videoPostState === state || answer.videoPostState !== before);
      const current = results.querySelector(`[data-post-id="${videoPostId}"]`);
      if (current) current.replaceWith(row(now));
      if (shown && shown.dataset.state !== now.videoPostState) {
        announce(`Post ${now.title || videoPostId} is ${now.videoPostState}`);
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      load(); // deleted
    }
  }

  liveEvents.listen(event => {
    if (event.type === 'RECONNECTED') load();
    if (event.type !== 'VIDEO_POST') return;
    const shown = results.querySelector(`[data-post-id="${event.videoPostId}"]`);
    if (shown) {
      if (event.percent !== null && event.percent !== undefined) showPercent(shown, event.percent);
      reread(event.videoPostId, event.videoPostState);
    } else if (page === 0) {
      load(event.videoPostId);
    }
  });
  show(h('h1', {}, `${app.name}: video posts`), nav,
    h('p', {class: 'muted'}, 'States and transcoding progress change here as they happen.'), results,
    h('section', {class: 'panel', 'aria-labelledby': 'post-player-title'}, playerTitle, play));
  await load();
}

function postsTable(posts, row) {
  if (posts.content.length === 0) {
    return h('p', {class: 'muted'}, 'No video posts yet. Your app server creates and uploads them with the App API.');
  }
  return h('div', {class: 'table-wrap'}, h('table', {class: 'posts'},
    h('caption', {class: 'visually-hidden'}, 'Video posts, newest first'),
    h('thead', {}, h('tr', {}, ['Thumbnail', 'Title', 'Type', 'State', 'Progress', 'Created', 'Play']
      .map(t => h('th', {scope: 'col'}, t)))),
    h('tbody', {}, posts.content.map(row))));
}

function postRow(videoPost, tokenFor, watch) {
  const hls = (videoPost.file && videoPost.file.processedSummaries || []).find(s => s.format === 'CMAF_HLS');
  const processed = videoPost.videoPostState === 'PROCESSED';
  return h('tr', {'data-post-id': videoPost.id, 'data-state': videoPost.videoPostState},
    h('td', {}, thumbnail(videoPost, tokenFor)),
    h('td', {}, videoPost.title || '—', h('div', {class: 'muted'}, `#${videoPost.id}`,
      videoPost.member ? ` · ${videoPost.member.appUserId}` : '')),
    h('td', {}, videoPost.type),
    h('td', {}, stateBadge(videoPost.videoPostState)),
    h('td', {class: 'progress-cell'}, progress(videoPost)),
    h('td', {}, formatTime(videoPost.createdAt)),
    h('td', {}, processed && hls
      ? h('button', {type: 'button', class: 'watch', 'aria-label': `Watch ${videoPost.title || `post ${videoPost.id}`}`,
        onclick: () => watch(videoPost, hls.url)}, 'Watch')
      : '—'));
}

/** The job's figures while it runs, the reason after a failure. */
function progress(videoPost) {
  const processing = videoPost.processing || {};
  if (videoPost.videoPostState === 'PROCESSING') {
    const percent = processing.percent || 0;
    const figures = [`${percent.toFixed(0)}%`];
    if (processing.fps) figures.push(`${processing.fps.toFixed(0)} fps`);
    if (processing.etaSeconds !== null && processing.etaSeconds !== undefined) {
      figures.push(`about ${duration(processing.etaSeconds)} left`);
    }
    return [h('progress', {max: 100, value: percent, 'aria-label': `Transcoding of post ${videoPost.id}`}),
      h('span', {class: 'figures'}, figures.join(' · '))];
  }
  if (FAILED.includes(videoPost.videoPostState)) {
    return h('span', {class: 'error'}, processing.failureReason || 'Failed');
  }
  return videoPost.videoPostState === 'PROCESSED' ? '100%' : '—';
}

/** A progress event moves the bar at once; the row's other figures follow when it is read again. */
function showPercent(row, percent) {
  const bar = row.querySelector('progress');
  if (bar) bar.value = percent;
}

function duration(seconds) {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

/** The post's thumbnail, with the owner's token unless the post is PUBLIC (whose media needs none). */
function thumbnail(videoPost, tokenFor) {
  const file = videoPost.file && videoPost.file.thumbnail;
  if (!file || !file.url || videoPost.videoPostState !== 'PROCESSED') return '—';
  const img = h('img', {class: 'thumbnail', alt: `Thumbnail of ${videoPost.title || `post ${videoPost.id}`}`,
    width: 96, loading: 'lazy'});
  if (videoPost.accessLevel === 'PUBLIC') {
    img.src = file.url;
  } else {
    tokenFor(videoPost).then(({streamingToken}) => {
      img.src = `${file.url}${file.url.includes('?') ? '&' : '?'}streamingToken=${encodeURIComponent(streamingToken)}`;
    }, () => img.replaceWith('—'));
  }
  return img;
}
