package io.flipflop.media.origin;

import io.flipflop.api.videoroom.AccessLevel;
import java.util.Set;

/**
 * A room the origin may play, as the read models have it now: whose it is, who it is for, and which stream key's
 * {@link io.flipflop.media.cmaf.LiveStream} it shows.
 *
 * @param streamKeyId the key whose live stream it shows; 0 for an archived room, which plays its VOD
 * @param allowlist the member ids a RESTRICTED room admits
 * @param preview the room is still SCHEDULED and its owner's key is publishing: only the owner may play
 */
record LiveRoom(long videoRoomId, long appId, long ownerMemberId, AccessLevel accessLevel, Set<Long> allowlist,
                long streamKeyId, boolean preview) {
}
