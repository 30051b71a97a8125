package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-line reasons that failures of I/O, HTTP and JSON are reported with. */
class TaskFailureTest {

    static Stream<Arguments> reasons() {
        Throwable badJson = catchThrowable(() -> new ObjectMapper().readTree("{\n  \"a\": [1,\n"));
        return Stream.of(
                Arguments.of(new IOException("No space left on device"), "No space left on device"),
                Arguments.of(new ConnectException(), "ConnectException"),
                Arguments.of(new IOException(null, new ConnectException("Connection refused")),
                        "IOException: Connection refused"),
                Arguments.of(new IOException("first line\n  second line"), "first line second line"),
                Arguments.of(badJson, "Unexpected end-of-input within/between Array entries (line 3, column 1)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("reasons")
    void aReasonIsOneReadableLine(Throwable e, String reason) {
        assertThat(TaskFailure.reason(e)).isEqualTo(reason);
    }
}
