package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.user.ConsoleSession;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Transcoding profiles over HTTP (reference §9, §13.5): the SYSTEM profiles every app sees, an app's own profiles
 * made and deleted in the console, listing filters and paging, tenant isolation, and posts naming profiles.
 */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class TranscodingProfileApiTest {

    private static final Duration SOON = Duration.ofSeconds(10);
    private static final String PROFILES = "/v2/apps/me/transcoding-profiles";
    private static final Map<String, Object> TEASER = Map.of("type", "PREVIEW", "name", "Teaser 3 s",
            "profile", Map.of("startSeconds", 1, "durationSeconds", 3, "height", 240));

    @Autowired
    WebTestClient http;

    FlipFlopClient flipflop;
    ConsoleSession ownerOfA;
    ConsoleSession ownerOfB;
    AppCredentials appA;
    AppCredentials appB;

    @BeforeEach
    void twoApps() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        flipflop = new FlipFlopClient(http);
        ownerOfA = flipflop.signUpNew("a");
        ownerOfB = flipflop.signUpNew("b");
        appA = flipflop.createApp(ownerOfA, "A");
        appB = flipflop.createApp(ownerOfB, "B");
        flipflop.loginMember(appA, "alice1", "Alice");
    }

    @Test
    void everyAppSeesTheSystemProfilesWithFiltersAndPaging() {
        await().atMost(SOON).untilAsserted(() -> list(appA, "").jsonPath("$.totalElements").isEqualTo(4));
        list(appA, "").jsonPath("$.content[*].id").isEqualTo(List.of(1, 2, 3, 4))
                .jsonPath("$.content[0].creatorType").isEqualTo("SYSTEM")
                .jsonPath("$.content[0].representativeType").isEqualTo("DEFAULT")
                .jsonPath("$.content[0].app").isEmpty()
                .jsonPath("$.content[0].profile.videoStreams.length()").isEqualTo(4)
                .jsonPath("$.content[0].profile.mp4Download").isEqualTo(true);
        list(appA, "?type=VIDEO").jsonPath("$.content[*].id").isEqualTo(List.of(1, 2));
        list(appA, "?representativeType=NON_DEFAULT").jsonPath("$.content[*].id").isEqualTo(List.of(2));
        list(appA, "?creatorType=APP").jsonPath("$.totalElements").isEqualTo(0);
        list(appA, "?name=THUMB").jsonPath("$.content[*].id").isEqualTo(List.of(3));
        list(appA, "?pageSize=1&page=1&sortBy=CREATED_AT_DESC").jsonPath("$.content[*].id").isEqualTo(List.of(3))
                .jsonPath("$.number").isEqualTo(1).jsonPath("$.totalPages").isEqualTo(4);
        flipflop.asApp(appA, PROFILES + "/4").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.type").isEqualTo("PREVIEW").jsonPath("$.state").isEqualTo("ACTIVE")
                .jsonPath("$.profile.durationSeconds").isEqualTo(5.0).jsonPath("$.profile.height").isEqualTo(320);
        Map<String, String> refused = Map.of("?type=AUDIO", "INVALID_TRANSCODING_PROFILE_TYPE",
                "?creatorType=USER", "INVALID_CREATOR_TYPE", "?representativeType=DEFUALT",
                "INVALID_REPRESENTATIVE_TYPE", "?sortBy=NAME_ASC", "INVALID_SORT_BY");
        refused.forEach((query, code) -> flipflop.asApp(appA, PROFILES + query).exchange().expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errorCode").isEqualTo(code));
    }

    @Test
    void anAppsOwnProfilesAreMadeListedAndDeletedInTheConsoleAndHiddenFromOtherApps() {
        JsonNode teaser = createProfile(ownerOfA, appA, TEASER).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        long id = teaser.get("id").asLong();
        assertThat(id).isGreaterThan(100);
        assertThat(teaser.get("creatorType").asText()).isEqualTo("APP");
        assertThat(teaser.get("representativeType").asText()).isEqualTo("NON_DEFAULT");
        assertThat(teaser.get("app").get("id").asLong()).isEqualTo(appA.appId());
        assertThat(teaser.get("profile").get("startSeconds").asDouble()).isEqualTo(1.0);

        await().atMost(SOON).untilAsserted(() -> list(appA, "?creatorType=APP").jsonPath("$.content[*].id")
                .isEqualTo(List.of((int) id)));
        list(appA, "?type=PREVIEW").jsonPath("$.totalElements").isEqualTo(2);
        flipflop.asConsoleUser(ownerOfA, HttpMethod.GET, "/console/v1/apps/" + appA.appId()
                + "/transcoding-profiles?type=PREVIEW", null).expectStatus().isOk().expectBody()
                .jsonPath("$.totalElements").isEqualTo(2);

        // another app: neither listed nor found; another user: the app itself is not found
        list(appB, "?creatorType=APP").jsonPath("$.totalElements").isEqualTo(0);
        list(appB, "").jsonPath("$.totalElements").isEqualTo(4);
        flipflop.asApp(appB, PROFILES + "/" + id).exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");
        createProfile(ownerOfB, appA, TEASER).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        flipflop.asConsoleUser(ownerOfB, HttpMethod.GET, "/console/v1/apps/" + appA.appId()
                + "/transcoding-profiles", null).expectStatus().isNotFound();
        deleteProfile(ownerOfB, appA, id).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        deleteProfile(ownerOfB, appB, id).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");
        deleteProfile(ownerOfA, appA, 1).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");

        deleteProfile(ownerOfA, appA, id).expectStatus().isNoContent();
        deleteProfile(ownerOfA, appA, id).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, PROFILES + "/" + id).exchange()
                .expectStatus().isNotFound());
        list(appA, "?creatorType=APP").jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        flipflop.apiDocument()
                .jsonPath("$.paths['/v2/apps/me/transcoding-profiles'].get").exists()
                .jsonPath("$.paths['/v2/apps/me/transcoding-profiles/{profileId}'].get").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/transcoding-profiles'].post").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/transcoding-profiles'].get").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/transcoding-profiles/{profileId}'].delete").exists()
                .jsonPath("$.paths['/console/v1/apps/{appId}/transcoding-profiles/defaults/{type}'].put").exists();
    }

    @Test
    void badProfilesAreRefusedWithTheirCodes() {
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("type", "VIDEO", "name", "x", "profile", Map.of("videoStreams", List.of())),
                "INVALID_TRANSCODING_PROFILE_RUNG_COUNT",
                Map.of("type", "THUMBNAIL", "name", "x", "profile", Map.of("width", 321)),
                "INVALID_TRANSCODING_PROFILE_WIDTH",
                Map.of("type", "BROADCAST_RTMP", "name", "x", "profile", Map.of()),
                "UNSUPPORTED_TRANSCODING_PROFILE_TYPE",
                Map.of("type", "PREVIEW", "profile", Map.of("durationSeconds", 3, "height", 240)),
                "EMPTY_TRANSCODING_PROFILE_NAME");
        refused.forEach((body, code) -> createProfile(ownerOfA, appA, body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo(code));
        createProfile(ownerOfA, appA, Map.of("type", "SOUND", "name", "x")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_HTTP_MESSAGE_BODY");
    }

    @Test
    void postsNameProfilesTheirAppMayUseOfTheRightType() {
        long teaser = createProfile(ownerOfA, appA, TEASER).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("id").asLong();
        long foreign = createProfile(ownerOfB, appB, TEASER).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("id").asLong();

        JsonNode plain = createPost(Map.of()).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(plain.at("/transcodingProfile/video/id").asLong()).isEqualTo(1);
        assertThat(plain.at("/transcodingProfile/thumbnail/id").asLong()).isEqualTo(3);
        assertThat(plain.at("/transcodingProfile/preview").isNull()).isTrue();

        createPost(Map.of("videoProfileId", 2, "previewProfileId", teaser)).expectStatus().isCreated()
                .expectBody().jsonPath("$.transcodingProfile.video.name").isEqualTo("Small ladder 720p-360p")
                .jsonPath("$.transcodingProfile.preview.id").isEqualTo((int) teaser)
                .jsonPath("$.transcodingProfile.preview.type").isEqualTo("PREVIEW")
                .jsonPath("$.transcodingProfile.preview.state").isEqualTo("ACTIVE");
        createPost(Map.of("videoProfileId", 3)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_TYPE_MISMATCH");
        createPost(Map.of("previewProfileId", foreign)).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");
        createPost(Map.of("thumbnailProfileId", 987_654_321)).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");

        long id = createPost(Map.of("previewProfileId", teaser)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asLong();
        Map<String, Object> patch = new HashMap<>();
        patch.put("thumbnailProfileId", null);
        patch.put("videoProfileId", 2);
        write(HttpMethod.PATCH, "/v2/apps/me/video-posts/" + id, patch).expectStatus().isOk().expectBody()
                .jsonPath("$.transcodingProfile.thumbnail").isEmpty()
                .jsonPath("$.transcodingProfile.video.id").isEqualTo(2)
                .jsonPath("$.transcodingProfile.preview.id").isEqualTo((int) teaser);
        write(HttpMethod.PATCH, "/v2/apps/me/video-posts/" + id, Map.of("previewProfileId", 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode")
                .isEqualTo("TRANSCODING_PROFILE_TYPE_MISMATCH");

        // a deleted profile: posts keep it (shown DELETED), new choices of it are refused
        deleteProfile(ownerOfA, appA, teaser).expectStatus().isNoContent();
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, "/v2/apps/me/video-posts/" + id).exchange()
                .expectBody().jsonPath("$.transcodingProfile.preview.state").isEqualTo("DELETED")
                .jsonPath("$.transcodingProfile.preview.id").isEqualTo((int) teaser)
                .jsonPath("$.transcodingProfile.video.id").isEqualTo(2));
        createPost(Map.of("previewProfileId", teaser)).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");
    }

    @Test
    void anAppChoosesTheDefaultProfilesOfItsPosts() {
        long ladder = createProfile(ownerOfA, appA, Map.of("type", "VIDEO", "name", "One rung", "profile",
                Map.of("videoStreams", List.of(Map.of("height", 360, "bitrate", 600_000))))).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asLong();
        changeDefault(ownerOfA, appA, "VIDEO", ladder).expectStatus().isNoContent();
        createPost(Map.of()).expectStatus().isCreated().expectBody()
                .jsonPath("$.transcodingProfile.video.id").isEqualTo((int) ladder)
                .jsonPath("$.transcodingProfile.thumbnail.id").isEqualTo(3);
        await().atMost(SOON).untilAsserted(() -> list(appA, "?representativeType=DEFAULT")
                .jsonPath("$.content[*].id").isEqualTo(List.of(3, 4, (int) ladder)));
        flipflop.asApp(appA, PROFILES + "/1").exchange().expectBody()
                .jsonPath("$.representativeType").isEqualTo("NON_DEFAULT");
        list(appB, "?representativeType=DEFAULT").jsonPath("$.content[*].id").isEqualTo(List.of(1, 3, 4));

        // a SYSTEM profile may be the app's default too, and PREVIEW gets one: posts then get a preview
        changeDefault(ownerOfA, appA, "VIDEO", 2).expectStatus().isNoContent();
        changeDefault(ownerOfA, appA, "PREVIEW", 4).expectStatus().isNoContent();
        createPost(Map.of()).expectStatus().isCreated().expectBody()
                .jsonPath("$.transcodingProfile.video.id").isEqualTo(2)
                .jsonPath("$.transcodingProfile.preview.id").isEqualTo(4);
        flipflop.asConsoleUser(ownerOfA, HttpMethod.DELETE, defaults(appA, "PREVIEW"), null).expectStatus()
                .isNoContent();
        createPost(Map.of()).expectStatus().isCreated().expectBody()
                .jsonPath("$.transcodingProfile.preview").isEmpty();

        changeDefault(ownerOfA, appA, "VIDEO", 3).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_TYPE_MISMATCH");
        changeDefault(ownerOfA, appA, "BROADCAST_RTMP", 1).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errorCode").isEqualTo("UNSUPPORTED_TRANSCODING_PROFILE_TYPE");
        changeDefault(ownerOfB, appA, "VIDEO", ladder).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
        changeDefault(ownerOfB, appB, "VIDEO", ladder).expectStatus().isNotFound().expectBody()
                .jsonPath("$.errorCode").isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");

        // a deleted default: the system's default again
        changeDefault(ownerOfA, appA, "VIDEO", ladder).expectStatus().isNoContent();
        deleteProfile(ownerOfA, appA, ladder).expectStatus().isNoContent();
        createPost(Map.of()).expectStatus().isCreated().expectBody()
                .jsonPath("$.transcodingProfile.video.id").isEqualTo(1);
        await().atMost(SOON).untilAsserted(() -> list(appA, "?representativeType=DEFAULT")
                .jsonPath("$.content[*].id").isEqualTo(List.of(1, 3, 4)));
    }

    private String defaults(AppCredentials app, String type) {
        return "/console/v1/apps/" + app.appId() + "/transcoding-profiles/defaults/" + type;
    }

    private WebTestClient.ResponseSpec changeDefault(ConsoleSession user, AppCredentials app, String type,
                                                     long profileId) {
        return flipflop.asConsoleUser(user, HttpMethod.PUT, defaults(app, type), Map.of("profileId", profileId));
    }

    private WebTestClient.BodyContentSpec list(AppCredentials app, String query) {
        return flipflop.asApp(app, PROFILES + query).exchange().expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec createProfile(ConsoleSession user, AppCredentials app, Object body) {
        return flipflop.asConsoleUser(user, HttpMethod.POST, "/console/v1/apps/" + app.appId()
                + "/transcoding-profiles", body);
    }

    private WebTestClient.ResponseSpec deleteProfile(ConsoleSession user, AppCredentials app, long profileId) {
        return flipflop.asConsoleUser(user, HttpMethod.DELETE, "/console/v1/apps/" + app.appId()
                + "/transcoding-profiles/" + profileId, null);
    }

    private WebTestClient.ResponseSpec createPost(Map<String, Object> profiles) {
        Map<String, Object> body = new HashMap<>(profiles);
        body.put("appUserId", "alice1");
        body.put("title", "Clip");
        return write(HttpMethod.POST, "/v2/apps/me/video-posts", body);
    }

    private WebTestClient.ResponseSpec write(HttpMethod method, String path, Object body) {
        return http.method(method).uri(path).headers(h -> h.setBasicAuth(appA.apiKey(), appA.apiSecret()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
