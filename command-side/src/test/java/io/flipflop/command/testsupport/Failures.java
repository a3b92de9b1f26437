package io.flipflop.command.testsupport;

import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.util.function.Predicate;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;

/** Matchers for the exceptions an aggregate test fixture expects. */
public final class Failures {

    private Failures() {
    }

    /** A {@link DomainRejection} with {@code code} whose message mentions {@code inMessage}. */
    public static Matcher<Object> rejection(String code, String inMessage) {
        return matching(code + " mentioning " + inMessage, failure -> failure instanceof DomainRejection rejection
                && rejection.errorCode().equals(code) && rejection.getMessage().contains(inMessage));
    }

    /** A 404 with {@code code}. */
    public static Matcher<Object> notFound(String code) {
        return matching(code, failure -> failure instanceof ApiException api && api.errorCode().equals(code)
                && api.status().value() == 404);
    }

    private static Matcher<Object> matching(String description, Predicate<Object> test) {
        return new CustomMatcher<>(description) {
            @Override
            public boolean matches(Object item) {
                return test.test(item);
            }
        };
    }
}
