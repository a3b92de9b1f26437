package io.flipflop.query.usage;

import java.time.Instant;

/**
 * The usage read models.
 * <ul>
 *   <li>{@value #HOURS}: one document per hour and scope, keyed {@code "{scope}:{id}:{hour}"} (scope
 *       {@code app}, {@code room} or {@code key}), so a report reads its hours with one {@code _id $in}:
 *       {@code {appId, scope, ownerId, start, ingestMillis, deliveredMillis, deliveredBytes, peakViewers,
 *       storage: {volumeId: {bytes, at}}, applied: [message ids]}}. Additive figures are {@code $inc}-ed, guarded by
 *       {@code applied}, the ids of the last messages applied to the document, so a redelivered batch adds nothing
 *       twice; the peak is a {@code $max}; storage keeps each volume's newest measurement. (Segments replaying in
 *       parallel may apply messages to one document in another order: the figures come out the same, the order of
 *       {@code applied} may not.)</li>
 *   <li>{@value #STREAM_KEYS}: {@code {_id: streamKeyId, appId, since, videoRoomId, version}}: the key's app and
 *       its ingest running now (since when, for which room), which a report adds up to now.</li>
 *   <li>{@value #ROOMS}: {@code {_id: videoRoomId, appId}}, to keep a room's figures to its app.</li>
 * </ul>
 */
final class UsageDocuments {

    static final String HOURS = "usage_hours";
    static final String STREAM_KEYS = "usage_stream_keys";
    static final String ROOMS = "usage_rooms";

    static final String APP_ID = "appId";
    static final String SCOPE = "scope";
    static final String OWNER_ID = "ownerId";
    static final String START = "start";
    static final String INGEST_MILLIS = "ingestMillis";
    static final String DELIVERED_MILLIS = "deliveredMillis";
    static final String DELIVERED_BYTES = "deliveredBytes";
    static final String PEAK_VIEWERS = "peakViewers";
    static final String STORAGE = "storage";
    static final String BYTES = "bytes";
    static final String AT = "at";
    static final String APPLIED = "applied";
    static final String SINCE = "since";
    static final String VIDEO_ROOM_ID = "videoRoomId";

    private UsageDocuments() {
    }

    /** What a usage figure is counted for. */
    enum Scope {
        APP("app"), ROOM("room"), KEY("key");

        final String prefix;

        Scope(String prefix) {
            this.prefix = prefix;
        }
    }

    static String hourId(Scope scope, long ownerId, Instant hour) {
        return scope.prefix + ":" + ownerId + ":" + hour;
    }
}
