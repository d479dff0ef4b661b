package dev.allframe.examples.orders.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersControllerLogTest {
    @Test
    void skipsTheInfoLineWhenAllframeLogAsksForWarningsOrLess() {
        assertThat(OrdersController.infoLines("warn")).isFalse();
        assertThat(OrdersController.infoLines(" WARNING ")).isFalse();
        assertThat(OrdersController.infoLines("error")).isFalse();
        assertThat(OrdersController.infoLines("off")).isFalse();
        assertThat(OrdersController.infoLines("none")).isFalse();
    }

    @Test
    void leavesTheInfoLineToTheLoggingBackendOtherwise() {
        assertThat(OrdersController.infoLines(null)).isTrue();
        assertThat(OrdersController.infoLines("")).isTrue();
        assertThat(OrdersController.infoLines("info")).isTrue();
        assertThat(OrdersController.infoLines("debug")).isTrue();
        assertThat(OrdersController.infoLines("trace")).isTrue();
        assertThat(OrdersController.infoLines("verbose")).isTrue(); // unknown: the doors fall back to INFO
    }
}
