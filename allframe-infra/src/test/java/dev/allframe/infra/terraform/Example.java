package dev.allframe.infra.terraform;

import dev.allframe.infra.model.InfraModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The orders-like example model of the tests and its golden files. */
final class Example {
    static final String SOURCE = "examples/orders/target/classes/META-INF/allframe/infra.json";

    private Example() {
    }

    static String json() {
        try (InputStream in = Example.class.getResourceAsStream("/orders/infra.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InfraModel model() {
        return InfraModel.fromJson(json());
    }

    /** Golden files live in the source tree so a diff shows in review; regenerate with -Dallframe.updateGolden=true. */
    static Path goldenDir(String name) {
        return Path.of("src/test/resources/golden", name);
    }
}
