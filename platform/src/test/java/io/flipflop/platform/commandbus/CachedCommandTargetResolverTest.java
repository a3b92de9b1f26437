package io.flipflop.platform.commandbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

/** The cached resolver answers as Axon's own, command by command, also twice in a row for one class. */
class CachedCommandTargetResolverTest {

    record OnAComponent(@TargetAggregateIdentifier long id, String name) {
    }

    record WithAVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record WithATextVersion(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static class OnAField {
        @TargetAggregateIdentifier
        private final Object id;

        OnAField(Object id) {
            this.id = id;
        }
    }

    static class OnAMethod {
        private final int number;

        OnAMethod(int number) {
            this.number = number;
        }

        @TargetAggregateIdentifier
        String target() {
            return "room-" + number;
        }
    }

    record Untargeted(String name) {
    }

    private final CommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CachedCommandTargetResolver();

    @Test
    void resolvesWhatAxonsResolverResolves() {
        List<Object> commands = List.of(new OnAComponent(42, "a"), new OnAComponent(43, "b"),
                new WithAVersion("x", 7L), new WithAVersion("y", null), new WithATextVersion("z", "12"),
                new OnAField("f1"), new OnAField(99L), new OnAMethod(5), new OnAMethod(6));
        for (Object command : commands) {
            var message = GenericCommandMessage.asCommandMessage(command);
            var expected = axon.resolveTarget(message);
            var actual = cached.resolveTarget(message);
            assertThat(actual.getIdentifier()).as(command.toString()).isEqualTo(expected.getIdentifier());
            assertThat(actual.getVersion()).as(command.toString()).isEqualTo(expected.getVersion());
        }
    }

    @Test
    void refusesWhatAxonsResolverRefuses() {
        for (Object command : List.of(new Untargeted("n"), new OnAField(null), new WithATextVersion("a", "x"))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThatThrownBy(() -> axon.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> cached.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
