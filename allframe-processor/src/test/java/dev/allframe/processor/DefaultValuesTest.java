package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.http.HttpException;
import dev.allframe.http.annotation.Params;
import dev.allframe.inject.ConfigurationException;
import dev.allframe.inject.Container;
import dev.allframe.inject.EnvReader;
import dev.allframe.inject.Env;
import dev.allframe.inject.Environment;
import dev.allframe.processor.Model.Conversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A default value is accepted at compile time exactly when the run time accepts it: {@code @Env} defaults go through
 * the container's {@code EnvReader} (which trims), route defaults through the functions the generated routes call
 * ({@code Params}, which does not).
 */
class DefaultValuesTest {
    /** Texts near the edges of every grammar. */
    static final List<String> SAMPLES = List.of("5", " 5", "5 ", "-7", "+7", "1.5", "1e3", "NaN", "", " ", "true",
            "TRUE", " true", "yes", "0", "2s", "PT30S", " 2s ", "10y", "ms", "1D", "B", " B", "b",
            "123e4567-e89b-12d3-a456-426614174000", " 123e4567-e89b-12d3-a456-426614174000", "0x10",
            "99999999999", "9223372036854775808");

    private static boolean throwsNothing(Runnable r) {
        try {
            r.run();
            return true;
        } catch (HttpException | ConfigurationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean envAccepts(String text, Consumer<EnvReader> read) {
        EnvReader env = EnvReader.of(Environment.of(Map.of("X", text)));
        read.accept(env); // required: an empty value counts as unset, as an empty default fails to convert
        return throwsNothing(env::check);
    }

    @Test
    void routeDefaultsAreCheckedWithTheFunctionsTheGeneratedRoutesCall() {
        for (String s : SAMPLES) {
            assertThat(Conversions.acceptsRouteDefault(Conversion.INT, null, s)).as("int '%s'", s)
                    .isEqualTo(throwsNothing(() -> Params.toInt(s, "n")));
            assertThat(Conversions.acceptsRouteDefault(Conversion.LONG, null, s)).as("long '%s'", s)
                    .isEqualTo(throwsNothing(() -> Params.toLong(s, "n")));
            assertThat(Conversions.acceptsRouteDefault(Conversion.DOUBLE, null, s)).as("double '%s'", s)
                    .isEqualTo(throwsNothing(() -> Params.toDouble(s, "n")));
            assertThat(Conversions.acceptsRouteDefault(Conversion.BOOLEAN, null, s)).as("boolean '%s'", s)
                    .isEqualTo(throwsNothing(() -> Params.toBoolean(s, "n")));
            assertThat(Conversions.acceptsRouteDefault(Conversion.UUID, null, s)).as("uuid '%s'", s)
                    .isEqualTo(throwsNothing(() -> Params.toUuid(s, "n")));
        }
    }

    @Test
    void envDefaultsAreCheckedByTheEnvReaderTheContainerRuns() {
        // A value set in the environment and a default take the same path through EnvReader; compare with the former.
        for (String s : SAMPLES) {
            assertThat(Conversions.acceptsEnvDefault(Conversion.INT, null, s)).as("int '%s'", s)
                    .isEqualTo(envAccepts(s, e -> e.intValue("X", Env.REQUIRED)));
            assertThat(Conversions.acceptsEnvDefault(Conversion.LONG, null, s)).as("long '%s'", s)
                    .isEqualTo(envAccepts(s, e -> e.longValue("X", Env.REQUIRED)));
            assertThat(Conversions.acceptsEnvDefault(Conversion.DOUBLE, null, s)).as("double '%s'", s)
                    .isEqualTo(envAccepts(s, e -> e.doubleValue("X", Env.REQUIRED)));
            assertThat(Conversions.acceptsEnvDefault(Conversion.BOOLEAN, null, s)).as("boolean '%s'", s)
                    .isEqualTo(envAccepts(s, e -> e.booleanValue("X", Env.REQUIRED)));
            assertThat(Conversions.acceptsEnvDefault(Conversion.DURATION, null, s)).as("duration '%s'", s)
                    .isEqualTo(envAccepts(s, e -> e.duration("X", Env.REQUIRED)));
        }
    }

    static final String APP = """
            package shop;

            import dev.allframe.http.annotation.Get;
            import dev.allframe.http.annotation.QueryParam;
            import dev.allframe.inject.Env;
            import jakarta.inject.Singleton;
            import java.time.Duration;

            @dev.allframe.inject.AllFrameApplication
            public class ShopApp { }

            enum Mode { A, B }

            @Singleton
            class Settings {
                final String summary;
                Settings(@Env(value = "PORT", defaultValue = " 8080 ") int port,
                         @Env(value = "FLAG", defaultValue = "TRUE") boolean flag,
                         @Env(value = "WAIT", defaultValue = " 2s") Duration wait,
                         @Env(value = "MODE", defaultValue = "B ") Mode mode) {
                    summary = port + " " + flag + " " + wait + " " + mode;
                }
            }
            """;

    @Test
    void envDefaultsWithBlanksCompileBecauseStartUpTrimsThem(@TempDir Path dir) throws Exception {
        Compilation c = Fixtures.compile(APP);
        assertThat(c).succeededWithoutWarnings();
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of()))) {
            Object settings = Fixtures.call(container, "settings");
            java.lang.reflect.Field summary = settings.getClass().getDeclaredField("summary");
            summary.setAccessible(true); // test code only: the fixture class is package-private
            assertThat(summary.get(settings))
                    .isEqualTo("8080 true " + Duration.ofSeconds(2) + " B");
        }
    }

    @Test
    void routeDefaultsWithBlanksAreCompileErrorsBecauseRequestsAreNotTrimmed() {
        String src = APP + """

                class Api {
                    @Get("/a")
                    String a(@QueryParam(value = "n", defaultValue = " 5") int n,
                             @QueryParam(value = "f", defaultValue = "TRUE") boolean f) {
                        return "";
                    }

                    @Get("/b")
                    String b(@QueryParam(value = "m", defaultValue = "B ") Mode m) {
                        return "";
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] The default ' 5' of query parameter 'n' of "
                + "shop.Api.a() is not an integer.").inFile(file)
                .onLine(CompileErrorsTest.lineOf(src, "defaultValue = \" 5\""));
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] The default 'B ' of query parameter 'm' of "
                + "shop.Api.b() is not one of A, B.").inFile(file)
                .onLine(CompileErrorsTest.lineOf(src, "@QueryParam(value = \"m\""));
    }
}
