package io.flipflop.api.videoroom;

/** Who created a room: a console user, the app server (App API) or the member itself. */
public enum CreatorType {
    USER, APP, MEMBER
}
