package io.flipflop.command.member;

import static org.hamcrest.Matchers.equalTo;

import io.flipflop.api.member.DeleteMember;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.member.ProfileField;
import io.flipflop.api.member.RegisterMember;
import io.flipflop.api.member.UpdateMemberProfile;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.platform.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static final long APP = 7;
    private static final long MEMBER = 100;
    private static final long STREAM_KEY = 101;
    private static final String KEY_STRING = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-28T10:00:00Z");
    private static final MemberProfile ALICE = new MemberProfile("Alice", "https://img/a.png", null, "MEMBER",
            Map.of("tier", "gold"));

    private final AggregateTestFixture<Member> fixture = new AggregateTestFixture<>(Member.class);

    // registration

    @Test
    void registeringAMemberAlsoCreatesItsInactiveStreamKey() {
        fixture.givenNoPriorActivity()
                .when(register(ALICE))
                .expectEvents(registered(ALICE), new StreamKeyCreated(STREAM_KEY, APP, MEMBER, KEY_STRING));
    }

    @Test
    void registeringAnswersTheMemberAsRegistered() {
        fixture.givenCurrentTime(REGISTERED_AT)
                .when(register(ALICE))
                .expectResultMessagePayload(new MemberState(MEMBER, APP, "alice1", ALICE, false, STREAM_KEY,
                        REGISTERED_AT, REGISTERED_AT));
    }

    @Test
    void registeringWithoutAProfileRecordsAnEmptyOne() {
        fixture.givenNoPriorActivity()
                .when(register(null))
                .expectEvents(registered(MemberProfile.EMPTY),
                        new StreamKeyCreated(STREAM_KEY, APP, MEMBER, KEY_STRING));
    }

    @Test
    void registeringAGuestCreatesNoStreamKey() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, APP, "guest-100", MemberProfile.EMPTY, true, null, null))
                .expectEvents(new MemberRegistered(MEMBER, APP, "guest-100", MemberProfile.EMPTY, true, null));
    }

    @Test
    void registeringANonGuestWithoutAStreamKeyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, APP, "alice1", ALICE, false, null, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void registeringAGuestWithAStreamKeyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, APP, "guest-100", MemberProfile.EMPTY, true, STREAM_KEY, KEY_STRING))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void registeringWithoutAppUserIdIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, APP, "", ALICE, false, STREAM_KEY, KEY_STRING))
                .expectException(rejectedWith("EMPTY_APP_USER_ID"))
                .expectNoEvents();
    }

    @Test
    void registeringAnAppUserIdWithOtherThanLettersAndDigitsIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, APP, "alice-1", ALICE, false, STREAM_KEY, KEY_STRING))
                .expectException(rejectedWith("INVALID_APP_USER_ID_FORMAT"))
                .expectNoEvents();
    }

    @Test
    void registeringWithATooLongCustomTypeIsRejected() {
        fixture.givenNoPriorActivity()
                .when(register(new MemberProfile(null, null, null, "x".repeat(51), null)))
                .expectException(rejectedWith("CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED"))
                .expectNoEvents();
    }

    @Test
    void registeringWithTooManyCustomDataItemsIsRejected() {
        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        fixture.givenNoPriorActivity()
                .when(register(new MemberProfile(null, null, null, null, eleven)))
                .expectException(rejectedWith("CUSTOM_DATA_ITEM_COUNT_UPPER_LIMIT_EXCEEDED"))
                .expectNoEvents();
    }

    @Test
    void registeringWithATooLongCustomDataNameIsRejected() {
        fixture.givenNoPriorActivity()
                .when(register(new MemberProfile(null, null, null, null, Map.of("k".repeat(51), "v"))))
                .expectException(rejectedWith("CUSTOM_DATA_ITEM_NAME_SIZE_UPPER_LIMIT_EXCEEDED"))
                .expectNoEvents();
    }

    @Test
    void registeringWithATooLongCustomDataValueIsRejected() {
        fixture.givenNoPriorActivity()
                .when(register(new MemberProfile(null, null, null, null, Map.of("k", "v".repeat(51)))))
                .expectException(rejectedWith("CUSTOM_DATA_ITEM_VALUE_SIZE_UPPER_LIMIT_EXCEEDED"))
                .expectNoEvents();
    }

    // registering again: login and upsert of an existing member

    @Test
    void registeringAnExistingMemberSetsOnlyTheGivenFields() {
        MemberProfile login = new MemberProfile("Alice B.", null, "alice@example.com", null, null);
        fixture.given(registered(ALICE))
                .when(register(login))
                .expectEvents(new MemberProfileUpdated(MEMBER, APP, new MemberProfile("Alice B.",
                        "https://img/a.png", "alice@example.com", "MEMBER", Map.of("tier", "gold"))));
    }

    @Test
    void registeringAnExistingMemberCreatesNoSecondStreamKey() {
        fixture.given(registered(ALICE))
                .when(register(null))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching(MemberState::streamKeyId, STREAM_KEY));
    }

    @Test
    void registeringAnExistingMemberWithTheSameProfileRecordsNothing() {
        fixture.given(registered(ALICE))
                .when(register(ALICE))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching(MemberState::profile, ALICE));
    }

    @Test
    void registeringAnExistingMemberBeyondTheCustomDataLimitIsRejected() {
        fixture.given(registered(ALICE))
                .when(register(new MemberProfile(null, null, null, null, Map.of("k", "v".repeat(51)))))
                .expectException(rejectedWith("CUSTOM_DATA_ITEM_VALUE_SIZE_UPPER_LIMIT_EXCEEDED"))
                .expectNoEvents();
    }

    @Test
    void registeringADeletedMemberIsRejected() {
        fixture.given(registered(ALICE), new MemberDeleted(MEMBER, APP, "alice1"))
                .when(register(ALICE))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void registeringAMemberOfAnotherAppIsRejected() {
        fixture.given(registered(ALICE))
                .when(new RegisterMember(MEMBER, APP + 1, "alice1", ALICE, false, STREAM_KEY, KEY_STRING))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"))
                .expectNoEvents();
    }

    // profile updates

    @Test
    void updatingSetsTheListedFieldsAndANullClearsOne() {
        MemberProfile values = new MemberProfile("Alice C.", null, null, null, null);
        fixture.given(registered(ALICE))
                .when(new UpdateMemberProfile(MEMBER, values,
                        Set.of(ProfileField.APP_USER_NAME, ProfileField.APP_USER_PROFILE_IMG_URL)))
                .expectEvents(new MemberProfileUpdated(MEMBER, APP,
                        new MemberProfile("Alice C.", null, null, "MEMBER", Map.of("tier", "gold"))));
    }

    @Test
    void updatingMovesLastModifiedAtButNotCreatedAt() {
        Instant later = REGISTERED_AT.plus(Duration.ofHours(1));
        MemberProfile renamed = new MemberProfile("Alice C.", "https://img/a.png", null, "MEMBER",
                Map.of("tier", "gold"));
        fixture.givenCurrentTime(REGISTERED_AT)
                .andGiven(registered(ALICE))
                .andGivenCurrentTime(later)
                .when(new UpdateMemberProfile(MEMBER, renamed, Set.of(ProfileField.APP_USER_NAME)))
                .expectResultMessagePayload(new MemberState(MEMBER, APP, "alice1", renamed, false, STREAM_KEY,
                        REGISTERED_AT, later));
    }

    @Test
    void updatingWithoutAChangeRecordsNothing() {
        fixture.given(registered(ALICE))
                .when(new UpdateMemberProfile(MEMBER, ALICE, Set.of(ProfileField.values())))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void updatingBeyondTheCustomTypeLimitIsRejected() {
        fixture.given(registered(ALICE))
                .when(new UpdateMemberProfile(MEMBER, new MemberProfile(null, null, null, "x".repeat(51), null),
                        Set.of(ProfileField.CUSTOM_TYPE)))
                .expectException(rejectedWith("CUSTOM_TYPE_SIZE_UPPER_LIMIT_EXCEEDED"))
                .expectNoEvents();
    }

    @Test
    void updatingADeletedMemberIsRejected() {
        fixture.given(registered(ALICE), new MemberDeleted(MEMBER, APP, "alice1"))
                .when(new UpdateMemberProfile(MEMBER, MemberProfile.EMPTY, Set.of(ProfileField.APP_USER_NAME)))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void updatingAMemberThatWasNeverRegisteredFindsNoMember() {
        fixture.givenNoPriorActivity()
                .when(new UpdateMemberProfile(MEMBER, MemberProfile.EMPTY, Set.of()))
                .expectException(AggregateNotFoundException.class);
    }

    // deletion

    @Test
    void deletingAMemberRecordsItsDeletion() {
        fixture.given(registered(ALICE))
                .when(new DeleteMember(MEMBER))
                .expectEvents(new MemberDeleted(MEMBER, APP, "alice1"));
    }

    @Test
    void deletingADeletedMemberIsRejected() {
        fixture.given(registered(ALICE), new MemberDeleted(MEMBER, APP, "alice1"))
                .when(new DeleteMember(MEMBER))
                .expectException(rejectedWith("MEMBER_NOT_FOUND"))
                .expectNoEvents();
    }

    private static RegisterMember register(MemberProfile profile) {
        return new RegisterMember(MEMBER, APP, "alice1", profile, false, STREAM_KEY, KEY_STRING);
    }

    private static MemberRegistered registered(MemberProfile profile) {
        return new MemberRegistered(MEMBER, APP, "alice1", profile, false, STREAM_KEY);
    }

    private static Matcher<ApiException> rejectedWith(String errorCode) {
        return new FeatureMatcher<>(equalTo(errorCode), "an ApiException with errorCode", "errorCode") {
            @Override
            protected String featureValueOf(ApiException rejection) {
                return rejection.errorCode();
            }
        };
    }

    private static <T> Matcher<MemberState> matching(java.util.function.Function<MemberState, T> part, T expected) {
        return new FeatureMatcher<>(equalTo(expected), "a member state with", "state") {
            @Override
            protected T featureValueOf(MemberState state) {
                return part.apply(state);
            }
        };
    }
}
