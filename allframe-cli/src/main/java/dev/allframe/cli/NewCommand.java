package dev.allframe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code allframe new NAME}: a Maven project with one command, one event, one projection and routes over them,
 * their tests, a README and a {@code .gitignore}; it builds and passes its tests as generated.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a new AllFrame project in ./NAME (a Maven build that passes its own tests).")
final class NewCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final String TEMPLATES = "/dev/allframe/cli/template/";
    /** Every template, as its path under {@link #TEMPLATES} without {@code .tmpl}. */
    private static final List<String> FILES = List.of(
            "pom.xml", "README.md", "gitignore",
            "src/main/java/__PACKAGE_PATH__/App.java",
            "src/main/java/__PACKAGE_PATH__/NoteCommand.java",
            "src/main/java/__PACKAGE_PATH__/NoteEvent.java",
            "src/main/java/__PACKAGE_PATH__/NoteDecider.java",
            "src/main/java/__PACKAGE_PATH__/NoteList.java",
            "src/main/java/__PACKAGE_PATH__/NotesModule.java",
            "src/test/java/__PACKAGE_PATH__/NoteDeciderTest.java",
            "src/test/java/__PACKAGE_PATH__/NotesModuleTest.java",
            "src/test/java/__PACKAGE_PATH__/NotesChaosTest.java");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The project's name and directory: lower case, digits and '-'.")
    String name;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "com.example",
            description = "Maven groupId, also the package prefix (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--directory", paramLabel = "DIR", defaultValue = ".",
            description = "Where to create the project's directory (default: the current directory).")
    Path parent;

    @Override
    public Integer call() throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new CliException("NAME (expected lower case letters, digits and '-', starting with a letter): '"
                    + name + "'");
        }
        if (!GROUP.matcher(group).matches()) {
            throw new CliException("--group (expected a Java package name such as com.example): '" + group + "'");
        }
        Path dir = parent.resolve(name);
        if (Files.exists(dir)) {
            throw new CliException(dir + " already exists; choose another NAME or --directory");
        }
        String pkg = group + "." + name.replace("-", "").toLowerCase(Locale.ROOT);
        Properties v = versions();
        Map<String, String> values = Map.of(
                "@@NAME@@", name, "@@GROUP@@", group, "@@PACKAGE@@", pkg,
                "@@ALLFRAME_VERSION@@", v.getProperty("allframe"),
                "@@AVAJE_JSONB_VERSION@@", v.getProperty("avaje-jsonb"),
                "@@JUNIT_VERSION@@", v.getProperty("junit"),
                "@@ASSERTJ_VERSION@@", v.getProperty("assertj"),
                "@@COMPILER_PLUGIN_VERSION@@", v.getProperty("compiler-plugin"),
                "@@SUREFIRE_VERSION@@", v.getProperty("surefire"),
                "@@JAR_PLUGIN_VERSION@@", v.getProperty("jar-plugin"));
        Launcher launcher = Launcher.current();
        Files.createDirectories(dir);
        for (String file : FILES) {
            String text = resource(TEMPLATES + file + ".tmpl");
            for (var e : values.entrySet()) {
                text = text.replace(e.getKey(), e.getValue());
            }
            text = text.replace("@@DEPENDENCY_PLUGIN_VERSION@@", v.getProperty("dependency-plugin"))
                    .replace("@@AVAJE_VALIDATOR_VERSION@@", v.getProperty("avaje-validator"))
                    .replace("@@ALLFRAME@@", launcher.command()).replace("@@ALLFRAME_NOTE@@", launcher.note());
            String out = file.replace("__PACKAGE_PATH__", pkg.replace('.', '/'))
                    .replaceFirst("^gitignore$", ".gitignore");
            Path target = dir.resolve(out);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        }
        var o = spec.commandLine().getOut();
        o.println("Created " + dir + " (package " + pkg + ")");
        o.println("  cd " + dir + " && mvn -q package && " + launcher.command() + " dev");
        o.flush();
        return AllFrameCli.OK;
    }

    /**
     * How the generated README calls {@code allframe}: the launcher script that ran this command (its absolute path,
     * which the script passes as {@code -Dallframe.launcher}), else {@code java -jar} this CLI's jar, else the name.
     *
     * @param command what to type, shell-quoted
     * @param note the README's sentence about it
     */
    record Launcher(String command, String note) {
        static Launcher current() {
            String script = System.getProperty("allframe.launcher");
            if (script != null && !script.isBlank()) {
                String q = shellQuote(Path.of(script).toAbsolutePath().normalize().toString());
                return new Launcher(q, "`" + q + "` below is the `allframe` launcher of the AllFrame checkout that"
                        + " created this project (it needs nothing on your PATH). To type `allframe` instead, link it"
                        + " onto your PATH: `ln -s " + q + " ~/.local/bin/allframe`.");
            }
            try {
                Path jar = Path.of(NewCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(jar)) {
                    String q = "java -jar " + shellQuote(jar.toAbsolutePath().normalize().toString());
                    return new Launcher(q, "`" + q + "` below is the AllFrame CLI that created this project; the"
                            + " `allframe` script at the root of an AllFrame checkout runs it too.");
                }
            } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
                // fall through: no jar to name
            }
            return new Launcher("allframe", "`allframe` below is the launcher script at the root of an AllFrame"
                    + " checkout: call it by its path, or link it onto your PATH.");
        }

        private static String shellQuote(String s) {
            return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
        }
    }

    static Properties versions() throws IOException {
        Properties p = new Properties();
        try (InputStream in = NewCommand.class.getResourceAsStream("/dev/allframe/cli/versions.properties")) {
            if (in == null) {
                throw new CliException("this allframe build lacks versions.properties; rebuild the CLI");
            }
            p.load(in);
        }
        return p;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = NewCommand.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new CliException("this allframe build lacks the template " + path + "; rebuild the CLI");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
