package io.flipflop.media.usage;

import io.flipflop.api.usage.PlaybackUsageReported;
import io.flipflop.api.usage.RoomPlayback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Viewer sessions of the playback origin and the usage they add up to, in memory, summarised per report window.
 *
 * <p>A session is one viewer watching one room. It opens with the viewer's first media answer (init, segment or
 * part) and stays open while media keeps coming: it closes {@code sessionTimeout} after its last media answer.
 * Manifest polling alone keeps nobody watching. Concurrent viewers of a room (and of an app, summed over its
 * rooms) are the sessions open at once.
 *
 * <p>Delivered time is the media duration served, each piece of media counted once per session: a player that
 * fetches a segment again, or a segment whose parts it already had (LL-HLS players do both), is not charged
 * twice. So what a viewer is charged does not depend on how fast the player downloads, only on what it got.
 *
 * <p>Figures are summed per window of {@code window} aligned to the epoch ({@code window} divides an hour, so a
 * window never straddles an hour bucket) and handed out by {@link #drain} as one compact
 * {@link PlaybackUsageReported} per app that had something to report. Time comes from the clock only, so tests
 * move it by hand. Calls are short and never block on I/O: the origin calls in on event-loop threads.
 */
final class ViewerSessions {

    /** Media sequence numbers remembered per session: far more than a live window lists. */
    private static final int REMEMBERED_SEGMENTS = 64;

    private final Clock clock;
    private final Duration sessionTimeout;
    private final long windowMillis;
    private final String workerId;

    private final Map<SessionKey, Session> sessions = new HashMap<>();
    private final Map<RoomRef, Integer> openPerRoom = new HashMap<>();
    private final Map<Long, Integer> openPerApp = new HashMap<>();
    private final Map<Long, AppWindow> windowByApp = new HashMap<>();
    private final List<PlaybackUsageReported> finished = new ArrayList<>();
    private long windowStart;

    ViewerSessions(Clock clock, Duration sessionTimeout, Duration window, String workerId) {
        if (window.isZero() || window.isNegative() || Duration.ofHours(1).toMillis() % window.toMillis() != 0) {
            throw new IllegalArgumentException("The usage report window must divide an hour: " + window);
        }
        this.clock = clock;
        this.sessionTimeout = sessionTimeout;
        this.windowMillis = window.toMillis();
        this.workerId = workerId;
        this.windowStart = alignedStart(clock.millis());
    }

    /** The origin answered {@code viewer} for a room of an app. */
    synchronized void delivered(long appId, long videoRoomId, String viewer, Delivery delivery) {
        long now = clock.millis();
        advance(now);
        RoomWindow room = windowOf(appId).room(videoRoomId);
        room.bytes += delivery.bytes();
        if (delivery.kind() == Delivery.Kind.BYTES_ONLY) {
            return;
        }
        SessionKey key = new SessionKey(videoRoomId, viewer);
        Session session = sessions.get(key);
        if (session == null) {
            session = new Session(appId, videoRoomId);
            sessions.put(key, session);
            open(session, +1);
        }
        session.lastMedia = now;
        room.millis += session.charge(delivery);
    }

    /** The reports of every window that has ended, oldest first; each is handed out once. */
    synchronized List<PlaybackUsageReported> drain() {
        advance(clock.millis());
        return takeFinished();
    }

    /**
     * Ends the current window now, with what it has so far, and hands out everything: for a worker that stops.
     * Its sessions stay open; a later call starts a fresh window.
     */
    synchronized List<PlaybackUsageReported> drainAll() {
        long now = clock.millis();
        advance(now);
        finish(now);
        windowStart = now;
        return takeFinished();
    }

    private List<PlaybackUsageReported> takeFinished() {
        List<PlaybackUsageReported> reports = List.copyOf(finished);
        finished.clear();
        return reports;
    }

    /**
     * Moves time to {@code now}: sessions whose timeout passed close, each at the window it closed in, and every
     * window that ended is finished. Without open sessions nothing can happen in idle windows, so they are skipped.
     */
    private void advance(long now) {
        while (now >= windowEnd()) {
            long end = windowEnd();
            expire(end);
            finish(end);
            windowStart = sessions.isEmpty() ? alignedStart(now) : end;
            // sessions still open are watching in the new window from its first instant
            openPerApp.forEach((app, open) -> windowOf(app).peak = open);
            openPerRoom.forEach((room, open) -> windowOf(room.appId()).room(room.videoRoomId()).peak = open);
        }
        expire(now);
    }

    private void expire(long now) {
        long timeout = sessionTimeout.toMillis();
        sessions.values().removeIf(session -> {
            boolean over = session.lastMedia + timeout <= now;
            if (over) {
                open(session, -1);
            }
            return over;
        });
    }

    private void open(Session session, int change) {
        RoomRef ref = new RoomRef(session.appId, session.videoRoomId);
        int room = openPerRoom.merge(ref, change, Integer::sum);
        int app = openPerApp.merge(session.appId, change, Integer::sum);
        if (room == 0) {
            openPerRoom.remove(ref);
        }
        if (app == 0) {
            openPerApp.remove(session.appId);
        }
        if (change > 0) {
            AppWindow window = windowOf(session.appId);
            window.peak = Math.max(window.peak, app);
            RoomWindow roomWindow = window.room(session.videoRoomId);
            roomWindow.peak = Math.max(roomWindow.peak, room);
        }
    }

    private void finish(long end) {
        Instant from = Instant.ofEpochMilli(windowStart);
        Instant to = Instant.ofEpochMilli(end);
        windowByApp.forEach((appId, window) -> {
            List<RoomPlayback> rooms = new ArrayList<>();
            window.rooms.forEach((roomId, room) -> rooms.add(new RoomPlayback(roomId, room.millis, room.bytes,
                    room.peak)));
            finished.add(new PlaybackUsageReported(appId, workerId, from, to, window.peak, rooms));
        });
        windowByApp.clear();
    }

    private AppWindow windowOf(long appId) {
        return windowByApp.computeIfAbsent(appId, id -> new AppWindow());
    }

    /** The aligned end of the current window; its start is later than aligned only after {@link #drainAll}. */
    private long windowEnd() {
        return alignedStart(windowStart) + windowMillis;
    }

    private long alignedStart(long millis) {
        return millis - Math.floorMod(millis, windowMillis);
    }

    private record SessionKey(long videoRoomId, String viewer) {
    }

    private record RoomRef(long appId, long videoRoomId) {
    }

    private static final class Session {
        final long appId;
        final long videoRoomId;
        long lastMedia;
        /** Per media sequence number, what this session was already charged for it. */
        private final TreeMap<Long, Charged> charged = new TreeMap<>();

        Session(long appId, long videoRoomId) {
            this.appId = appId;
            this.videoRoomId = videoRoomId;
        }

        /** The media time of {@code delivery} this session has not been charged for yet. */
        long charge(Delivery delivery) {
            if (delivery.msn() < 0) {
                return 0;
            }
            Charged seen = charged.computeIfAbsent(delivery.msn(), msn -> new Charged());
            if (charged.size() > REMEMBERED_SEGMENTS) {
                charged.pollFirstEntry();
            }
            if (seen.whole) {
                return 0;
            }
            if (delivery.part() == Delivery.WHOLE_SEGMENT) {
                long rest = Math.max(0, delivery.millis() - seen.millis);
                seen.whole = true;
                seen.millis += rest;
                return rest;
            }
            if (seen.parts.get(delivery.part())) {
                return 0;
            }
            seen.parts.set(delivery.part());
            seen.millis += delivery.millis();
            return delivery.millis();
        }
    }

    private static final class Charged {
        long millis;
        boolean whole;
        final BitSet parts = new BitSet();
    }

    private static final class AppWindow {
        int peak;
        final Map<Long, RoomWindow> rooms = new HashMap<>();

        RoomWindow room(long videoRoomId) {
            return rooms.computeIfAbsent(videoRoomId, id -> new RoomWindow());
        }
    }

    private static final class RoomWindow {
        long millis;
        long bytes;
        int peak;
    }
}
