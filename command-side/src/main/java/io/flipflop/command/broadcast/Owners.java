package io.flipflop.command.broadcast;

import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.videoroom.MemberRef;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The app and the member nested in write answers, read from their event streams rather than from read models, so
 * an answer never shows a stale owner (a profile changed a moment ago). Blocking.
 */
@Component
public class Owners {

    private static final String ACTIVE = "ACTIVE";

    private final EventStore eventStore;
    /** An app's name never changes after creation, so it is kept once read. */
    private final Map<Long, AppRef> apps = new ConcurrentHashMap<>();

    public Owners(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AppRef app(long appId) {
        return apps.computeIfAbsent(appId, id -> eventStore.readEvents(String.valueOf(id), 0).asStream()
                .map(EventMessage::getPayload)
                .filter(AppCreated.class::isInstance)
                .map(created -> new AppRef(id, ACTIVE, ((AppCreated) created).name()))
                .findFirst()
                .orElse(new AppRef(id, ACTIVE, null)));
    }

    /** The member as it is now; empty when it was never registered or is deleted. */
    public Optional<MemberRef> member(long memberId) {
        return eventStore.readEvents(String.valueOf(memberId), 0).asStream()
                .map(EventMessage::getPayload)
                .reduce(Optional.empty(), (current, event) -> fold(memberId, current, event), (first, second) -> second);
    }

    /** Relationship events and the like leave the nested member as it is. */
    private static Optional<MemberRef> fold(long memberId, Optional<MemberRef> current, Object event) {
        if (event instanceof MemberRegistered registered) {
            return Optional.of(ref(memberId, registered.appUserId(), registered.profile()));
        }
        if (event instanceof MemberProfileUpdated updated) {
            return current.map(member -> ref(memberId, member.appUserId(), updated.profile()));
        }
        if (event instanceof MemberDeleted) {
            return Optional.empty();
        }
        return current;
    }

    private static MemberRef ref(long memberId, String appUserId, MemberProfile profile) {
        MemberProfile p = profile == null ? MemberProfile.EMPTY : profile;
        return new MemberRef(memberId, ACTIVE, appUserId, p.appUserName(), p.appUserProfileImgUrl(), p.customType());
    }
}
