package dev.allframe.infra.terraform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One generated file of a root module.
 *
 * @param name the file name ({@code main.tf}, {@code main.tf.json})
 * @param content the full text, header included
 */
public record GeneratedFile(String name, String content) {
    private static final Pattern HASH = Pattern.compile("allframe-hash: sha256:([0-9a-f]{64})");

    /** Checks for nulls. */
    public GeneratedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /**
     * @param text a file's text
     * @return the hash its header declares, if it has an AllFrame header
     */
    public static Optional<String> declaredHash(String text) {
        int end = Math.min(text.length(), 4000);
        Matcher m = HASH.matcher(text.substring(0, end));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Computes the hash of a file's content as the header declares it: the SHA-256 of the text after the header
     * (HCL: after the leading comment lines; JSON: with the {@code "//"} header property's value blanked).
     *
     * @param text a file's text
     * @return the hex hash
     */
    public static String contentHash(String text) {
        return sha256(hashedPart(text));
    }

    /**
     * @param text a file's text
     * @return whether it has an AllFrame header whose hash matches its content (no hand edits since generation)
     */
    public static boolean intact(String text) {
        return declaredHash(text).map(h -> h.equals(contentHash(text))).orElse(false);
    }

    static String hashedPart(String text) {
        if (text.startsWith("{")) {
            return text.replaceFirst("\"//\": \"(?:[^\"\\\\]|\\\\.)*\"", "\"//\": \"\"");
        }
        int i = 0;
        while (text.startsWith("#", i)) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return "";
            }
            i = nl + 1;
        }
        return text.substring(i);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
