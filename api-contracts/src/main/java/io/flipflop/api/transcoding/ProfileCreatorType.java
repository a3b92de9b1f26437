package io.flipflop.api.transcoding;

/** Who made a transcoding profile (reference §14): shipped with the platform, or made by an app. */
public enum ProfileCreatorType {
    SYSTEM, APP
}
