package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
            Arguments.of("/ogdc run a b", new Command.Run(List.of("a", "b"), false)),
            Arguments.of("/ogdc run a,b, c", new Command.Run(List.of("a", "b", "c"), false)),
            Arguments.of("/ogdc run a a b", new Command.Run(List.of("a", "b"), false)),
            Arguments.of("/ogdc run", new Command.Run(List.of(), false)),
            Arguments.of("/ogdc run all", new Command.Run(List.of(), true)),
            Arguments.of("/ogdc RUN ALL", new Command.Run(List.of(), true)),
            Arguments.of("/ogdc retry", new Command.Retry(List.of())),
            Arguments.of("/ogdc retry seal-tags", new Command.Retry(List.of("seal-tags"))),
            Arguments.of("/ogdc cancel x", new Command.Cancel(List.of("x"))),
            Arguments.of("/ogdc cancel", new Command.Cancel(List.of())),
            Arguments.of("/ogdc help", new Command.Help()),
            Arguments.of("/ogdc", new Command.Help()),
            Arguments.of("/ogdc   ", new Command.Help()),
            Arguments.of("/ogdc frobnicate", new Command.Unknown("frobnicate")),
            Arguments.of("/ogdc frobnicate  the  widgets", new Command.Unknown("frobnicate  the  widgets")),
            Arguments.of("Thanks!\r\n  /ogdc run a\r\n/ogdc cancel", new Command.Run(List.of("a"), false)),
            Arguments.of("first line\n/ogdc\tretry\tb", new Command.Retry(List.of("b"))));
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @MethodSource("bodies")
    void theFirstOgdcLineIsTheCommand(String body, Command expected) {
        assertThat(Command.parse(body)).hasValue(expected);
    }

    @ParameterizedTest(name = "''{0}'' has no command")
    @MethodSource("bodiesWithoutCommand")
    void bodiesWithoutAnOgdcLineHaveNoCommand(String body) {
        assertThat(Command.parse(body)).isEqualTo(Optional.empty());
    }

    static Stream<String> bodiesWithoutCommand() {
        return Stream.of("", "LGTM", "/ogdcrun all", "please /ogdc run all", "/atlantis plan", "`/ogdc` is great");
    }
}
