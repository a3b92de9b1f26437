package io.flipflop.api.videoroom;

/** A field of {@link VideoRoomDetails}, named so an update can say which fields it sets (null clears). */
public enum VideoRoomField {
    TITLE, DESCRIPTION, ACCESS_LEVEL, CUSTOM_TYPE, CUSTOM_DATA
}
