package io.flipflop.command.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** A snapshot is the member written by Axon's Jackson serializer, which uses the application's ObjectMapper. */
class MemberSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build())
            .build();

    @Test
    void aMemberSurvivesTheTripThroughASnapshot() {
        Member member = new Member();
        member.on(new MemberRegistered(100, 7, "alice1",
                new MemberProfile("Alice", null, "a@example.com", "VIP", Map.of("tier", "gold")), false, 101L),
                Instant.parse("2026-11-28T10:00:00Z"));

        SerializedObject<String> snapshot = serializer.serialize(member, String.class);
        Member restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getData()).contains("\"appUserId\":\"alice1\"", "\"tier\":\"gold\"", "\"registered\":true");
        assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
    }
}
