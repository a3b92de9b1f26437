package io.flipflop.command.transcoding;

import static io.flipflop.command.testsupport.Failures.notFound;
import static io.flipflop.command.testsupport.Failures.rejection;

import io.flipflop.api.transcoding.CreateTranscodingProfile;
import io.flipflop.api.transcoding.DeleteTranscodingProfile;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.ProfileSettings.AudioStream;
import io.flipflop.api.transcoding.ProfileSettings.VideoStream;
import io.flipflop.api.transcoding.TranscodingProfileCreated;
import io.flipflop.api.transcoding.TranscodingProfileDeleted;
import io.flipflop.api.transcoding.TranscodingProfileType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TranscodingProfileTest {

    private static final long PROFILE = 700;
    private static final long APP = 7;
    private static final TranscodingProfileType VIDEO = TranscodingProfileType.VIDEO;
    private static final TranscodingProfileType THUMBNAIL = TranscodingProfileType.THUMBNAIL;
    private static final TranscodingProfileType PREVIEW = TranscodingProfileType.PREVIEW;

    private AggregateTestFixture<TranscodingProfile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TranscodingProfile.class);
    }

    @Test
    void aVideoProfileIsRecordedWithItsRungsTopFirstAndTheDefaultsFilledIn() {
        fixture.givenNoPriorActivity()
                .when(create(VIDEO, "Two rungs", new ProfileSettings(List.of(new VideoStream(360, 800_000),
                        new VideoStream(720, 2_500_000)), null, null, null, null, null, null, null)))
                .expectEvents(new TranscodingProfileCreated(PROFILE, APP, VIDEO, "Two rungs", null,
                        ProfileSettings.video(List.of(new VideoStream(720, 2_500_000), new VideoStream(360, 800_000)),
                                128_000, false)));
    }

    @Test
    void thumbnailAndPreviewProfilesGetTheirDefaults() {
        fixture.givenNoPriorActivity()
                .when(create(THUMBNAIL, "Small", new ProfileSettings(null, null, null, 320, 180, null, null, null)))
                .expectEvents(new TranscodingProfileCreated(PROFILE, APP, THUMBNAIL, "Small", null,
                        ProfileSettings.thumbnail(320, 180, 1.0)));
        new AggregateTestFixture<>(TranscodingProfile.class).givenNoPriorActivity()
                .when(create(PREVIEW, "Teaser", new ProfileSettings(null, null, null, null, 240, null, null, 3.0)))
                .expectEvents(new TranscodingProfileCreated(PROFILE, APP, PREVIEW, "Teaser", null,
                        ProfileSettings.preview(0, 3, 240)));
    }

    /** Every rule of {@link TranscodingProfileRules}, each with a profile that breaks only it. */
    @TestFactory
    Stream<DynamicTest> everyBrokenRuleIsRefusedWithItsCode() {
        ProfileSettings rung = video(new VideoStream(720, 2_000_000));
        List<Object[]> cases = new ArrayList<>(Arrays.asList(
                new Object[] {"EMPTY_TRANSCODING_PROFILE_TYPE", null, "n", rung},
                new Object[] {"UNSUPPORTED_TRANSCODING_PROFILE_TYPE", TranscodingProfileType.BROADCAST_RTMP, "n", rung},
                new Object[] {"EMPTY_TRANSCODING_PROFILE_NAME", VIDEO, " ", rung},
                new Object[] {"TRANSCODING_PROFILE_NAME_SIZE_UPPER_LIMIT_EXCEEDED", VIDEO, "n".repeat(101), rung},
                new Object[] {"EMPTY_TRANSCODING_PROFILE_SETTINGS", VIDEO, "n", null},
                new Object[] {"INVALID_TRANSCODING_PROFILE_SETTINGS", VIDEO, "n", new ProfileSettings(
                        rung.videoStreams(), null, null, 640, null, null, null, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_RUNG_COUNT", VIDEO, "n", video()},
                new Object[] {"INVALID_TRANSCODING_PROFILE_RUNG_COUNT", VIDEO, "n", video(
                        new VideoStream(1080, 1_000_000), new VideoStream(900, 1_000_000),
                        new VideoStream(720, 1_000_000), new VideoStream(540, 1_000_000),
                        new VideoStream(480, 1_000_000), new VideoStream(360, 1_000_000),
                        new VideoStream(240, 1_000_000))},
                new Object[] {"INVALID_TRANSCODING_PROFILE_HEIGHT", VIDEO, "n", video(new VideoStream(721, 1_000_000))},
                new Object[] {"INVALID_TRANSCODING_PROFILE_HEIGHT", VIDEO, "n", video(new VideoStream(4320, 1_000_000))},
                new Object[] {"INVALID_TRANSCODING_PROFILE_BITRATE", VIDEO, "n", video(new VideoStream(720, 50))},
                new Object[] {"DUPLICATE_TRANSCODING_PROFILE_RUNG", VIDEO, "n", video(new VideoStream(720, 1_000_000),
                        new VideoStream(720, 2_000_000))},
                new Object[] {"INVALID_TRANSCODING_PROFILE_AUDIO_BITRATE", VIDEO, "n", new ProfileSettings(
                        rung.videoStreams(), new AudioStream(8_000), null, null, null, null, null, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_WIDTH", THUMBNAIL, "n", thumbnail(null, null, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_WIDTH", THUMBNAIL, "n", thumbnail(321, null, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_HEIGHT", THUMBNAIL, "n", thumbnail(320, 8, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_OFFSET", THUMBNAIL, "n", thumbnail(320, null, -1.0)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_SETTINGS", THUMBNAIL, "n", new ProfileSettings(null, null,
                        true, 320, null, null, null, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_START", PREVIEW, "n", preview(-2.0, 3.0, 240)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_DURATION", PREVIEW, "n", preview(0.0, null, 240)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_DURATION", PREVIEW, "n", preview(0.0, 31.0, 240)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_HEIGHT", PREVIEW, "n", preview(0.0, 3.0, null)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_HEIGHT", PREVIEW, "n", preview(0.0, 3.0, 2160)},
                new Object[] {"INVALID_TRANSCODING_PROFILE_SETTINGS", PREVIEW, "n", new ProfileSettings(null, null,
                        null, 320, 240, null, 0.0, 3.0)}));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1] + " " + c[3], () ->
                new AggregateTestFixture<>(TranscodingProfile.class).givenNoPriorActivity()
                        .when(create((TranscodingProfileType) c[1], (String) c[2], (ProfileSettings) c[3]))
                        .expectNoEvents()
                        .expectException(rejection((String) c[0], ""))));
    }

    @Test
    void aLongDescriptionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTranscodingProfile(PROFILE, APP, THUMBNAIL, "n", "d".repeat(501),
                        thumbnail(320, null, null)))
                .expectException(rejection("TRANSCODING_PROFILE_DESCRIPTION_SIZE_UPPER_LIMIT_EXCEEDED", "500"));
    }

    @Test
    void aProfileIsNotMadeTwice() {
        fixture.given(created())
                .when(create(THUMBNAIL, "Again", thumbnail(320, null, null)))
                .expectNoEvents()
                .expectException(rejection("TRANSCODING_PROFILE_ALREADY_EXISTS", "exists"));
    }

    @Test
    void theAppDeletesItsProfileOnce() {
        fixture.given(created())
                .when(new DeleteTranscodingProfile(PROFILE, APP))
                .expectEvents(new TranscodingProfileDeleted(PROFILE, APP, THUMBNAIL));
        fixture.given(created(), new TranscodingProfileDeleted(PROFILE, APP, THUMBNAIL))
                .when(new DeleteTranscodingProfile(PROFILE, APP))
                .expectNoEvents()
                .expectException(notFound("TRANSCODING_PROFILE_NOT_FOUND"));
    }

    @Test
    void anotherAppDoesNotFindTheProfile() {
        fixture.given(created())
                .when(new DeleteTranscodingProfile(PROFILE, APP + 1))
                .expectNoEvents()
                .expectException(notFound("TRANSCODING_PROFILE_NOT_FOUND"));
    }

    private static TranscodingProfileCreated created() {
        return new TranscodingProfileCreated(PROFILE, APP, THUMBNAIL, "Small", null,
                ProfileSettings.thumbnail(320, null, 1.0));
    }

    private static CreateTranscodingProfile create(TranscodingProfileType type, String name, ProfileSettings profile) {
        return new CreateTranscodingProfile(PROFILE, APP, type, name, null, profile);
    }

    private static ProfileSettings video(VideoStream... rungs) {
        return new ProfileSettings(List.of(rungs), null, null, null, null, null, null, null);
    }

    private static ProfileSettings thumbnail(Integer width, Integer height, Double offset) {
        return new ProfileSettings(null, null, null, width, height, offset, null, null);
    }

    private static ProfileSettings preview(Double start, Double duration, Integer height) {
        return new ProfileSettings(null, null, null, null, height, null, start, duration);
    }
}
