package net.qgreenland.ogdc.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A changed path carries exactly the sides its change type has. */
class ChangedPathTest {

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(ChangedPath.added("a/x"), List.of("a/x"), List.of("a/x")),
                Arguments.of(ChangedPath.modified("a/x"), List.of("a/x"), List.of("a/x")),
                Arguments.of(ChangedPath.deleted("a/x"), List.of("a/x"), List.of("a/x")),
                Arguments.of(ChangedPath.renamed("a/x", "b/x"), List.of("a/x", "b/x"), List.of("a/x", "b/x")),
                Arguments.of(ChangedPath.copied("a/x", "b/x"), List.of("a/x", "b/x"), List.of("b/x")));
    }

    @ParameterizedTest(name = "{0} mentions {1} and changes {2}")
    @MethodSource("changes")
    void aChangeMentionsBothSidesButACopyLeavesItsSourceAlone(ChangedPath change, List<String> paths,
            List<String> affected) {
        assertThat(change.paths()).isEqualTo(paths);
        assertThat(change.affectedPaths()).isEqualTo(affected);
    }

    static Stream<Arguments> malformed() {
        Optional<String> none = Optional.empty();
        Optional<String> some = Optional.of("a/x");
        return Stream.of(
                Arguments.of(ChangeType.ADD, some, some),
                Arguments.of(ChangeType.ADD, none, none),
                Arguments.of(ChangeType.DELETE, some, some),
                Arguments.of(ChangeType.MODIFY, none, some),
                Arguments.of(ChangeType.RENAME, some, none),
                Arguments.of(ChangeType.COPY, none, some),
                Arguments.of(ChangeType.MODIFY, Optional.of("/a/x"), Optional.of("/a/x")),
                Arguments.of(ChangeType.ADD, none, Optional.of("a\\x")),
                Arguments.of(ChangeType.ADD, none, Optional.of("")),
                Arguments.of(ChangeType.ADD, none, Optional.of("recipes//x")),
                Arguments.of(ChangeType.DELETE, Optional.of("recipes/a/"), none));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} is rejected")
    @MethodSource("malformed")
    void aChangeWithTheWrongSidesOrAnAbsolutePathIsRejected(ChangeType type, Optional<String> oldPath,
            Optional<String> newPath) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChangedPath(type, oldPath, newPath));
    }
}
