package org.connectionadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A sample's expected order says no more than the documents: blocks of any order, runs that keep theirs. */
class ExpectedOrderTest {
    private static ExpectedOrder order(String json) throws IOException {
        return ExpectedOrder.of(new ObjectMapper().readTree(json), "s.json");
    }

    @Test
    void plainIdsAreExactPositions() throws IOException {
        ExpectedOrder ids = order("[\"a\", \"b\"]");

        assertThat(ids.matches(List.of("a", "b"), false)).isTrue();
        assertThat(ids.matches(List.of("b", "a"), false)).isFalse();
        assertThat(ids.matches(List.of("a", "b", "c"), false)).isFalse();
        assertThat(ids.matches(List.of("a", "b", "c"), true)).isTrue();
        assertThat(ids.matches(List.of("a"), true)).isFalse();
    }

    @Test
    void aBlockTakesItsIdsInAnyOrderAndARunKeepsItsOwn() throws IOException {
        ExpectedOrder tables = order("[[[\"t1\", \"t2\"], [\"c1\", \"c2\"]], \"forums\"]");

        assertThat(tables.matches(List.of("t1", "t2", "c1", "c2", "forums"), false)).isTrue();
        assertThat(tables.matches(List.of("c1", "c2", "t1", "t2", "forums"), false)).isTrue();
        assertThat(tables.matches(List.of("t2", "t1", "c1", "c2", "forums"), false)).isFalse();
        assertThat(tables.matches(List.of("t1", "c1", "t2", "c2", "forums"), false)).isFalse();
        assertThat(tables.matches(List.of("forums", "t1", "t2", "c1", "c2"), false)).isFalse();
        assertThat(tables.toString()).isEqualTo("[[[t1, t2], [c1, c2]], forums]");

        ExpectedOrder top = order("[[\"guid\", [\"password\", \"url\"]]]");
        assertThat(top.matches(List.of("password", "url", "guid", "other"), true)).isTrue();
        assertThat(top.matches(List.of("guid", "password", "url"), true)).isTrue();
        assertThat(top.matches(List.of("url", "password", "guid"), true)).isFalse();
        assertThat(top.matches(List.of("guid", "password", "other", "url"), true)).isFalse();
    }

    @Test
    void deeperNestingIsRefusedWithTheFile() {
        assertThatThrownBy(() -> order("[[[[\"a\"]]]]")).isInstanceOf(IOException.class)
                .hasMessage("s.json: an expected order nests at most three deep: ids, a block of any order, a run in order");
    }
}
