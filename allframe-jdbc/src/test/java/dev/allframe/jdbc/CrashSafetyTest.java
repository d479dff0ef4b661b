package dev.allframe.jdbc;

import dev.allframe.eventstore.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite survives SIGKILL mid-append: after reopening, only whole appends, contiguous versions, nothing acknowledged lost. */
class CrashSafetyTest {
    private static final Pattern APPEND = Pattern.compile("\"append\":(\\d+),\"part\":(\\d+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChildKilledMidAppendLeavesOnlyWholeAppendsWithContiguousVersions() throws Exception {
        String url = "sqlite:" + dir.resolve("crash.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashAppender.class.getName(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long acknowledged = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged = Long.parseLong(line.trim());
                if (acknowledged >= 300) {
                    break;
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acknowledged).isGreaterThanOrEqualTo(300);

        try (JdbcStores reopened = JdbcStores.open(url)) {
            List<RecordedEvent> all = reopened.events().readAll(1, 1_000_000);
            assertThat(all.size() % CrashAppender.BATCH).as("whole appends only").isZero();
            Set<Long> appends = new HashSet<>();
            for (int s = 0; s < CrashAppender.STREAMS; s++) {
                List<RecordedEvent> stream = reopened.events().read("crash-" + s, 1);
                for (int i = 0; i < stream.size(); i++) {
                    assertThat(stream.get(i).version()).isEqualTo(i + 1);
                }
                assertThat(stream.size() % CrashAppender.BATCH).isZero();
                for (int i = 0; i < stream.size(); i += CrashAppender.BATCH) {
                    List<Long> parts = new ArrayList<>();
                    long append = -1;
                    for (int k = 0; k < CrashAppender.BATCH; k++) {
                        Matcher m = APPEND.matcher(new String(stream.get(i + k).payload(), StandardCharsets.UTF_8));
                        assertThat(m.find()).isTrue();
                        append = Long.parseLong(m.group(1));
                        parts.add(Long.parseLong(m.group(2)));
                    }
                    assertThat(parts).containsExactly(0L, 1L, 2L);
                    appends.add(append);
                }
            }
            // Every append the child reported as committed survived the kill.
            for (long i = 0; i <= acknowledged; i++) {
                assertThat(appends).contains(i);
            }
            // And the store still takes appends.
            assertThat(reopened.events().version("crash-0")).isPositive();
        }
    }
}
