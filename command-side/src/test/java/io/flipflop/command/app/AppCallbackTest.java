package io.flipflop.command.app;

import static io.flipflop.command.app.AppTest.rejectedWith;

import io.flipflop.api.app.AppCallbackRegistered;
import io.flipflop.api.app.AppCallbackSigningSecretRotated;
import io.flipflop.api.app.AppCallbackTestRequested;
import io.flipflop.api.app.AppCallbackUnregistered;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.RegisterAppCallback;
import io.flipflop.api.app.RequestAppCallbackTest;
import io.flipflop.api.app.RotateAppCallbackSigningSecret;
import io.flipflop.api.app.SealedSecret;
import io.flipflop.api.app.UnregisterAppCallback;
import io.flipflop.platform.webhook.CallbackAddressPolicy;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook registration of an app (reference §17.1) as commands on the App aggregate. */
class AppCallbackTest {

    private static final long APP = 7;
    private static final long OWNER = 3;
    private static final long OTHER_USER = 4;
    private static final String URL = "https://hooks.example.com/flipflop";
    private static final SealedSecret PASSWORD = new SealedSecret("k:password");
    private static final SealedSecret SECRET = new SealedSecret("k:secret1");
    private static final SealedSecret OTHER_SECRET = new SealedSecret("k:secret2");
    private static final AppCreated CREATED = new AppCreated(APP, OWNER, "Live Shop", "key1", "hash1");
    private static final AppCallbackRegistered REGISTERED =
            new AppCallbackRegistered(APP, URL, "shop", PASSWORD, SECRET);

    private final AggregateTestFixture<App> fixture = withAddressPolicy(new CallbackAddressPolicy(false));

    private static AggregateTestFixture<App> withAddressPolicy(CallbackAddressPolicy addresses) {
        AggregateTestFixture<App> fixture = new AggregateTestFixture<>(App.class);
        fixture.registerInjectableResource(addresses);
        return fixture;
    }

