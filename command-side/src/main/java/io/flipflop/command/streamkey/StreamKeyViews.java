package io.flipflop.command.streamkey;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyAppRef;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomRef;

/**
 * A stream key as the write endpoints answer it (reference §13.2, both field sets). The only write that answers a
 * key is reissue, allowed while INACTIVE, so no room is linked and no play URL exists; {@code videoRoom} is passed
 * in for completeness; {@code appMode} is the app's default output mode.
 */
public final class StreamKeyViews {

    private static final String ACTIVE = "ACTIVE";

    private StreamKeyViews() {
    }

    public static StreamKeyView view(StreamKeySnapshot key, AppRef app, OutputMode appMode, MemberRef member,
                                     VideoRoomRef videoRoom, String ingestUrl) {
        return new StreamKeyView(key.streamKeyId(), ACTIVE, key.state(), key.forciblyTerminated(),
                new StreamKeyAppRef(app.id(), app.state(), app.name(), appMode), member, videoRoom,
                ingestUrl, key.streamKey(), key.mode(), null, null, null, null, null, null, null, null,
                key.createdAt(), key.lastModifiedAt());
    }
}
