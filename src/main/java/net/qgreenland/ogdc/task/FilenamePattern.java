package net.qgreenland.ogdc.task;

import java.util.regex.Pattern;

/**
 * A case-insensitive file-name pattern with Python {@code fnmatch} semantics: {@code *} any text, {@code ?} one
 * character, {@code [abc]}/{@code [!abc]} a set; e.g. {@code *.NC} matches {@code data.nc}. DataONE file names
 * are names, not paths, so {@code *} also matches {@code /} (unlike a path glob).
 */
record FilenamePattern(String pattern, Pattern regex) {

    static FilenamePattern of(String pattern) {
        return new FilenamePattern(pattern, Pattern.compile(translate(pattern),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }

    /** Python's {@code fnmatch.translate}, in Java's regular-expression syntax. */
    private static String translate(String pattern) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    re.append("\\[");
                } else {
                    re.append(characterSet(pattern.substring(i, j)));
                    i = j + 1;
                }
            } else {
                re.append(literal(c));
            }
        }
        return re.toString();
    }

    private static String characterSet(String set) {
        StringBuilder re = new StringBuilder("[");
        int start = 0;
        if (set.startsWith("!")) {
            re.append('^');
            start = 1;
        }
        for (int k = start; k < set.length(); k++) {
            char c = set.charAt(k);
            re.append(c == '-' ? "-" : literal(c));
        }
        return re.append(']').toString();
    }

    /** A character that matches itself: ASCII punctuation escaped, anything else (incl. surrogates) as it is. */
    private static String literal(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) ? "\\" + c : String.valueOf(c);
    }
}
