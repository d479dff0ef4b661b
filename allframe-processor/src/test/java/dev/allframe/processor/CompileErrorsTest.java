package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.util.List;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Wiring mistakes are compile errors on the offending element, with a stable id, a trace and hints. */
class CompileErrorsTest {
    static final String APP = """
            package shop;

            @dev.allframe.inject.AllFrameApplication
            public class App {
            }
            """;

    static Compilation compile(JavaFileObject... files) {
        return Fixtures.compile(List.of(files));
    }

    static long lineOf(String source, String marker) {
        int at = source.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no " + marker);
        }
        return source.substring(0, at).lines().count() + (source.substring(0, at).endsWith("\n") ? 1 : 0);
    }

    /** @return the only error's message, each line stripped: javac indents a message's later lines its own way */
    static String onlyError(Compilation c) {
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        return c.errors().get(0).getMessage(null).lines().map(String::strip)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Test
    void reportsAMissingBindingOnTheParameterWithTheTraceToTheEntryPoint() {
        String src = """
                package shop;

                import jakarta.inject.Singleton;

                interface Repo {
                }

                @Singleton
                class Service {
                    Service(Repo repo) {
                    }
                }

                @Singleton
                class Orders {
                    Orders(Service service) {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(c).hadErrorContaining("[AllFrame/MissingBinding] No binding for shop.Repo, which "
                + "shop.Service.<init>(repo) needs: add @Singleton to an implementation, or a @Provides method to "
                + "a @Factory.").inFile(file).onLine(lineOf(src, "Service(Repo repo)"));
        assertThat(onlyError(c)).endsWith("\nshop.Repo is injected at\nshop.Service.<init>(repo)"
                + "\nshop.Service is injected at\nshop.Orders.<init>(service)");
    }

    @Test
    void hintsAtAQualifierAnEnvironmentVariableOrAnUnannotatedClass() {
        String src = """
                package shop;

                import jakarta.inject.Named;
                import jakarta.inject.Singleton;

                interface Repo {
                }

                @Singleton
                @Named("sql")
                class SqlRepo implements Repo {
                }

                class Clock {
                }

                @Singleton
                class Service {
                    Service(Repo repo, String table, Clock clock) {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(c).hadErrorCount(3);
        long line = lineOf(src, "Service(Repo repo");
        assertThat(c).hadErrorContaining("Note: shop.Repo is bound as @Named(\"sql\") shop.Repo by shop.SqlRepo; "
                + "give parameter 'repo' the same qualifier.").inFile(file).onLine(line);
        assertThat(c).hadErrorContaining("No binding for java.lang.String, which shop.Service.<init>(table) needs")
                .inFile(file).onLine(line);
        assertThat(c).hadErrorContaining("Note: to read an environment variable, annotate parameter 'table' with "
                + "@Env(\"NAME\").");
        assertThat(c).hadErrorContaining("Note: shop.Clock is a class but not a component: annotate it with "
                + "@Singleton or give it an @Inject constructor.");
    }

    @Test
    void reportsAnAmbiguousBindingListingEveryCandidate() {
        String src = """
                package shop;

                import jakarta.inject.Singleton;

                interface Repo {
                }

                @Singleton
                class SqlRepo implements Repo {
                }

                @Singleton
                class MemoryRepo implements Repo {
                }

                @Singleton
                class Service {
                    Service(Repo repo) {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(onlyError(c)).startsWith("[AllFrame/AmbiguousBinding] shop.Repo is bound 2 times, so "
                + "shop.Service.<init>(repo) is ambiguous: qualify the parameter and one binding with @Named, or "
                + "keep one binding.\nbound by shop.MemoryRepo\nbound by shop.SqlRepo");
        assertThat(c).hadErrorContaining("AmbiguousBinding").inFile(file).onLine(lineOf(src, "Service(Repo repo)"));
    }

    @Test
    void anExactTypeOrANameSettlesWhatWouldBeAmbiguous() {
        String src = """
                package shop;

                import jakarta.inject.Named;
                import jakarta.inject.Singleton;

                interface Repo {
                }

                @Singleton
                class SqlRepo implements Repo {
                }

                @Singleton
                @Named("memory")
                class MemoryRepo implements Repo {
                }

                @Singleton
                class Service {
                    Service(SqlRepo sql, @Named("memory") Repo memory, Repo any) {
                    }
                }
                """;
        Compilation c = compile(Fixtures.source(APP), Fixtures.source(src));
        assertThat(c).succeededWithoutWarnings();
    }

    static final String CYCLE = """
            package shop;

            import jakarta.inject.Singleton;

            @Singleton
            class A {
                A(B b) {
                }
            }

            @Singleton
            class B {
                B(C c) {
                }
            }

            @Singleton
            class C {
                C(A a) {
                }
            }
            """;

    @Test
    void reportsADependencyCycleOnceWithTheWholeCycle() {
        JavaFileObject file = Fixtures.source(CYCLE);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(onlyError(c)).isEqualTo("[AllFrame/DependencyCycle] Dependency cycle: shop.A -> shop.B -> "
                + "shop.C -> shop.A. Break it by injecting Provider<shop.B> at shop.A.<init>(b), or remove one "
                + "dependency.\nshop.A.<init>(b) needs shop.B\nshop.B.<init>(c) needs shop.C"
                + "\nshop.C.<init>(a) needs shop.A");
        assertThat(c).hadErrorContaining("DependencyCycle").inFile(file).onLine(lineOf(CYCLE, "A(B b)"));
    }

    @Test
    void reportsACycleAtTheEdgeNearestTheEntryPointWhateverTheSourceOrder() {
        String controller = """
                package shop;

                import dev.allframe.http.annotation.Get;

                class Api {
                    Api(C c) {
                    }

                    @Get("/")
                    String hello() {
                        return "hi";
                    }
                }
                """;
        String first = onlyError(compile(Fixtures.source(APP), Fixtures.source(CYCLE), Fixtures.source(controller)));
        String second = onlyError(compile(Fixtures.source(controller), Fixtures.source(CYCLE), Fixtures.source(APP)));
        assertThat(first).isEqualTo(second)
                .contains("Dependency cycle: shop.C -> shop.A -> shop.B -> shop.C. Break it by injecting "
                        + "Provider<shop.A> at shop.C.<init>(a)");
    }

    @Test
    void aProviderBreaksACycle() {
        String src = CYCLE.replace("C(A a)", "C(jakarta.inject.Provider<A> a)");
        assertThat(compile(Fixtures.source(APP), Fixtures.source(src))).succeededWithoutWarnings();
    }

    @Test
    void rejectsConstructorsTheContainerCannotCall() {
        String src = """
                package shop;

                import jakarta.inject.Inject;
                import jakarta.inject.Singleton;

                @Singleton
                class Hidden {
                    private Hidden() {
                    }
                }

                @Singleton
                class Twice {
                    @Inject
                    Twice() {
                    }

                    @Inject
                    Twice(Hidden h) {
                    }
                }

                @Singleton
                abstract class Shape {
                }

                @Singleton
                class Several {
                    Several(String a) {
                    }

                    Several(int b) {
                    }
                }

                class Outer {
                    @Singleton
                    class Inner {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(c).hadErrorCount(5);
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] The constructor of shop.Hidden is private: make "
                + "it package-private or public so the container can call it.").inFile(file)
                .onLine(lineOf(src, "private Hidden()"));
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] shop.Twice has 2 @Inject constructors: keep "
                + "@Inject on exactly one.").inFile(file).onLine(lineOf(src, "Twice(Hidden h)"));
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] shop.Shape is abstract, so the container "
                + "cannot create it.").inFile(file).onLine(lineOf(src, "abstract class Shape"));
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] shop.Several has 2 constructors and none is "
                + "marked @Inject").inFile(file).onLine(lineOf(src, "class Several"));
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] shop.Outer.Inner is an inner class: make it "
                + "static").inFile(file).onLine(lineOf(src, "class Inner"));
    }

    @Test
    void rejectsEnvironmentBindingsThatCannotWork() {
        String src = """
                package shop;

                import dev.allframe.inject.Env;
                import jakarta.inject.Singleton;

                @Singleton
                class Settings {
                    Settings(@Env(value = "PORT", defaultValue = "eighty") int port,
                             @Env("WHEN") java.time.Instant when,
                             @Env(value = "FLAG", defaultValue = "yes") boolean flag) {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(c).hadErrorCount(3);
        assertThat(c).hadErrorContaining("[AllFrame/BadEnv] The default 'eighty' of @Env(\"PORT\") is not an "
                + "integer.").inFile(file).onLine(lineOf(src, "@Env(value = \"PORT\""));
        assertThat(c).hadErrorContaining("[AllFrame/BadEnv] @Env(\"WHEN\") cannot convert to java.time.Instant.")
                .inFile(file).onLine(lineOf(src, "@Env(\"WHEN\")"));
        assertThat(c).hadErrorContaining("[AllFrame/BadEnv] The default 'yes' of @Env(\"FLAG\") is not true or "
                + "false.");
    }

    @Test
    void rejectsMisplacedAnnotations() {
        String src = """
                package shop;

                import dev.allframe.inject.Init;
                import dev.allframe.inject.Provides;
                import jakarta.inject.Inject;
                import jakarta.inject.Singleton;

                class NotAFactory {
                    @Provides
                    String name() {
                        return "x";
                    }
                }

                @Singleton
                class Fields {
                    @Inject
                    String name;

                    @Init
                    void start(int times) {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(c).hadErrorContaining("[AllFrame/NotInjectable] @Provides method name() is in shop.NotAFactory, "
                + "which is not a @Factory").inFile(file).onLine(lineOf(src, "String name()"));
        assertThat(c).hadErrorContaining("[AllFrame/Unsupported] @Inject on field 'name' is not supported: inject "
                + "through the constructor.").inFile(file).onLine(lineOf(src, "String name;"));
        assertThat(c).hadErrorContaining("[AllFrame/BadInit] @Init method shop.Fields.start() must be "
                + "non-private, non-static and take no parameters.").inFile(file)
                .onLine(lineOf(src, "void start"));
        assertThat(c).hadErrorCount(3);
    }

    @Test
    void rejectsCustomQualifiersAndScopesRatherThanIgnoringThem() {
        String src = """
                package shop;

                import jakarta.inject.Qualifier;
                import jakarta.inject.Scope;
                import jakarta.inject.Singleton;
                import java.lang.annotation.Retention;
                import java.lang.annotation.RetentionPolicy;

                @Qualifier
                @Retention(RetentionPolicy.RUNTIME)
                @interface Primary {
                }

                @Scope
                @Retention(RetentionPolicy.RUNTIME)
                @interface PerRequest {
                }

                @Singleton
                class Db {
                }

                @Singleton
                class Uses {
                    Uses(@Primary Db db) {
                    }
                }

                @PerRequest
                class Scoped {
                    @jakarta.inject.Inject
                    Scoped() {
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[AllFrame/Unsupported] Qualifier @shop.Primary is not supported: use "
                + "@Named(\"...\").").inFile(file).onLine(lineOf(src, "@Primary Db db"));
        assertThat(c).hadErrorContaining("[AllFrame/Unsupported] Scope @shop.PerRequest is not supported")
                .inFile(file).onLine(lineOf(src, "class Scoped"));
    }

    @Test
    void leavesAnUnknownTypeToJavacWithoutNoiseOfItsOwn() {
        String src = """
                package shop;

                @jakarta.inject.Singleton
                class Service {
                    Service(Missing missing) {
                    }
                }

                class Api {
                    @dev.allframe.http.annotation.Get("/x")
                    String x(AlsoMissing body) {
                        return "";
                    }
                }
                """;
        Compilation c = compile(Fixtures.source(APP), Fixtures.source(src));
        assertThat(c).failed();
        assertThat(c.errors()).allSatisfy(e -> assertThat(e.getMessage(null)).startsWith("cannot find symbol")
                .doesNotContain("AllFrame"));
        assertThat(c).hadNoteContaining("[AllFrame] shop.AppContainer was not generated");
    }

    @Test
    void refusesAContainerNameThatIsTaken() {
        String taken = """
                package shop;

                public class AppContainer {
                }
                """;
        JavaFileObject app = Fixtures.source(APP);
        Compilation c = compile(app, Fixtures.source(taken));
        assertThat(onlyError(c)).startsWith("[AllFrame/DuplicateApplication] A type named shop.AppContainer already "
                + "exists, so the container cannot take that name: choose another with "
                + "@AllFrameApplication(container = \"...\").");
        assertThat(c).hadErrorContaining("DuplicateApplication").inFile(app).onLine(lineOf(APP, "public class App"));
    }

    @Test
    void allowsOneApplicationPerCompilation() {
        String other = """
                package shop;

                @dev.allframe.inject.AllFrameApplication
                public class Zed {
                }
                """;
        JavaFileObject file = Fixtures.source(other);
        Compilation c = compile(Fixtures.source(APP), file);
        assertThat(onlyError(c)).startsWith("[AllFrame/DuplicateApplication] Only one @AllFrameApplication per "
                + "compilation: shop.App already is one.");
        assertThat(c).hadErrorContaining("DuplicateApplication").inFile(file).onLine(lineOf(other, "public class"));
        assertThat(c.diagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING);
    }
}
