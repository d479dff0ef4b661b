package dev.allframe.examples.orders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream (ustar, with the pax and GNU long-name extensions Jib and GNU tar write), JDK only, so the image
 * test needs no Docker and no library.
 */
final class Tar {
    /**
     * One entry: its path without a leading {@code /} or {@code ./}, type flag, mode, modification time (epoch
     * seconds; CDS checks it for every jar of an archive's class path), and content.
     */
    record Entry(String name, char type, int mode, long mtime, byte[] content) {
        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    /** Receives the entries in order. */
    interface Visitor {
        void visit(Entry entry) throws IOException;
    }

    private Tar() {
    }

    static void read(InputStream in, Visitor visitor) throws IOException {
        String longName = null;
        byte[] header = new byte[512];
        while (true) {
            if (in.readNBytes(header, 0, 512) < 512 || isZero(header)) {
                return;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            int mode = (int) octal(header, 100, 8);
            long mtime = octal(header, 136, 12);
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if (type == 'x') {
                longName = paxPath(content);
                continue;
            }
            if (type == 'g') {
                continue;
            }
            if (longName != null) {
                name = longName;
                longName = null;
            }
            while (name.startsWith("./") || name.startsWith("/")) {
                name = name.substring(name.startsWith("/") ? 1 : 2);
            }
            visitor.visit(new Entry(name, type, mode, mtime, content));
        }
    }

    private static String paxPath(byte[] content) {
        String records = new String(content, StandardCharsets.UTF_8);
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 6);
            }
        }
        return null;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int off, int len) {
        String s = text(b, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
