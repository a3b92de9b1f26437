package io.flipflop.api.videopost;

/** A field of {@link VideoPostDetails}, named so an update can say which fields it sets (null clears). */
public enum VideoPostField {
    TITLE, DESCRIPTION, ACCESS_LEVEL, CUSTOM_DATA, CATEGORY, TAGS
}
