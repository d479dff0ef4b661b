package dev.allframe.lambda;

/** A child JVM's main: writes one WARNING line through {@link System.Logger}, as any application code would. */
final class LogOnce {
    private LogOnce() {
    }

    public static void main(String[] args) {
        System.getLogger("dev.allframe.test.LogOnce").log(System.Logger.Level.WARNING, "hello {0}", "there");
    }
}
