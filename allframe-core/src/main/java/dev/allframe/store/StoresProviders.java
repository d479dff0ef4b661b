package dev.allframe.store;

/** Messages of {@link Stores#open}; not API. */
final class StoresProviders {
    private StoresProviders() {
    }

    /**
     * @param url a store URL no provider accepted
     * @return what to do about it, naming the module to add
     */
    static String noProvider(String url) {
        String redacted = url.replaceAll("password=[^&]*", "password=***");
        String fix;
        if (url.startsWith("dynamodb:")) {
            fix = "add the dependency dev.allframe:allframe-aws (DynamoDB)";
        } else if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
            fix = "add the dependency dev.allframe:allframe-jdbc and org.xerial:sqlite-jdbc (SQLite)";
        } else if (url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql:")) {
            fix = "add the dependency dev.allframe:allframe-jdbc and org.postgresql:postgresql (PostgreSQL)";
        } else {
            fix = "expected memory:, sqlite:PATH, jdbc:postgresql://HOST:PORT/DB (allframe-jdbc) or dynamodb:TABLE"
                    + " (allframe-aws)";
        }
        return "No store backend on the class path opens " + Stores.STORE_VARIABLE + "='" + redacted + "': " + fix;
    }
}
