package net.qgreenland.ogdc.task;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers (and a retried pod) see the old content or the whole new one, never a part: the
 * content goes to a hidden temporary file beside the target, is flushed to disk, and is then renamed over it.
 */
final class AtomicFileWriter {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWriter() {}

    /** Replaces {@code target} (creating its parent directories) with {@code text} in UTF-8. */
    static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Replaces {@code target} (creating its parent directories) with what {@code content} writes. */
    static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            // CREATE_NEW rather than createTempFile: the file gets the usual permissions (umask), not 0600, so
            // that the pods that read the manifests can.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                // content may close the stream it is given (Jackson does); the channel must stay open for force()
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            moveReplacing(temporary, absolute);
        } catch (IOException e) {
            throw new TaskFailure("writing " + target + " failed: " + TaskFailure.reason(e), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Renames {@code source} to {@code target}, atomically where the file system can. */
    static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code file} if it exists; a failure to delete a leftover must not hide the real outcome. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the temporary file stays behind, hidden and never read
        }
    }
}
