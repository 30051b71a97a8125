package net.qgreenland.ogdc.recipe;

/** Strips a repeated character from both ends of a string: slashes from paths, dashes from ids. */
final class Edges {

    private Edges() {}

    /** {@code text} without any leading or trailing {@code c} ({@code strip("//a/b/", '/')} is {@code a/b}). */
    static String strip(String text, char c) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == c) {
            start++;
        }
        while (end > start && text.charAt(end - 1) == c) {
            end--;
        }
        return text.substring(start, end);
    }
}
