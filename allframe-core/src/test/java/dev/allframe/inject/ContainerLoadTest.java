package dev.allframe.inject;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerLoadTest {
    @Test
    void explainsWhatToDoWhenNoContainerWasGenerated() {
        assertThatThrownBy(() -> Container.load(Environment.of(Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("annotate one class with @AllFrameApplication")
                .hasMessageContaining("allframe-processor");
    }
}
