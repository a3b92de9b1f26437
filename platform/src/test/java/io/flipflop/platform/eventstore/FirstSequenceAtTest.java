package io.flipflop.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.platform.eventstore.EventStoreFixture.Happened;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FirstSequenceAtTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private final EventStoreFixture fixture = new EventStoreFixture();

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Test
    void findsTheFirstEventAtOrAfterAnInstantInALongStream() {
        MongoEventStorageEngine engine = fixture.engine();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long step = 0; step < 5_000; step++) {
            events.add(new GenericDomainEventMessage<>("Thing", "a", step, new Happened("a", step), Map.of(),
                    UUID.randomUUID().toString(), START.plusSeconds(10 * step)));
        }
        engine.appendEvents(events);

        assertThat(engine.firstSequenceAt("a", START.minusSeconds(1))).isZero();
        assertThat(engine.firstSequenceAt("a", START.plusSeconds(12_340))).isEqualTo(1234);
        assertThat(engine.firstSequenceAt("a", START.plusSeconds(12_341))).isEqualTo(1235);
        assertThat(engine.firstSequenceAt("a", START.plusSeconds(49_990))).isEqualTo(4999);
        assertThat(engine.firstSequenceAt("a", START.plusSeconds(50_000))).isEqualTo(5000);
        assertThat(engine.firstSequenceAt("nobody", START)).isZero();
    }
}
