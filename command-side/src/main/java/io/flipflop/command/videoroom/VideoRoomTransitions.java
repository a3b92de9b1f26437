package io.flipflop.command.videoroom;

import static io.flipflop.api.videoroom.VideoRoomState.ARCHIVED;
import static io.flipflop.api.videoroom.VideoRoomState.CANCELLED;
import static io.flipflop.api.videoroom.VideoRoomState.ENDED;
import static io.flipflop.api.videoroom.VideoRoomState.LIVE;
import static io.flipflop.api.videoroom.VideoRoomState.LIVE_INACTIVE;
import static io.flipflop.api.videoroom.VideoRoomState.SCHEDULED;
import static io.flipflop.api.videoroom.VodState.ARCHIVING;
import static io.flipflop.api.videoroom.VodState.FAILED_ARCHIVING;
import static io.flipflop.api.videoroom.VodState.NOT_ARCHIVED;

import io.flipflop.api.videoroom.AllowMemberOnVideoRoom;
import io.flipflop.api.videoroom.CancelVideoRoom;
import io.flipflop.api.videoroom.CompleteArchive;
import io.flipflop.api.videoroom.DeleteVideoRoom;
import io.flipflop.api.videoroom.DisallowMemberOnVideoRoom;
import io.flipflop.api.videoroom.EndBroadcast;
import io.flipflop.api.videoroom.FailArchive;
import io.flipflop.api.videoroom.ForceTerminateVideoRoom;
import io.flipflop.api.videoroom.GoLive;
import io.flipflop.api.videoroom.InspectVideoRoom;
import io.flipflop.api.videoroom.MarkIngestLost;
import io.flipflop.api.videoroom.MarkIngestResumed;
import io.flipflop.api.videoroom.PostArchive;
import io.flipflop.api.videoroom.StartArchive;
import io.flipflop.api.videoroom.UpdateVideoRoom;
import io.flipflop.api.videoroom.VideoRoomCommand;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.error.DomainRejection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The video room state machine of SPEC §2, written once, with its archiving sub-machine (vodState, which only
 * moves while the room is ENDED). A (state, command) pair that is not in a table is refused with a code naming
 * the states the command needs: {@code VIDEO_ROOM_STATE_NOT_} (or {@code VIDEO_ROOM_VOD_STATE_NOT_}) + those states
 * joined by {@code _OR_}. Creation is not here: it has no "from" state (a second create is refused by the room).
 * Self-loops change no state: inspecting, updating the details, changing the allowlist (in every state: a room's
 * audience may change until it is deleted, also for its VOD), deleting a room that is not on air, starting
 * to archive, and recording the post made of an archive.
 */
public final class VideoRoomTransitions {

    private static final Map<VideoRoomState, Map<Class<? extends VideoRoomCommand>, VideoRoomState>> ROOM =
            new EnumMap<>(VideoRoomState.class);
    private static final Map<VodState, Map<Class<? extends VideoRoomCommand>, VodState>> VOD =
            new EnumMap<>(VodState.class);

