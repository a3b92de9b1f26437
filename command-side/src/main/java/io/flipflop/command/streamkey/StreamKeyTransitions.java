package io.flipflop.command.streamkey;

import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_LIVE;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_LIVE_PREP;
import static io.flipflop.api.streamkey.StreamKeyState.ACTIVE_PREP;
import static io.flipflop.api.streamkey.StreamKeyState.INACTIVE;
import static io.flipflop.api.streamkey.StreamKeyState.INACTIVE_LIVE;

import io.flipflop.api.streamkey.EndBroadcastOnStreamKey;
import io.flipflop.api.streamkey.ForceTerminateStreamKey;
import io.flipflop.api.streamkey.GoLiveOnStreamKey;
import io.flipflop.api.streamkey.ReissueStreamKey;
import io.flipflop.api.streamkey.RenewIngestLease;
import io.flipflop.api.streamkey.StartCmafPublish;
import io.flipflop.api.streamkey.StartIngest;
import io.flipflop.api.streamkey.StopCmafPublish;
import io.flipflop.api.streamkey.StopIngest;
import io.flipflop.api.streamkey.StreamKeyCommand;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.platform.error.DomainRejection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stream key state machine of SPEC §2, written once: for each state, the commands it accepts and the state
 * each leads to. A (state, command) pair that is not here is refused, with a code naming the states the command
 * needs ({@code STREAM_KEY_STATE_NOT_} + those states joined by {@code _OR_}, e.g.
 * {@code STREAM_KEY_STATE_NOT_INACTIVE_LIVE}). Self-loops are commands that change no state: the lease renewal,
 * reissue (a new key string) and force-terminate on an INACTIVE key (reference §6.6: succeeds, changes nothing).
 */
public final class StreamKeyTransitions {

    private static final Map<StreamKeyState, Map<Class<? extends StreamKeyCommand>, StreamKeyState>> TABLE =
            new EnumMap<>(StreamKeyState.class);

    static {
        TABLE.put(INACTIVE, Map.of(
                StartIngest.class, ACTIVE_PREP,
                ReissueStreamKey.class, INACTIVE,
                ForceTerminateStreamKey.class, INACTIVE));
        TABLE.put(ACTIVE_PREP, Map.of(
                StopIngest.class, INACTIVE,
                StartCmafPublish.class, ACTIVE,
                RenewIngestLease.class, ACTIVE_PREP,
                ForceTerminateStreamKey.class, INACTIVE));
        TABLE.put(ACTIVE, Map.of(
                StopCmafPublish.class, INACTIVE,
                GoLiveOnStreamKey.class, ACTIVE_LIVE,
                RenewIngestLease.class, ACTIVE,
                ForceTerminateStreamKey.class, INACTIVE));
        TABLE.put(ACTIVE_LIVE, Map.of(
                StopCmafPublish.class, INACTIVE_LIVE,
                RenewIngestLease.class, ACTIVE_LIVE,
                ForceTerminateStreamKey.class, INACTIVE));
        TABLE.put(INACTIVE_LIVE, Map.of(
                StartIngest.class, ACTIVE_LIVE_PREP,
                EndBroadcastOnStreamKey.class, INACTIVE,
                ForceTerminateStreamKey.class, INACTIVE));
        TABLE.put(ACTIVE_LIVE_PREP, Map.of(
                StopIngest.class, INACTIVE_LIVE,
                StartCmafPublish.class, ACTIVE_LIVE,
                RenewIngestLease.class, ACTIVE_LIVE_PREP,
                ForceTerminateStreamKey.class, INACTIVE));
    }

    private StreamKeyTransitions() {
    }

    /** The state {@code command} leads to from {@code from}, or the rejection naming the states it needs. */
    public static StreamKeyState next(StreamKeyState from, Class<? extends StreamKeyCommand> command) {
        return next(from, command, from.name());
    }

    /** As {@link #next(StreamKeyState, Class)}; {@code current} describes the key in the message. */
    static StreamKeyState next(StreamKeyState from, Class<? extends StreamKeyCommand> command, String current) {
        return target(from, command).orElseThrow(() -> new DomainRejection(rejectionCode(command),
                "Stream key is " + current + "; " + command.getSimpleName() + " needs "
                        + names(statesAccepting(command), " or ")));
    }

    public static Optional<StreamKeyState> target(StreamKeyState from, Class<? extends StreamKeyCommand> command) {
        return Optional.ofNullable(TABLE.get(from).get(command));
    }

    public static Set<StreamKeyState> statesAccepting(Class<? extends StreamKeyCommand> command) {
        Set<StreamKeyState> states = EnumSet.noneOf(StreamKeyState.class);
        TABLE.forEach((state, commands) -> {
            if (commands.containsKey(command)) {
                states.add(state);
            }
        });
        return states;
    }

    public static String rejectionCode(Class<? extends StreamKeyCommand> command) {
        return "STREAM_KEY_STATE_NOT_" + names(statesAccepting(command), "_OR_");
    }

    private static String names(Set<StreamKeyState> states, String separator) {
        return states.stream().map(Enum::name).collect(Collectors.joining(separator));
    }
}
