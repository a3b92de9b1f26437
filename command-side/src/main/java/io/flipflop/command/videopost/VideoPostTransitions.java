package io.flipflop.command.videopost;

import static io.flipflop.api.videopost.VideoPostState.CREATED;
import static io.flipflop.api.videopost.VideoPostState.FAILED_PROCESSING;
import static io.flipflop.api.videopost.VideoPostState.FAILED_QUEUING;
import static io.flipflop.api.videopost.VideoPostState.FAILED_UPLOAD;
import static io.flipflop.api.videopost.VideoPostState.PROCESSED;
import static io.flipflop.api.videopost.VideoPostState.PROCESSING;
import static io.flipflop.api.videopost.VideoPostState.QUEUED;
import static io.flipflop.api.videopost.VideoPostState.UPLOADED;

import io.flipflop.api.videopost.AllowMemberOnVideoPost;
import io.flipflop.api.videopost.CancelProcessing;
import io.flipflop.api.videopost.CompleteAssetUpload;
import io.flipflop.api.videopost.CompleteProcessing;
import io.flipflop.api.videopost.CompleteSourceUpload;
import io.flipflop.api.videopost.DeleteVideoPost;
import io.flipflop.api.videopost.DisallowMemberOnVideoPost;
import io.flipflop.api.videopost.FailProcessing;
import io.flipflop.api.videopost.FailQueuing;
import io.flipflop.api.videopost.FailSourceUpload;
import io.flipflop.api.videopost.InspectVideoPost;
import io.flipflop.api.videopost.QueueTranscoding;
import io.flipflop.api.videopost.RecordAssetUpload;
import io.flipflop.api.videopost.RecordSourcePart;
import io.flipflop.api.videopost.ReportProcessingProgress;
import io.flipflop.api.videopost.RequestAssetUpload;
import io.flipflop.api.videopost.RequestSourceUpload;
import io.flipflop.api.videopost.RetryTranscoding;
import io.flipflop.api.videopost.StartProcessing;
import io.flipflop.api.videopost.UpdateVideoPost;
import io.flipflop.api.videopost.VideoPostCommand;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.platform.error.DomainRejection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The video post state machine of SPEC §2 (reference §15), written once: CREATED → UPLOADED → QUEUED → PROCESSING →
 * PROCESSED, UPLOADED → FAILED_UPLOAD (the source is no video), UPLOADED → FAILED_QUEUING → QUEUED (retry),
 * PROCESSING → FAILED_PROCESSING → PROCESSING (retry). Our decisions where the spec is silent:
 * <ul>
 *   <li>A FAILED_UPLOAD post may ask for upload URLs again, which starts over at CREATED.</li>
 *   <li>A job runs again after a worker restart: StartProcessing in PROCESSING is a new attempt.</li>
 *   <li>Cancelling a QUEUED or PROCESSING job ends in FAILED_PROCESSING (reason CANCELLED), from which it may be
 *       retried.</li>
 *   <li>The app asks for a retry (RetryTranscoding, a self-loop in FAILED_QUEUING and FAILED_PROCESSING); the
 *       media worker then makes the retry edge happen (QueueTranscoding, or StartProcessing by a worker).</li>
 *   <li>Inspecting, editing the details and the allowlist, uploading a thumbnail or preview, and deleting are
 *       allowed in every state; the transcoding profiles change only in CREATED and FAILED_UPLOAD (see
 *       {@link #requireProfilesChangeable}).</li>
 * </ul>
 * A (state, command) pair not in the table is refused with {@code VIDEO_POST_STATE_NOT_} + the states the command
 * needs, joined by {@code _OR_}. Creation has no "from" state and is not here.
 */
public final class VideoPostTransitions {

    private static final List<Class<? extends VideoPostCommand>> EVERYWHERE = List.of(InspectVideoPost.class,
            UpdateVideoPost.class, DeleteVideoPost.class, AllowMemberOnVideoPost.class,
            DisallowMemberOnVideoPost.class, RequestAssetUpload.class, RecordAssetUpload.class,
            CompleteAssetUpload.class);

    private static final Map<VideoPostState, Map<Class<? extends VideoPostCommand>, VideoPostState>> TABLE =
            new EnumMap<>(VideoPostState.class);

    static {
        row(CREATED, Map.of(
                RequestSourceUpload.class, CREATED,
                RecordSourcePart.class, CREATED,
                CompleteSourceUpload.class, UPLOADED));
        row(UPLOADED, Map.of(
                FailSourceUpload.class, FAILED_UPLOAD,
                QueueTranscoding.class, QUEUED,
                FailQueuing.class, FAILED_QUEUING));
        row(QUEUED, Map.of(
                StartProcessing.class, PROCESSING,
                CancelProcessing.class, FAILED_PROCESSING));
        row(PROCESSING, Map.of(
                StartProcessing.class, PROCESSING,
                ReportProcessingProgress.class, PROCESSING,
                CompleteProcessing.class, PROCESSED,
                FailProcessing.class, FAILED_PROCESSING,
                CancelProcessing.class, FAILED_PROCESSING));
        row(PROCESSED, Map.of());
        row(FAILED_UPLOAD, Map.of(RequestSourceUpload.class, CREATED));
        row(FAILED_QUEUING, Map.of(
                RetryTranscoding.class, FAILED_QUEUING,
                QueueTranscoding.class, QUEUED));
        row(FAILED_PROCESSING, Map.of(
                RetryTranscoding.class, FAILED_PROCESSING,
                StartProcessing.class, PROCESSING));
    }

    private VideoPostTransitions() {
    }

    private static void row(VideoPostState state, Map<Class<? extends VideoPostCommand>, VideoPostState> moves) {
        Map<Class<? extends VideoPostCommand>, VideoPostState> row = new HashMap<>(moves);
        EVERYWHERE.forEach(command -> row.put(command, state));
        TABLE.put(state, Map.copyOf(row));
    }

    /** Profiles may change until the upload completes: from then on the job is queued (or runs) with them. */
    private static final Set<VideoPostState> PROFILES_CHANGEABLE = EnumSet.of(CREATED, FAILED_UPLOAD);

    /** Refuses a change of profiles once transcoding started (reference §10.4), naming the states that allow it. */
    public static void requireProfilesChangeable(VideoPostState state) {
        if (!PROFILES_CHANGEABLE.contains(state)) {
            throw new DomainRejection("VIDEO_POST_STATE_NOT_" + String.join("_OR_", names(PROFILES_CHANGEABLE)),
                    "Video post is " + state + "; its transcoding profiles can change only while it is "
                            + String.join(" or ", names(PROFILES_CHANGEABLE)));
        }
    }

    /** The state {@code command} leads to from {@code from}, or the rejection naming the states it needs. */
    public static VideoPostState next(VideoPostState from, Class<? extends VideoPostCommand> command) {
        return Optional.ofNullable(TABLE.get(from).get(command)).orElseThrow(() -> rejection(from, command));
    }

    public static DomainRejection rejection(VideoPostState from, Class<? extends VideoPostCommand> command) {
        return new DomainRejection(rejectionCode(command), "Video post is " + from + "; "
                + command.getSimpleName() + " needs " + String.join(" or ", names(statesAccepting(command))));
    }

    public static Set<VideoPostState> statesAccepting(Class<? extends VideoPostCommand> command) {
        Set<VideoPostState> states = EnumSet.noneOf(VideoPostState.class);
        TABLE.forEach((state, row) -> {
            if (row.containsKey(command)) {
                states.add(state);
            }
        });
        return states;
    }

    public static String rejectionCode(Class<? extends VideoPostCommand> command) {
        return "VIDEO_POST_STATE_NOT_" + String.join("_OR_", names(statesAccepting(command)));
    }

    private static List<String> names(Set<VideoPostState> states) {
        return states.stream().map(Enum::name).toList();
    }
}
