package io.flipflop.command.streamkey;

/** Answer of force-terminate: the room the key was live for and that must now end too (null if none). */
public record ForcedTermination(Long videoRoomId) {
}
