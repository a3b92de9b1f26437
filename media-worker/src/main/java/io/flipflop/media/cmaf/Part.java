package io.flipflop.media.cmaf;

/**
 * An LL-HLS part: one CMAF fragment (moof + mdat). Parts are numbered twice: {@code sequence} counts every
 * part of the live stream (their URIs use it, so a PRELOAD-HINT names the next part correctly even when it
 * turns out to open a new segment), {@code index} counts within the segment (for {@code _HLS_part}).
 *
 * @param start    decode time of the reference track, milliseconds
 * @param duration milliseconds
 */
record Part(long sequence, long msn, int index, long start, long duration, boolean independent, int size) {
}
