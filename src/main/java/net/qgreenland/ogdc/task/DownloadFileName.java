package net.qgreenland.ogdc.task;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local file name of a download: the {@code Content-Disposition} file name (RFC 6266, {@code filename*}
 * preferred), else the URL path's last segment percent-decoded, else {@code download-<index>}; always a plain name.
 */
final class DownloadFileName {

    private DownloadFileName() {}

    /** The name for the download of {@code url}, input {@code index}, answered with {@code contentDisposition}. */
    static String choose(Optional<String> contentDisposition, URI url, int index) {
        return contentDisposition.flatMap(DownloadFileName::fromContentDisposition)
                .or(() -> fromUrl(url))
                .orElse("download-" + index);
    }

    /** The usable file name a {@code Content-Disposition} header value gives, if any. */
    static Optional<String> fromContentDisposition(String header) {
        Optional<String> plain = Optional.empty();
        Optional<String> extended = Optional.empty();
        List<String> parts = splitParameters(header);
        for (String part : parts.subList(Math.min(1, parts.size()), parts.size())) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).strip();
            if (name.equals("filename*")) {
                extended = extendedValue(value).flatMap(DownloadFileName::sanitize);
            } else if (name.equals("filename")) {
                plain = sanitize(value.startsWith("\"") ? unquote(value) : value);
            }
        }
        return extended.isPresent() ? extended : plain;
    }

    /** The usable file name the last segment of {@code url}'s path gives, if any. */
    static Optional<String> fromUrl(URI url) {
        String path = url.getRawPath();
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return sanitize(PercentEncoding.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8));
    }

    /**
     * {@code name} reduced to a plain file name (what follows the last {@code /} or {@code \}), unless nothing usable
     * is left: empty, {@code .} or {@code ..}, control characters, or the fetch ledger's own name.
     */
    static Optional<String> sanitize(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        boolean usable = !base.isEmpty() && !base.equals(".") && !base.equals("..")
                && !base.equals(FetchLedger.FILE_NAME) && base.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        return usable ? Optional.of(base) : Optional.empty();
    }

    /** RFC 5987 {@code charset'language'percent-encoded}, e.g. {@code UTF-8''na%C3%AFve.txt}. */
    private static Optional<String> extendedValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        try {
            Charset charset = Charset.forName(value.substring(0, first).strip());
            return Optional.of(PercentEncoding.decode(value.substring(second + 1), charset));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The parts of a header value between semicolons, semicolons inside quoted strings not counting. */
    private static List<String> splitParameters(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                part.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    /** The content of an RFC 7230 quoted string: without the quotes, {@code \x} meaning x. */
    private static String unquote(String quoted) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                text.append(quoted.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
