package io.flipflop.api.videoroom;

import java.util.Map;

/** The descriptive, changeable part of a room (reference §11.7). */
public record VideoRoomDetails(String title, String description, AccessLevel accessLevel, String customType,
                               Map<String, String> customData) {
}
