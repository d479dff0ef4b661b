package dev.allframe.json;

/**
 * A JSON document crossed one of the codec's {@link JsonLimits}: the client's fault, answered with 400 (413 for
 * {@code maxDocumentBytes}) by {@code Json.body} and as a failed message by the Lambda event doors. The message
 * names the limit and where the document crossed it.
 */
public final class JsonLimitException extends JsonCodecException {
    private static final long serialVersionUID = 1L;

    private final String limit;
    private final long max;

    /**
     * @param limit the limit's name, as in {@link JsonLimits}: {@code maxDepth}, {@code maxStringBytes},
     *        {@code maxEntries} or {@code maxDocumentBytes}
     * @param max the limit's value
     * @param message what crossed it and where
     */
    public JsonLimitException(String limit, long max, String message) {
        super(message, null);
        this.limit = limit;
        this.max = max;
    }

    /** @return the limit's name: {@code maxDepth}, {@code maxStringBytes}, {@code maxEntries} or {@code maxDocumentBytes} */
    public String limit() {
        return limit;
    }

    /** @return the limit's value */
    public long max() {
        return max;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the client's input, not a bug: no stack to capture
    }
}
