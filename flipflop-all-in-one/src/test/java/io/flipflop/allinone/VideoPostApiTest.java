package io.flipflop.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.flipflop.api.app.AppCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The App API's video post endpoints (reference §10) over HTTP: writes, reads, filters, paging and tenancy. */
@SpringBootTest(classes = FlipFlopAllInOne.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
class VideoPostApiTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Autowired
    WebTestClient http;

    FlipFlopClient flipflop;
    AppCredentials appA;
    AppCredentials appB;

    @BeforeEach
    void twoApps() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        flipflop = new FlipFlopClient(http);
        appA = flipflop.createApp(flipflop.signUpNew("a"), "A");
        appB = flipflop.createApp(flipflop.signUpNew("b"), "B");
        flipflop.loginMember(appA, "alice1", "Alice");
        flipflop.loginMember(appA, "bob1", "Bob");
        flipflop.loginMember(appB, "alice1", "Alice of B");
    }

    @Test
    void aPostIsCreatedReadListedUpdatedAndDeleted() {
        JsonNode created = write(appA, HttpMethod.POST, "/v2/apps/me/video-posts", Map.of("appUserId", "alice1",
                "title", "Holiday", "description", "Beach", "category", "travel", "tags", List.of("sea", "sun", "sea"),
                "customData", Map.of("k", "v")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        long id = created.get("id").asLong();
        assertThat(created.get("videoPostState").asText()).isEqualTo("CREATED");
        assertThat(created.get("accessLevel").asText()).isEqualTo("PUBLIC");
        assertThat(created.get("type").asText()).isEqualTo("PRE_RECORDED");
        assertThat(created.get("member").get("appUserId").asText()).isEqualTo("alice1");
        assertThat(created.get("tags")).hasSize(2);
        write(appA, HttpMethod.POST, "/v2/apps/me/video-posts", Map.of("appUserId", "bob1", "title", "Other",
                "accessLevel", "PRIVATE")).expectStatus().isCreated();

        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, "/v2/apps/me/video-posts/" + id).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Holiday")
                .jsonPath("$.category").isEqualTo("travel").jsonPath("$.customData.k").isEqualTo("v"));
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, "/v2/apps/me/video-posts").exchange()
                .expectBody().jsonPath("$.totalElements").isEqualTo(2));
        flipflop.asApp(appA, "/v2/apps/me/video-posts?appUserId=alice1").exchange().expectBody()
                .jsonPath("$.totalElements").isEqualTo(1).jsonPath("$.content[0].id").isEqualTo(id);
        flipflop.asApp(appA, "/v2/apps/me/video-posts?acccessLevel=PRIVATE").exchange().expectBody()
                .jsonPath("$.totalElements").isEqualTo(1).jsonPath("$.content[0].member.appUserId").isEqualTo("bob1");
        flipflop.asApp(appA, "/v2/apps/me/video-posts?keyword=holi&videoPostState=CREATED").exchange().expectBody()
                .jsonPath("$.totalElements").isEqualTo(1);
        flipflop.asApp(appA, "/v2/apps/me/video-posts?pageSize=1&page=1&sortBy=CREATED_AT_ASC").exchange()
                .expectBody().jsonPath("$.content.length()").isEqualTo(1).jsonPath("$.number").isEqualTo(1)
                .jsonPath("$.totalPages").isEqualTo(2).jsonPath("$.content[0].member.appUserId").isEqualTo("bob1");
        flipflop.asApp(appA, "/v2/apps/me/video-posts?videoPostState=DONE").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_VIDEO_POST_STATE");

        write(appA, HttpMethod.PATCH, "/v2/apps/me/video-posts/" + id, Map.of("title", "Holiday 2",
                "accessLevel", "MEMBER")).expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("Holiday 2").jsonPath("$.accessLevel").isEqualTo("MEMBER")
                .jsonPath("$.description").isEqualTo("Beach");
        write(appA, HttpMethod.PATCH, "/v2/apps/me/video-posts/" + id, Map.of("videoProfileId", 5))
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode")
                .isEqualTo("TRANSCODING_PROFILE_NOT_FOUND");

        write(appA, HttpMethod.DELETE, "/v2/apps/me/video-posts/" + id, null).expectStatus().isNoContent();
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, "/v2/apps/me/video-posts/" + id).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_POST_NOT_FOUND"));
        write(appA, HttpMethod.PATCH, "/v2/apps/me/video-posts/" + id, Map.of("title", "again"))
                .expectStatus().isNotFound().expectBody().returnResult();
    }

    @Test
    void badCreateAndUploadRequestsAreRefusedWithTheirCodes() {
        write(appA, HttpMethod.POST, "/v2/apps/me/video-posts", Map.of("title", "no owner"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode")
                .isEqualTo("EMPTY_VIDEO_POST_APP_USER_ID");
        write(appA, HttpMethod.POST, "/v2/apps/me/video-posts", Map.of("appUserId", "nobody"))
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        long id = createPost(appA);
        String urls = "/v2/apps/me/video-posts/" + id + "/src-file/request-upload-urls";
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("size", 10, "contentType", "video/mp4"), "EMPTY_VIDEO_POST_FILENAME",
                Map.of("filename", "a.mp4", "size", 0, "contentType", "video/mp4"), "INVALID_VIDEO_POST_FILE_SIZE",
                Map.of("filename", "a.mp4", "size", 6_000_000_000L, "contentType", "video/mp4"),
                "VIDEO_POST_FILE_SIZE_UPPER_LIMIT_EXCEEDED",
                Map.of("filename", "a.txt", "size", 10, "contentType", "text/plain"),
                "UNSUPPORTED_VIDEO_POST_CONTENT_TYPE",
                Map.of("filename", "a.mp4", "size", 10, "contentType", "video/mp4", "multipartCount", 11),
                "INVALID_VIDEO_POST_MULTIPART_COUNT");
        refused.forEach((body, code) -> write(appA, HttpMethod.POST, urls, body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo(code));
        write(appA, HttpMethod.POST, "/v2/apps/me/video-posts/" + id + "/src-file/complete-upload", List.of())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode")
                .isEqualTo("VIDEO_POST_UPLOAD_NOT_REQUESTED");
        write(appA, HttpMethod.POST, "/v2/apps/me/video-posts/" + id + "/transcoding/cancel", null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errorCode")
                .isEqualTo("VIDEO_POST_STATE_NOT_QUEUED_OR_PROCESSING");
    }

    @Test
    void uploadUrlsArePerPartSignedAndExpiring() {
        long id = createPost(appA);
        JsonNode urls = write(appA, HttpMethod.POST, "/v2/apps/me/video-posts/" + id
                + "/src-file/request-upload-urls", Map.of("filename", "a.mp4", "size", 3000,
                "contentType", "video/mp4", "multipartCount", 3))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(urls).hasSize(3);
        for (int part = 1; part <= 3; part++) {
            JsonNode url = urls.get(part - 1);
            assertThat(url.get("partNumber").asInt()).isEqualTo(part);
            assertThat(url.get("uploadUrl").asText()).contains("/vod/" + id + "/upload/" + part + "?")
                    .contains("expires=").contains("signature=").isEqualTo(url.get("uplaodUrl").asText());
        }
    }

    @Test
    void anotherAppsCredentialsFindNoPost() {
        long id = createPost(appA);
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, "/v2/apps/me/video-posts/" + id).exchange()
                .expectStatus().isOk());
        String post = "/v2/apps/me/video-posts/" + id;
        List<Object[]> calls = List.of(
                new Object[] {HttpMethod.GET, post, null},
                new Object[] {HttpMethod.PATCH, post, Map.of("title", "mine")},
                new Object[] {HttpMethod.DELETE, post, null},
                new Object[] {HttpMethod.POST, post + "/src-file/request-upload-urls",
                        Map.of("filename", "a.mp4", "size", 10, "contentType", "video/mp4")},
                new Object[] {HttpMethod.POST, post + "/src-file/complete-upload", List.of()},
                new Object[] {HttpMethod.POST, post + "/transcoding/cancel", null},
                // alice1 is a member of app B too: the post of app A is what is not found
                new Object[] {HttpMethod.PUT, post + "/allowlist/alice1", null},
                new Object[] {HttpMethod.DELETE, post + "/allowlist/alice1", null});
        for (Object[] call : calls) {
            write(appB, (HttpMethod) call[0], (String) call[1], call[2]).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.errorCode").value(code -> assertThat((String) code)
                            .as(call[0] + " " + call[1]).isEqualTo("VIDEO_POST_NOT_FOUND"));
        }
        flipflop.asApp(appB, "/v2/apps/me/video-posts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
        flipflop.asApp(appA, post).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.title").isEqualTo("Clip").jsonPath("$.videoPostState").isEqualTo("CREATED");
    }

    @Test
    void theAllowlistCountsItsMembers() {
        long id = createPost(appA);
        String allow = "/v2/apps/me/video-posts/" + id + "/allowlist/bob1";
        write(appA, HttpMethod.PUT, allow, null).expectStatus().isNoContent();
        write(appA, HttpMethod.PUT, allow, null).expectStatus().isNoContent();
        write(appA, HttpMethod.PUT, "/v2/apps/me/video-posts/" + id + "/allowlist/nobody", null)
                .expectStatus().isNotFound().expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        await().atMost(SOON).untilAsserted(() -> flipflop.asApp(appA, "/v2/apps/me/video-posts/" + id).exchange()
                .expectBody().jsonPath("$.stats.totalMemberWhitelistCount").isEqualTo(1));
    }

    private long createPost(AppCredentials app) {
        return write(app, HttpMethod.POST, "/v2/apps/me/video-posts", Map.of("appUserId", "alice1", "title", "Clip"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asLong();
    }

    private WebTestClient.ResponseSpec write(AppCredentials app, HttpMethod method, String path, Object body) {
        var request = http.method(method).uri(path).headers(h -> h.setBasicAuth(app.apiKey(), app.apiSecret()));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
