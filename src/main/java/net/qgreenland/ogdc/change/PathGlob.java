package net.qgreenland.ogdc.change;

import java.util.List;
import java.util.Objects;

/**
 * A glob over repository-relative, {@code /}-separated paths: {@code ?} matches one character and {@code *} any
 * characters within one segment, a whole segment {@code **} matches zero or more segments, everything else is
 * literal and case-sensitive ({@code **}{@code /*.md} matches {@code a.md} and {@code x/y/a.md}; {@code *.yml}
 * does not match {@code a/b.yml}).
 */
public final class PathGlob {

    private static final String ANY_SEGMENTS = "**";

    private final String pattern;
    private final List<String> segments;

    private PathGlob(String pattern) {
        this.pattern = pattern;
        this.segments = List.of(pattern.split("/", -1));
    }

    /** The glob for {@code pattern}; throws {@link IllegalArgumentException} for an empty, absolute or {@code a//b} one. */
    public static PathGlob of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isEmpty() || pattern.startsWith("/") || pattern.contains("//") || pattern.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(
                    "a path glob must be repository-relative with '/' separators and no empty segment, got '"
                            + pattern + "'");
        }
        return new PathGlob(pattern);
    }

    /** Whether the whole of {@code path} (repository-relative, {@code /}-separated) matches. */
    public boolean matches(String path) {
        return matchSegments(path.split("/", -1));
    }

    public String pattern() {
        return pattern;
    }

    // Wildcard matching with one backtrack point is exact when the only many-element wildcard is the star, and it
    // stays linear-ish on adversarial paths, unlike naive recursion: the same algorithm runs over segments (with
    // "**") and over the characters of one segment (with "*").
    private boolean matchSegments(String[] path) {
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        while (s < path.length) {
            if (p < segments.size() && segments.get(p).equals(ANY_SEGMENTS)) {
                starP = p++;
                starS = s;
            } else if (p < segments.size() && matchSegment(segments.get(p), path[s])) {
                p++;
                s++;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < segments.size() && segments.get(p).equals(ANY_SEGMENTS)) {
            p++;
        }
        return p == segments.size();
    }

    private static boolean matchSegment(String glob, String name) {
        int g = 0;
        int n = 0;
        int starG = -1;
        int starN = 0;
        while (n < name.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                starG = g++;
                starN = n;
            } else if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == name.charAt(n))) {
                g++;
                n++;
            } else if (starG >= 0) {
                g = starG + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathGlob glob && glob.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
