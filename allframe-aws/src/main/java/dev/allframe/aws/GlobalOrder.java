package dev.allframe.aws;

import java.util.Locale;

/**
 * How the DynamoDB event store orders events across streams (module README, "Global order modes").
 * <ul>
 *   <li>{@link #COUNTER} (the default): every append also updates the {@code $global} counter item, so events carry
 *       gap-free global positions and {@code readAll} and catch-up subscriptions work. Costs one of the 100
 *       transaction items (at most 99 events per append) and makes the counter the table's one hot key.</li>
 *   <li>{@link #STREAMS}: no counter. An append is only its event {@code Put}s (and a version check when needed),
 *       up to 100 events, with no hot key; events carry no global position ({@code 0}) and {@code readAll} fails.
 *       Projections are driven by the table's DynamoDB stream (the DynamoDB Streams door) instead.</li>
 * </ul>
 */
public enum GlobalOrder {
    /** Gap-free global positions from the {@code $global} counter item; {@code readAll} works. */
    COUNTER,
    /** No global positions; projections follow the table's DynamoDB stream; {@code readAll} fails. */
    STREAMS;

    /** The environment variable {@link AwsStores#fromEnvironment()} reads the mode from. */
    public static final String VARIABLE = "ALLFRAME_GLOBAL_ORDER";

    /**
     * @param value {@code counter} or {@code streams} (case-insensitive, surrounding blanks ignored); {@code null}
     *              or blank means {@link #COUNTER}
     * @return the mode
     * @throws IllegalArgumentException naming {@value #VARIABLE} and the allowed values if {@code value} is neither
     */
    public static GlobalOrder parse(String value) {
        if (value == null || value.isBlank()) {
            return COUNTER;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "counter" -> COUNTER;
            case "streams" -> STREAMS;
            default -> throw new IllegalArgumentException(VARIABLE + "='" + value + "' is not a global-order mode;"
                    + " expected counter (the default: gap-free global positions, readAll) or streams (no counter,"
                    + " up to 100 events per append, projections from the table's DynamoDB stream)");
        };
    }

    /** @return the configuration value: {@code counter} or {@code streams} */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
