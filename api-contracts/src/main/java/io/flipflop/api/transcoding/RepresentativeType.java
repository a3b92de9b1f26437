package io.flipflop.api.transcoding;

/** Whether a profile is the one used when a post names none of its type (reference §14). */
public enum RepresentativeType {
    DEFAULT, NON_DEFAULT
}
