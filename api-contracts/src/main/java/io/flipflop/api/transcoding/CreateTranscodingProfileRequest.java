package io.flipflop.api.transcoding;

/** Body of {@code POST /console/v1/apps/{appId}/transcoding-profiles} (ours: FlipFlop makes them on request). */
public record CreateTranscodingProfileRequest(TranscodingProfileType type, String name, String description,
                                              ProfileSettings profile) {
}
