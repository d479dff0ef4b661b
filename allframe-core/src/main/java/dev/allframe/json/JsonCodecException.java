package dev.allframe.json;

/** JSON that could not be read or a value that could not be written; the message names what and where. */
public class JsonCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, for a client to read
     * @param cause the library's exception
     */
    public JsonCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
