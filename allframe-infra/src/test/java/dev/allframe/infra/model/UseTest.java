package dev.allframe.infra.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UseTest {
    @Test
    void union_merges_accesses_per_resource_in_a_stable_order() {
        List<Use> reached = List.of(
                new Use("order-commands", Set.of(Access.PUBLISH)),
                new Use("events", Set.of(Access.APPEND)),
                new Use("events", Set.of(Access.READ)),
                new Use("events", Set.of(Access.APPEND, Access.READ_ALL)));
        assertThat(Use.union(reached)).containsExactly(
                new Use("events", Set.of(Access.APPEND, Access.READ, Access.READ_ALL)),
                new Use("order-commands", Set.of(Access.PUBLISH)));
        assertThat(Use.union(reached.reversed())).isEqualTo(Use.union(reached));
        assertThat(Use.union(List.of())).isEmpty();
    }
}
