package net.qgreenland.ogdc.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a pod script with the real interpreter ({@code sh}, {@code python3}), stdout and stderr captured apart. */
final class ScriptProcess {

    static final long TIMEOUT_SECONDS = 120;

    /** How a script ended. */
    record Result(int exitCode, String stdout, String stderr) {}

    private ScriptProcess() {}

    /** Whether {@code program --version} runs and succeeds here. */
    static boolean available(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs {@code command} in {@code directory} with the inherited environment minus {@code unset}, plus {@code env}.
     */
    static Result run(List<String> command, Path directory, Collection<String> unset, Map<String, String> env) {
        try {
            Path out = Files.createTempFile(directory, "stdout-", ".txt");
            Path err = Files.createTempFile(directory, "stderr-", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeAll(unset);
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished).as("%s finished within %d s", command.get(0), TIMEOUT_SECONDS).isTrue();
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command.get(0), e);
        }
    }
}
