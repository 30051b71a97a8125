package net.qgreenland.ogdc.recipe;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key a misspelt key most likely meant ({@code pararell} → {@code parallel}). */
final class KeySuggestion {

    private KeySuggestion() {}

    /**
     * The known key closest to {@code unknown} by edit distance (a swap of two neighbouring letters counts as
     * one edit), if it is close enough to be a plausible typo: at most one edit per three characters, at most 3.
     */
    static Optional<String> nearest(String unknown, Collection<String> known) {
        String needle = unknown.toLowerCase(Locale.ROOT);
        int allowed = Math.min(3, Math.max(1, needle.length() / 3));
        return known.stream()
                .filter(k -> distance(needle, k.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String k) -> distance(needle, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
