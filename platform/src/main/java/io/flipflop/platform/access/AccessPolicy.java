package io.flipflop.platform.access;

import io.flipflop.api.videoroom.AccessLevel;

/**
 * The one rule of SPEC §3 for "may this viewer view this resource", used by every read path of rooms and posts
 * and by the playback origin, so they can never disagree. Pure: no I/O of its own, relationships come from the
 * caller.
 * <ul>
 *   <li>{@code PUBLIC}: anyone, with or without a token, of any app.</li>
 *   <li>Every other level: only tokens of the resource's app; another app's token sees nothing.</li>
 *   <li>The app-wide streaming token sees every resource of its app, whatever the level: it is the app server's
 *       own credential (like its Basic {@code apiKey:apiSecret}, which reads everything through the App API),
 *       handed out so the app server can play or proxy any of its media.</li>
 *   <li>The owner always sees its own resource.</li>
 *   <li>{@code APP}: any member of the app, guests included. From {@code MEMBER} on a guest sees nothing but
 *       its own: a guest is not a logged-in user of the app, and every narrower level is a subset of the
 *       members.</li>
 *   <li>{@code FOLLOWER} / {@code FRIEND}: followers / friends of the owner (a friend who does not follow is no
 *       follower). {@code RESTRICTED}: members on the allowlist. {@code PRIVATE}: the owner alone.</li>
 * </ul>
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean mayView(Viewer viewer, ProtectedResource resource, Relationships relationships) {
        if (resource.accessLevel() == AccessLevel.PUBLIC) {
            return true;
        }
        if (viewer instanceof Viewer.AppWide app) {
            return app.appId() == resource.appId();
        }
        if (!(viewer instanceof Viewer.Member member) || member.appId() != resource.appId()) {
            return false;
        }
        long owner = resource.ownerMemberId();
        if (member.memberId() == owner) {
            return true;
        }
        // an exhaustive switch: a new level does not compile until it is decided here
        return switch (resource.accessLevel()) {
            case PUBLIC, APP -> true;
            case MEMBER -> !member.guest();
            case FOLLOWER -> !member.guest() && relationships.isFollower(owner, member.memberId());
            case FRIEND -> !member.guest() && relationships.isFriend(owner, member.memberId());
            case RESTRICTED -> !member.guest() && resource.allowlist().contains(member.memberId());
            case PRIVATE -> false;
        };
    }
}
