package io.flipflop.api.transcoding;

/** Whether a profile is the one an app's posts get when they name none of its type (reference §14). */
public enum RepresentativeType {
    DEFAULT, NON_DEFAULT
}
