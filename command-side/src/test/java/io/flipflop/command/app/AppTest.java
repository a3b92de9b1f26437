package io.flipflop.command.app;

import static org.hamcrest.Matchers.equalTo;

import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.api.app.AppDefaultRtmpOutputModeChanged;
import io.flipflop.api.app.AppDefaultTranscodingProfileChanged;
import io.flipflop.api.app.ChangeAppDefaultRtmpOutputMode;
import io.flipflop.api.app.ChangeAppDefaultTranscodingProfile;
import io.flipflop.api.app.CreateApp;
import io.flipflop.api.app.RotateAppCredentials;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.platform.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class AppTest {

    private static final long APP = 7;
    private static final long OWNER = 3;
    private static final long OTHER_USER = 4;
    private static final Instant CREATED_AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final AppCreated CREATED = new AppCreated(APP, OWNER, "Live Shop", "key1", "hash1");

    private final AggregateTestFixture<App> fixture = new AggregateTestFixture<>(App.class);

    @Test
    void creatingAnAppRecordsItsOwnerNameAndHashedCredentials() {
        fixture.givenNoPriorActivity()
                .when(new CreateApp(APP, OWNER, "Live Shop", "key1", "hash1"))
                .expectEvents(CREATED);
    }

    @Test
    void creatingAnAppAnswersTheAppAsCreated() {
        fixture.givenCurrentTime(CREATED_AT)
                .when(new CreateApp(APP, OWNER, "Live Shop", "key1", "hash1"))
                .expectResultMessagePayload(new AppState(APP, OWNER, "Live Shop", "key1", OutputMode.CMAF, CREATED_AT,
                        CREATED_AT));
    }

    @Test
    void creatingAnAppWithABlankNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApp(APP, OWNER, "  ", "key1", "hash1"))
                .expectException(rejectedWith("EMPTY_APP_NAME"))
                .expectNoEvents();
    }

    @Test
    void creatingAnAppWithoutANameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateApp(APP, OWNER, null, "key1", "hash1"))
                .expectException(rejectedWith("EMPTY_APP_NAME"))
                .expectNoEvents();
    }

    @Test
    void creatingAnAppUnderAnIdInUseIsRefused() {
        fixture.given(CREATED)
                .when(new CreateApp(APP, OTHER_USER, "Other", "key2", "hash2"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void theOwnerChoosesAndResetsTheAppsDefaultTranscodingProfileOnce() {
        fixture.given(CREATED)
                .when(new ChangeAppDefaultTranscodingProfile(APP, OWNER, TranscodingProfileType.VIDEO, 700L))
                .expectEvents(new AppDefaultTranscodingProfileChanged(APP, TranscodingProfileType.VIDEO, 700L));
        fixture.given(CREATED, new AppDefaultTranscodingProfileChanged(APP, TranscodingProfileType.VIDEO, 700L))
                .when(new ChangeAppDefaultTranscodingProfile(APP, OWNER, TranscodingProfileType.VIDEO, 700L))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(CREATED, new AppDefaultTranscodingProfileChanged(APP, TranscodingProfileType.VIDEO, 700L))
                .when(new ChangeAppDefaultTranscodingProfile(APP, OWNER, TranscodingProfileType.VIDEO, null))
                .expectEvents(new AppDefaultTranscodingProfileChanged(APP, TranscodingProfileType.VIDEO, null));
        fixture.given(CREATED)
                .when(new ChangeAppDefaultTranscodingProfile(APP, OWNER, TranscodingProfileType.PREVIEW, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheOwnerChoosesADefaultProfileOfAPostsType() {
        fixture.given(CREATED)
                .when(new ChangeAppDefaultTranscodingProfile(APP, OTHER_USER, TranscodingProfileType.VIDEO, 700L))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new ChangeAppDefaultTranscodingProfile(APP, OWNER, TranscodingProfileType.BROADCAST_RTMP, 1L))
                .expectException(rejectedWith("UNSUPPORTED_TRANSCODING_PROFILE_TYPE"))
                .expectNoEvents();
    }

    @Test
    void changingTheDefaultOutputModeIsRecordedAndAnswered() {
        Instant later = CREATED_AT.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(CREATED_AT)
                .andGiven(CREATED)
                .andGivenCurrentTime(later)
                .when(new ChangeAppDefaultRtmpOutputMode(APP, OWNER, OutputMode.RTMP))
                .expectEvents(new AppDefaultRtmpOutputModeChanged(APP, OutputMode.RTMP))
                .expectResultMessagePayload(new AppState(APP, OWNER, "Live Shop", "key1", OutputMode.RTMP, CREATED_AT,
                        later));
    }

    @Test
    void changingTheDefaultOutputModeToTheModeTheAppHasRecordsNothing() {
        fixture.given(CREATED, new AppDefaultRtmpOutputModeChanged(APP, OutputMode.RTMP_CMAF))
                .when(new ChangeAppDefaultRtmpOutputMode(APP, OWNER, OutputMode.RTMP_CMAF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewAppsDefaultOutputModeIsCmafSoSettingCmafRecordsNothing() {
        fixture.given(CREATED)
                .when(new ChangeAppDefaultRtmpOutputMode(APP, OWNER, OutputMode.CMAF))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingAnotherUsersAppsDefaultOutputModeIsRejectedAsNotFound() {
        fixture.given(CREATED)
                .when(new ChangeAppDefaultRtmpOutputMode(APP, OTHER_USER, OutputMode.RTMP))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void rotatingCredentialsReplacesKeyAndSecretHash() {
        fixture.given(CREATED)
                .when(new RotateAppCredentials(APP, OWNER, "key2", "hash2"))
                .expectEvents(new AppCredentialsRotated(APP, "key1", "key2", "hash2"));
    }

    @Test
    void rotatingCredentialsAnswersTheNewKeyAndMovesLastModifiedAt() {
        Instant later = CREATED_AT.plus(Duration.ofDays(1));
        fixture.givenCurrentTime(CREATED_AT)
                .andGiven(CREATED)
                .andGivenCurrentTime(later)
                .when(new RotateAppCredentials(APP, OWNER, "key2", "hash2"))
                .expectResultMessagePayload(new AppState(APP, OWNER, "Live Shop", "key2", OutputMode.CMAF, CREATED_AT,
                        later));
    }

    @Test
    void rotatingTwiceRevokesTheKeyOfTheFirstRotation() {
        fixture.given(CREATED, new AppCredentialsRotated(APP, "key1", "key2", "hash2"))
                .when(new RotateAppCredentials(APP, OWNER, "key3", "hash3"))
                .expectEvents(new AppCredentialsRotated(APP, "key2", "key3", "hash3"));
    }

    @Test
    void rotatingCredentialsOfAnotherUsersAppIsRejected() {
        fixture.given(CREATED)
                .when(new RotateAppCredentials(APP, OTHER_USER, "key2", "hash2"))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void rotatingCredentialsOfAnUnknownAppFindsNoApp() {
        fixture.givenNoPriorActivity()
                .when(new RotateAppCredentials(APP, OWNER, "key2", "hash2"))
                .expectException(AggregateNotFoundException.class);
    }

    static Matcher<ApiException> rejectedWith(String errorCode) {
        return new FeatureMatcher<>(equalTo(errorCode), "an ApiException with errorCode", "errorCode") {
            @Override
            protected String featureValueOf(ApiException rejection) {
                return rejection.errorCode();
            }
        };
    }
}
