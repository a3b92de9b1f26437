package io.flipflop.api.videopost;

import io.flipflop.api.videoroom.AccessLevel;
import java.util.List;
import java.util.Map;

/**
 * The descriptive, changeable part of a post (reference §10.1, §10.4). {@code category} and {@code tags} are our
 * additions (FlipFlop has neither); tags are kept in the order given, without duplicates.
 */
public record VideoPostDetails(String title, String description, AccessLevel accessLevel,
                               Map<String, String> customData, String category, List<String> tags) {

    public static final VideoPostDetails EMPTY = new VideoPostDetails(null, null, null, null, null, null);
}
