package io.flipflop.api.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An app's webhook as the console sees it: {@code {"registered": false}} when there is none. The password is
 * never answered; {@code signingSecret} only once, in the answer of the registration that created it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackRegistration(boolean registered, String callbackUrl, String callbackId, String signingSecret) {

    public static CallbackRegistration none() {
        return new CallbackRegistration(false, null, null, null);
    }

    @Override
    public String toString() {
        return "CallbackRegistration[registered=" + registered + ", callbackUrl=" + callbackUrl + ", callbackId="
                + callbackId + (signingSecret == null ? "" : ", signingSecret=***") + "]";
    }
}
