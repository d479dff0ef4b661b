package dev.allframe.testkit.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRootTest {
    @Test
    void splitsRuntimeJarsFromFunctionJarsAndPacksClassDirectories(@TempDir Path tmp) throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("orders/target/classes/com/example"));
        Files.writeString(classes.resolve("App.class"), "not really bytecode");
        Path ric = Files.writeString(tmp.resolve("aws-lambda-java-runtime-interface-client-2.10.1.jar"), "x");
        Path core = Files.writeString(tmp.resolve("aws-lambda-java-core-1.4.0.jar"), "x");
        Path lib = Files.writeString(tmp.resolve("avaje-jsonb-3.11.jar"), "x");
        Path junit = Files.createDirectories(tmp.resolve("repo/org/junit/jupiter"));
        Path junitJar = Files.writeString(junit.resolve("junit-jupiter-api-5.14.jar"), "x");
        String cp = String.join(File.pathSeparator, tmp.resolve("orders/target/classes").toString(), ric.toString(),
                core.toString(), lib.toString(), junitJar.toString(), tmp.resolve("missing.jar").toString());

        TaskRoot root = TaskRoot.create(cp, tmp.resolve("task"));

        assertThat(root.runtimeClassPath()).isEqualTo(ric + File.pathSeparator + core);
        try (var files = Files.list(root.dir().resolve("lib"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("00-orders-classes.jar", "01-avaje-jsonb-3.11.jar");
        }
        try (JarFile jar = new JarFile(root.dir().resolve("lib/00-orders-classes.jar").toFile())) {
            assertThat(jar.getEntry("com/example/App.class")).isNotNull();
        }
    }
}
