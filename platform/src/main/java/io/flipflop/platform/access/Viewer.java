package io.flipflop.platform.access;

/**
 * Who asks to view a resource, as far as {@link AccessPolicy} cares: nobody in particular (no token), an app
 * server's app-wide streaming token, or a member (or guest) of an app, known from its access or streaming token.
 */
public sealed interface Viewer permits Viewer.Anonymous, Viewer.AppWide, Viewer.Member {

    static Viewer anonymous() {
        return new Anonymous();
    }

    static Viewer appWide(long appId) {
        return new AppWide(appId);
    }

    static Viewer member(long appId, long memberId, boolean guest) {
        return new Member(appId, memberId, guest);
    }

    /** A request without a token. */
    record Anonymous() implements Viewer {
    }

    /** The app-wide streaming token of {@code POST /v2/apps/me/streaming-tokens}: the app server itself. */
    record AppWide(long appId) implements Viewer {
    }

    record Member(long appId, long memberId, boolean guest) implements Viewer {
    }
}
