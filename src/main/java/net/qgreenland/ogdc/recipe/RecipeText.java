package net.qgreenland.ogdc.recipe;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Turns a recipe file's bytes into text: strict UTF-8, no NUL bytes, a leading byte-order mark dropped. */
final class RecipeText {

    private RecipeText() {}

    /** The decoded text, or empty with a problem (at the offending byte's line and column) recorded. */
    static Optional<String> decode(byte[] bytes, String file, Problems problems) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                problems.error(positionOf(bytes, offset, i, file), "",
                        "the file contains a NUL byte; recipe files must be text");
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.error(positionOf(bytes, offset, in.position(), file), "",
                    "the file is not valid UTF-8 (byte 0x"
                            + String.format("%02X", bytes[in.position()] & 0xFF) + "); save it as UTF-8");
            return Optional.empty();
        }
        try {
            result = decoder.flush(out);
            if (result.isError()) {
                result.throwException();
            }
        } catch (CharacterCodingException e) {
            problems.error(SourceLocation.ofFile(file), "", "the file is not valid UTF-8; save it as UTF-8");
            return Optional.empty();
        }
        out.flip();
        return Optional.of(out.toString());
    }

    /** The 1-based line and column (counted in characters of the valid prefix) of byte {@code index}. */
    private static SourceLocation positionOf(byte[] bytes, int start, int index, String file) {
        int line = 1;
        int column = 1;
        for (int i = start; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }
}
