package io.flipflop.command.videoroom;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.ChannelRef;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.StreamKeyRef;
import io.flipflop.api.videoroom.VideoRoomPolicy;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomStats;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.command.streamkey.IngestingStreamKeys;
import io.flipflop.platform.playback.PlaybackUrls;

/**
 * A room as the write endpoints answer it (reference §13.3, both field sets). Play URLs are filled while LIVE
 * ({@link PlaybackUrls}); blocking (reads the running ingest's mode). The nested stream key is shown while on air, with the state the coupling keeps it in
 * (LIVE ⇔ ACTIVE_LIVE, LIVE_INACTIVE ⇔ INACTIVE_LIVE).
 */
public final class VideoRoomViews {

    private static final String ACTIVE = "ACTIVE";

    private VideoRoomViews() {
    }

    /** {@code ingesting} gives the output mode of a live room's ingest, which decides its HTTP-FLV URL. */
    public static VideoRoomView view(VideoRoomSnapshot room, AppRef app, MemberRef member, PlaybackUrls urls,
                                     IngestingStreamKeys ingesting) {
        VideoRoomDetails details = room.details();
        OutputMode mode = room.state() == VideoRoomState.LIVE && room.broadcastStreamKeyId() != null
                ? ingesting.mode(room.broadcastStreamKeyId()).orElse(null) : null;
        PlaybackUrls.Live play = urls.ofRoom(room.videoRoomId(), room.state(), mode);
        StreamKeyRef streamKey = room.onAir() && room.broadcastStreamKeyId() != null
                ? new StreamKeyRef(room.broadcastStreamKeyId(), ACTIVE, room.state() == VideoRoomState.LIVE
                        ? StreamKeyState.ACTIVE_LIVE : StreamKeyState.INACTIVE_LIVE)
                : null;
        return new VideoRoomView(room.videoRoomId(), ACTIVE, room.uuid(), room.type(),
                room.type() == VideoRoomType.BROADCAST_RTMP ? "RTMP" : "WEB_RTC", room.state(),
                room.forciblyTerminated(), room.vodState(), urls.absolute(room.vodUrl()), "UNDEFINED", details.accessLevel(), app,
                member, new ChannelRef(room.videoRoomId(), ACTIVE, "OPENED", details.title()), room.creatorType(),
                room.creatorId(), details.title(), details.description(), details.customType(),
                details.customData(), new VideoRoomPolicy(false, false, false), room.scheduledAt(),
                room.cancelledAt(), 0, room.liveStartedAt(), room.liveEndedAt(), room.vodArchivedAt(), streamKey,
                play.playUrl(), play.playUrl(), play.cmafHls(), play.cmafDash(), play.rtmp(), play.httpFlv(), null,
                new VideoRoomStats(0), room.createdAt(),
                room.lastModifiedAt());
    }
}