    static {
        ROOM.put(SCHEDULED, Map.of(
                InspectVideoRoom.class, SCHEDULED,
                AllowMemberOnVideoRoom.class, SCHEDULED,
                DisallowMemberOnVideoRoom.class, SCHEDULED,
                UpdateVideoRoom.class, SCHEDULED,
                DeleteVideoRoom.class, SCHEDULED,
                CancelVideoRoom.class, CANCELLED,
                GoLive.class, LIVE));
        ROOM.put(CANCELLED, Map.of(
                InspectVideoRoom.class, CANCELLED,
                AllowMemberOnVideoRoom.class, CANCELLED,
                DisallowMemberOnVideoRoom.class, CANCELLED,
                UpdateVideoRoom.class, CANCELLED,
                DeleteVideoRoom.class, CANCELLED));
        ROOM.put(LIVE, Map.of(
                InspectVideoRoom.class, LIVE,
                AllowMemberOnVideoRoom.class, LIVE,
                DisallowMemberOnVideoRoom.class, LIVE,
                UpdateVideoRoom.class, LIVE,
                MarkIngestLost.class, LIVE_INACTIVE,
                ForceTerminateVideoRoom.class, ENDED));
        ROOM.put(LIVE_INACTIVE, Map.of(
                InspectVideoRoom.class, LIVE_INACTIVE,
                AllowMemberOnVideoRoom.class, LIVE_INACTIVE,
                DisallowMemberOnVideoRoom.class, LIVE_INACTIVE,
                UpdateVideoRoom.class, LIVE_INACTIVE,
                MarkIngestResumed.class, LIVE,
                EndBroadcast.class, ENDED,
                ForceTerminateVideoRoom.class, ENDED));
        ROOM.put(ENDED, Map.of(
                InspectVideoRoom.class, ENDED,
                AllowMemberOnVideoRoom.class, ENDED,
                DisallowMemberOnVideoRoom.class, ENDED,
                UpdateVideoRoom.class, ENDED,
                DeleteVideoRoom.class, ENDED,
                StartArchive.class, ENDED,
                CompleteArchive.class, ARCHIVED,
                FailArchive.class, ENDED));
        ROOM.put(ARCHIVED, Map.of(
                InspectVideoRoom.class, ARCHIVED,
                AllowMemberOnVideoRoom.class, ARCHIVED,
                DisallowMemberOnVideoRoom.class, ARCHIVED,
                UpdateVideoRoom.class, ARCHIVED,
                DeleteVideoRoom.class, ARCHIVED,
                PostArchive.class, ARCHIVED));

        // a failed archive may be started again; an archived one is final
        VOD.put(NOT_ARCHIVED, Map.of(StartArchive.class, ARCHIVING));
        VOD.put(ARCHIVING, Map.of(
                CompleteArchive.class, VodState.ARCHIVED,
                FailArchive.class, FAILED_ARCHIVING));
        VOD.put(FAILED_ARCHIVING, Map.of(StartArchive.class, ARCHIVING));
        VOD.put(VodState.ARCHIVED, Map.of());
    }

    private VideoRoomTransitions() {
    }

    /** The state {@code command} leads to from {@code from}, or the rejection naming the states it needs. */
    public static VideoRoomState next(VideoRoomState from, Class<? extends VideoRoomCommand> command) {
        return Optional.ofNullable(ROOM.get(from).get(command)).orElseThrow(() -> rejection(from, command));
    }

    /** The refusal of {@code command} in {@code from}, for callers that decide on a room they only inspected. */
    public static DomainRejection rejection(VideoRoomState from, Class<? extends VideoRoomCommand> command) {
        return new DomainRejection(rejectionCode(command), "Video room is " + from + "; "
                + command.getSimpleName() + " needs " + String.join(" or ", names(statesAccepting(command))));
    }

    /** Whether the command touches the archiving sub-machine at all. */
    public static boolean movesVodState(Class<? extends VideoRoomCommand> command) {
        return VOD.values().stream().anyMatch(row -> row.containsKey(command));
    }

    /** The vodState {@code command} leads to from {@code from}, or the rejection naming the vodStates it needs. */
    public static VodState nextVod(VodState from, Class<? extends VideoRoomCommand> command) {
        return Optional.ofNullable(VOD.get(from).get(command)).orElseThrow(() -> new DomainRejection(
                vodRejectionCode(command), "Video room vodState is " + from + "; " + command.getSimpleName()
                        + " needs " + String.join(" or ", names(vodStatesAccepting(command)))));
    }

    public static Set<VideoRoomState> statesAccepting(Class<? extends VideoRoomCommand> command) {
        Set<VideoRoomState> states = EnumSet.noneOf(VideoRoomState.class);
        ROOM.forEach((state, row) -> {
            if (row.containsKey(command)) {
                states.add(state);
            }
        });
        return states;
    }

    public static Set<VodState> vodStatesAccepting(Class<? extends VideoRoomCommand> command) {
        Set<VodState> states = EnumSet.noneOf(VodState.class);
        VOD.forEach((state, row) -> {
            if (row.containsKey(command)) {
                states.add(state);
            }
        });
        return states;
    }

    public static String rejectionCode(Class<? extends VideoRoomCommand> command) {
        return "VIDEO_ROOM_STATE_NOT_" + String.join("_OR_", names(statesAccepting(command)));
    }

    public static String vodRejectionCode(Class<? extends VideoRoomCommand> command) {
        return "VIDEO_ROOM_VOD_STATE_NOT_" + String.join("_OR_", names(vodStatesAccepting(command)));
    }

    private static List<String> names(Set<? extends Enum<?>> states) {
        return states.stream().map(Enum::name).collect(Collectors.toList());
    }
}
