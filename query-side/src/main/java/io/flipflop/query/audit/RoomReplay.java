package io.flipflop.query.audit;

import io.flipflop.api.audit.VideoRoomStateAt;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomArchiveFailed;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDeleted;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomEvent;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomUpdated;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import java.time.Instant;

/**
 * A video room folded from its events, as far as the audit shows it. Each event carries the room's state after it,
 * so the fold copies states and never re-derives a transition; only what an event adds on top (details, the
 * broadcast's stream key, its start and end) is picked out by type.
 */
record RoomReplay(long videoRoomId, VideoRoomState state, VodState vodState, VideoRoomDetails details,
                  Long streamKeyId, boolean forciblyTerminated, boolean deleted, Instant liveStartedAt,
                  Instant liveEndedAt, long lastSequence, Instant lastEventAt) {

    static RoomReplay created(VideoRoomCreated created, long sequence, Instant at) {
        return new RoomReplay(created.videoRoomId(), created.state(), created.vodState(), created.details(),
                created.streamKeyId(), false, false, null, null, sequence, at);
    }

    RoomReplay apply(VideoRoomEvent event, long sequence, Instant at) {
        VodState vod = vodState;
        VideoRoomDetails newDetails = details;
        Long key = streamKeyId;
        boolean terminated = forciblyTerminated;
        Instant started = liveStartedAt;
        Instant ended = liveEndedAt;
        if (event instanceof VideoRoomUpdated updated) {
            newDetails = updated.details();
        } else if (event instanceof VideoRoomWentLive wentLive) {
            key = wentLive.streamKeyId();
            started = at;
        } else if (event instanceof VideoRoomBroadcastEnded) {
            ended = at;
        } else if (event instanceof VideoRoomForciblyTerminated) {
            terminated = true;
            ended = at;
        } else if (event instanceof VideoRoomArchiveStarted archiveStarted) {
            vod = archiveStarted.vodState();
        } else if (event instanceof VideoRoomArchived archived) {
            vod = archived.vodState();
        } else if (event instanceof VideoRoomArchiveFailed archiveFailed) {
            vod = archiveFailed.vodState();
        }
        return new RoomReplay(videoRoomId, event.state(), vod, newDetails, key, terminated,
                deleted || event instanceof VideoRoomDeleted, started, ended, sequence, at);
    }

    VideoRoomStateAt asOf(Instant at) {
        AccessLevel accessLevel = details == null ? null : details.accessLevel();
        String title = details == null ? null : details.title();
        return new VideoRoomStateAt(videoRoomId, at, state, vodState, accessLevel, title, streamKeyId,
                forciblyTerminated, deleted, liveStartedAt, liveEndedAt, lastSequence, lastEventAt);
    }
}
