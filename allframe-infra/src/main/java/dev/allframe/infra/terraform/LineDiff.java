package dev.allframe.infra.terraform;

import java.util.ArrayList;
import java.util.List;

/** A minimal line diff (longest common subsequence), enough to show drift in a few hundred lines. */
final class LineDiff {
    private static final int CONTEXT = 2;
    private static final int MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    static String diff(String oldName, String oldText, String newName, String newText) {
        String[] a = oldText.split("\n", -1);
        String[] b = newText.split("\n", -1);
        StringBuilder sb = new StringBuilder("--- ").append(oldName).append("\n+++ ").append(newName).append('\n');
        if ((long) a.length * b.length > MAX_CELLS) {
            return sb.append("(files too large to diff line by line)\n").toString();
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add("  " + a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add("- " + a[i++]);
            } else {
                ops.add("+ " + b[j++]);
            }
        }
        boolean[] show = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(ops.size() - 1, k + CONTEXT); c++) {
                    show[c] = true;
                }
            }
        }
        boolean gap = false;
        for (int k = 0; k < ops.size(); k++) {
            if (show[k]) {
                sb.append(ops.get(k)).append('\n');
                gap = false;
            } else if (!gap) {
                sb.append("@@\n");
                gap = true;
            }
        }
        return sb.toString();
    }
}
