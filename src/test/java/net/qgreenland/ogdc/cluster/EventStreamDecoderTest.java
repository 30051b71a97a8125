package net.qgreenland.ogdc.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which messages the decoder finds in SSE and newline-delimited JSON text ({@code |} separates messages). */
class EventStreamDecoderTest {

    static List<String> decode(String text) {
        EventStreamDecoder decoder = new EventStreamDecoder();
        List<String> messages = new ArrayList<>();
        text.lines().forEach(line -> decoder.accept(line).ifPresent(messages::add));
        decoder.finish().ifPresent(messages::add);
        return messages;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "one event;data: {\"a\":1}\\n\\n;{\"a\":1}",
        "no space after the colon;data:{\"a\":1}\\n\\n;{\"a\":1}",
        "two events;data: {\"a\":1}\\n\\ndata: {\"a\":2}\\n\\n;{\"a\":1}|{\"a\":2}",
        "data split over lines;data: {\"a\":\\ndata: 1}\\n\\n;{\"a\":\\n1}",
        "comments and other fields ignored;: ping\\nevent: message\\nid: 7\\nretry: 500\\ndata: {}\\n\\n;{}",
        "heartbeats only;: ping\\n\\n: ping\\n\\n;",
        "newline-delimited JSON;{\"a\":1}\\n{\"a\":2}\\n;{\"a\":1}|{\"a\":2}",
        "a last event without its blank line;data: {\"a\":1};{\"a\":1}",
        "blank data is no message;data:\\n\\n;",
        "unknown text ignored;hello\\n\\n;"})
    void decodes(String name, String text, String expected) {
        List<String> wanted = expected == null ? List.of()
                : List.of(expected.replace("\\n", "\n").split("\\|"));
        assertThat(decode(text.replace("\\n", "\n"))).as(name).isEqualTo(wanted);
    }
}
