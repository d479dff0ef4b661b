package dev.allframe.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/api.md} lists, under each framework module, exactly the packages of that module that hold a public
 * type (leaving out packages named {@code internal}), and links each module's README that exists.
 */
class ApiOverviewTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern HEADING = Pattern.compile("^## (allframe-[a-z-]+) \\(\\[README]\\(\\.\\./(.+)\\)\\)$");
    private static final Pattern ROW = Pattern.compile("^\\| `(dev\\.allframe[a-z.]*)` \\|");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed|static) )*(?:class|interface|record|enum|@interface) ",
            Pattern.MULTILINE);

    @Test
    void theOverviewListsEveryModulesPublicPackagesAndNothingElse() throws IOException {
        Map<String, TreeSet<String>> documented = new TreeMap<>();
        List<String> readmes = new ArrayList<>();
        String module = null;
        for (String line : Files.readAllLines(ROOT.resolve("docs/api.md"))) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                module = h.group(1);
                readmes.add(h.group(2));
                documented.put(module, new TreeSet<>());
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.find()) {
                assertThat(module).as("a package row before any module heading: " + line).isNotNull();
                documented.get(module).add(r.group(1));
            }
        }
        Map<String, TreeSet<String>> actual = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("allframe-")).toList()) {
                Path sources = dir.resolve("src/main/java");
                if (Files.isDirectory(sources)) {
                    actual.put(dir.getFileName().toString(), publicPackages(sources));
                }
            }
        }
        assertThat(documented).as("docs/api.md against the sources").isEqualTo(actual);
        for (String readme : readmes) {
            assertThat(ROOT.resolve(readme)).as("linked README").isRegularFile();
        }
    }

    @Test
    void aPackageWithAPublicTypeIsFoundAndAnInternalOneIsNot() throws IOException {
        TreeSet<String> core = publicPackages(ROOT.resolve("allframe-core/src/main/java"));
        assertThat(core).contains("dev.allframe.eventstore", "dev.allframe.http").doesNotContain(
                "dev.allframe.internal");
    }

    private static TreeSet<String> publicPackages(Path sources) throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString();
                if (name.equals("package-info.java") || name.equals("module-info.java")) {
                    continue;
                }
                String pkg = sources.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                if (pkg.equals("internal") || pkg.endsWith(".internal")) {
                    continue;
                }
                if (PUBLIC_TYPE.matcher(Files.readString(f)).find()) {
                    packages.add(pkg);
                }
            }
        }
        return packages;
    }
}
