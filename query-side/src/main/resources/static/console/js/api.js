// The console API. The session is the HttpOnly FLIPFLOP_SESSION cookie set at login: this script never sees
// the token, and nothing is kept in localStorage or sessionStorage.
import {fill, h} from './dom.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body) {
  const init = {method, credentials: 'same-origin', cache: 'no-store', headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data && data.errorCode,
      (data && data.errorMessage) || response.statusText || 'Request failed');
  }
  return data;
}

export const get = path => api('GET', path);

/**
 * Asks until the answer shows what a live event said, again and again over about 3 s, then takes the answer as it
 * is. A live event leaves as one processor handles it; the read model answering here is written by another, which
 * may not have applied it yet, and a page that took the earlier answer kept it until the next event.
 */
export async function getShowing(path, shows) {
  let answer = await get(path);
  for (let pause = 50; !shows(answer) && pause <= 1600; pause *= 2) {
    await new Promise(resolve => setTimeout(resolve, pause));
    answer = await get(path);
  }
  return answer;
}

/** For {@link getShowing}: a page of a list with the item of this id on it; any page when there is no id. */
export const listing = id => page => id === undefined || page.content.some(item => String(item.id) === String(id));

export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = path => api('DELETE', path);

/** How a failure reads on a page: the API's message and its stable code. */
export function message(error) {
  return error instanceof ApiError ? `${error.message} (${error.code || error.status})` : String(error.message || error);
}

/**
 * Reads the first answer of a page whose feature a server may not have (a build without usage metering, say):
 * the answer, or null once `into` says why there is none: `unavailable` when the server has no such endpoint,
 * else the failure. Another user's or a missing app (APP_NOT_FOUND) is a failure, not a missing feature.
 */
export async function feature(into, path, id, unavailable) {
  try {
    return await get(path);
  } catch (error) {
    const missing = error instanceof ApiError && error.status === 404 && error.code !== 'APP_NOT_FOUND';
    fill(into, missing
      ? h('p', {class: 'notice', id, role: 'status'}, unavailable)
      : h('p', {class: 'error', role: 'alert'}, message(error)));
    return null;
  }
}