    @Test
    void theFirstRegistrationIssuesTheSigningSecret() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, URL, "shop", PASSWORD, SECRET))
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new CallbackRegistrationState(URL, "shop", true));
    }

    @Test
    void aNewRegistrationKeepsTheSigningSecretTheAppHas() {
        String newUrl = "http://203.0.113.7:9000/hooks";
        SealedSecret newPassword = new SealedSecret("k:password2");
        fixture.given(CREATED, REGISTERED)
                .when(new RegisterAppCallback(APP, OWNER, newUrl, "shop2", newPassword, OTHER_SECRET))
                .expectEvents(new AppCallbackRegistered(APP, newUrl, "shop2", newPassword, SECRET))
                .expectResultMessagePayload(new CallbackRegistrationState(newUrl, "shop2", false));
    }

    @Test
    void aRegistrationAfterAnUnregistrationIssuesANewSigningSecret() {
        fixture.given(CREATED, REGISTERED, new AppCallbackUnregistered(APP))
                .when(new RegisterAppCallback(APP, OWNER, URL, "shop", PASSWORD, OTHER_SECRET))
                .expectEvents(new AppCallbackRegistered(APP, URL, "shop", PASSWORD, OTHER_SECRET))
                .expectResultMessagePayload(new CallbackRegistrationState(URL, "shop", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/flipflop", "/relative/path", "ftp://hooks.example.com/x",
            "https://user:pass@hooks.example.com/x", "https:///no-host", "http://bad host/x", "javascript:alert(1)"})
    void aCallbackUrlThatIsNotAnAbsoluteHttpUrlIsRejected(String url) {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, url, "shop", PASSWORD, SECRET))
                .expectException(rejectedWith("INVALID_CALLBACK_URL"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hooks", "https://10.0.0.5/hooks", "http://192.168.1.20/hooks", "http://[fd12::1]/hooks",
            "http://0.0.0.0:8080/hooks", "http://localhost:8080/hooks"})
    void aCallbackUrlReachingAPrivateAddressIsRefusedByDefault(String url) {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, url, "shop", PASSWORD, SECRET))
                .expectException(rejectedWith("CALLBACK_URL_NOT_ALLOWED"))
                .expectNoEvents();
    }

    @Test
    void anotherUserIsToldTheAppDoesNotExistBeforeAnythingAboutTheUrl() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OTHER_USER, "http://127.0.0.1/hooks", "shop", PASSWORD, SECRET))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void aPrivateCallbackUrlIsAcceptedWhenTheOperatorAllowsPrivateAddresses() {
        String loopback = "http://127.0.0.1:8080/hooks";
        withAddressPolicy(new CallbackAddressPolicy(true)).given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, loopback, "shop", PASSWORD, SECRET))
                .expectEvents(new AppCallbackRegistered(APP, loopback, "shop", PASSWORD, SECRET));
    }

    @Test
    void aMissingCallbackUrlIsRejected() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, null, "shop", PASSWORD, SECRET))
                .expectException(rejectedWith("INVALID_CALLBACK_URL"))
                .expectNoEvents();
    }

    @Test
    void aBlankCallbackIdIsRejected() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, URL, " ", PASSWORD, SECRET))
                .expectException(rejectedWith("EMPTY_CALLBACK_ID"))
                .expectNoEvents();
    }

    @Test
    void aCallbackIdWithAColonIsRejectedBecauseBasicAuthCouldNotCarryIt() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, URL, "shop:1", PASSWORD, SECRET))
                .expectException(rejectedWith("INVALID_CALLBACK_ID"))
                .expectNoEvents();
    }

    @Test
    void aMissingCallbackPasswordIsRejected() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OWNER, URL, "shop", null, SECRET))
                .expectException(rejectedWith("EMPTY_CALLBACK_PASSWORD"))
                .expectNoEvents();
    }

    @Test
    void anotherUsersAppCannotRegisterACallback() {
        fixture.given(CREATED)
                .when(new RegisterAppCallback(APP, OTHER_USER, URL, "shop", PASSWORD, SECRET))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void rotatingTheSigningSecretReplacesIt() {
        fixture.given(CREATED, REGISTERED)
                .when(new RotateAppCallbackSigningSecret(APP, OWNER, OTHER_SECRET))
                .expectEvents(new AppCallbackSigningSecretRotated(APP, OTHER_SECRET));
    }

    @Test
    void aRotatedSigningSecretIsKeptByTheNextRegistration() {
        fixture.given(CREATED, REGISTERED, new AppCallbackSigningSecretRotated(APP, OTHER_SECRET))
                .when(new RegisterAppCallback(APP, OWNER, URL, "shop", PASSWORD, new SealedSecret("k:unused")))
                .expectEvents(new AppCallbackRegistered(APP, URL, "shop", PASSWORD, OTHER_SECRET));
    }

    @Test
    void rotatingTheSigningSecretWithoutACallbackIsRejected() {
        fixture.given(CREATED)
                .when(new RotateAppCallbackSigningSecret(APP, OWNER, OTHER_SECRET))
                .expectException(rejectedWith("CALLBACK_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void anotherUserCannotRotateTheSigningSecret() {
        fixture.given(CREATED, REGISTERED)
                .when(new RotateAppCallbackSigningSecret(APP, OTHER_USER, OTHER_SECRET))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void unregisteringRemovesTheCallback() {
        fixture.given(CREATED, REGISTERED)
                .when(new UnregisterAppCallback(APP, OWNER))
                .expectEvents(new AppCallbackUnregistered(APP));
    }

    @Test
    void unregisteringWithoutACallbackChangesNothing() {
        fixture.given(CREATED, REGISTERED, new AppCallbackUnregistered(APP))
                .when(new UnregisterAppCallback(APP, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherUserCannotUnregisterTheCallback() {
        fixture.given(CREATED, REGISTERED)
                .when(new UnregisterAppCallback(APP, OTHER_USER))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void aTestDeliveryIsRequestedForARegisteredCallback() {
        fixture.given(CREATED, REGISTERED)
                .when(new RequestAppCallbackTest(APP, OWNER, "delivery-1"))
                .expectEvents(new AppCallbackTestRequested(APP, "delivery-1"));
    }

    @Test
    void aTestDeliveryWithoutACallbackIsRejected() {
        fixture.given(CREATED, REGISTERED, new AppCallbackUnregistered(APP))
                .when(new RequestAppCallbackTest(APP, OWNER, "delivery-1"))
                .expectException(rejectedWith("CALLBACK_NOT_REGISTERED"))
                .expectNoEvents();
    }

    @Test
    void anotherUserCannotSendATestDelivery() {
        fixture.given(CREATED, REGISTERED)
                .when(new RequestAppCallbackTest(APP, OTHER_USER, "delivery-1"))
                .expectException(rejectedWith("APP_NOT_FOUND"))
                .expectNoEvents();
    }
}
