package io.flipflop.api.webhook;

/** Body of {@code PUT /console/v1/apps/{appId}/callback}; all three are required (reference §17.1). */
public record CallbackRegistrationRequest(String callbackUrl, String callbackId, String callbackPassword) {

    /** Frameworks log decoded bodies at DEBUG through toString; the password must never be among them. */
    @Override
    public String toString() {
        return "CallbackRegistrationRequest[callbackUrl=" + callbackUrl + ", callbackId=" + callbackId
                + ", callbackPassword=***]";
    }
}
