package io.flipflop.command.user;

import static org.hamcrest.Matchers.equalTo;

import io.flipflop.api.user.SignUpUser;
import io.flipflop.api.user.UserSignedUp;
import io.flipflop.platform.error.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final String BCRYPT_HASH = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    private final AggregateTestFixture<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);

    @Test
    void signingUpRecordsTheUserWithTheHashOfThePassword() {
        fixture.givenNoPriorActivity()
                .when(new SignUpUser(1, "ada@example.com", BCRYPT_HASH))
                .expectEvents(new UserSignedUp(1, "ada@example.com", BCRYPT_HASH));
    }

    @Test
    void signingUpWithAMalformedEmailIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new SignUpUser(1, "ada.example.com", BCRYPT_HASH))
                .expectException(rejectedWith("INVALID_EMAIL"))
                .expectNoEvents();
    }

    private static Matcher<ApiException> rejectedWith(String errorCode) {
        return new FeatureMatcher<>(equalTo(errorCode), "an ApiException with errorCode", "errorCode") {
            @Override
            protected String featureValueOf(ApiException rejection) {
                return rejection.errorCode();
            }
        };
    }
}
