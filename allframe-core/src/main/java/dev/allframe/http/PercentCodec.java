package dev.allframe.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding (RFC 3986 §2.1) of UTF-8 text; bad input is a 400, never a guess. */
public final class PercentCodec {
    private PercentCodec() {
    }

    /**
     * Decodes a path segment: {@code %XX} escapes only; {@code +} stays a plus.
     *
     * @param s the raw segment
     * @return the decoded text
     * @throws HttpException 400 if an escape is malformed or the bytes are not UTF-8
     */
    public static String decodePathSegment(String s) {
        return decode(s, false, "path");
    }

    /**
     * Decodes a query component ({@code application/x-www-form-urlencoded}): {@code +} is a space.
     *
     * @param s the raw name or value
     * @return the decoded text
     * @throws HttpException 400 if an escape is malformed or the bytes are not UTF-8
     */
    public static String decodeQueryComponent(String s) {
        return decode(s, true, "query string");
    }

    private static String decode(String s, boolean plusIsSpace, String where) {
        int firstSpecial = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                firstSpecial = i;
                break;
            }
        }
        if (firstSpecial < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] prefix = s.substring(0, firstSpecial).getBytes(StandardCharsets.UTF_8);
        out.write(prefix, 0, prefix.length);
        for (int i = firstSpecial; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw malformed(where, s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(where, s);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("Invalid percent-encoding in the " + where
                    + ": the escapes do not form UTF-8 text");
        }
    }

    private static HttpException malformed(String where, String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return HttpException.badRequest("Invalid percent-encoding in the " + where + ": '" + shown
                + "' (expected % followed by two hex digits)");
    }
}
