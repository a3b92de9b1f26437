package io.flipflop.api.videopost;

/** An uploaded post is PRE_RECORDED; a post made from a broadcast's recording is LIVE_RECORDED. */
public enum VideoPostType {
    LIVE_RECORDED, PRE_RECORDED
}
