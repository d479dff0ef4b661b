package dev.allframe.inject;

/** The process environment; a plain class rather than a method reference, one less lambda to spin up at start-up. */
final class SystemEnvironment implements Environment {
    static final SystemEnvironment INSTANCE = new SystemEnvironment();

    private SystemEnvironment() {
    }

    @Override
    public String get(String name) {
        return System.getenv(name);
    }
}
