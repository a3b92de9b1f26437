package io.flipflop.command.videoroom;

import java.util.Set;

/**
 * What {@link io.flipflop.api.videoroom.PostArchive} answers: the archived room, its allowlist (member ids) and the
 * id of the video post made of its archive.
 */
public record ArchivedRoom(VideoRoomSnapshot room, Set<Long> allowlist, long videoPostId) {
}
