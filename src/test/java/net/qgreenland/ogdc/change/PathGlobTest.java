package net.qgreenland.ogdc.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Glob matching over repository-relative paths: {@code **} spans segments, {@code *} and {@code ?} do not. */
class PathGlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "**/*.md                 | a.md                        | true",
        "**/*.md                 | x/y/a.md                    | true",
        "**/*.md                 | x/y/a.mdx                   | false",
        "**/*.md                 | x/y/md                      | false",
        "**/README*              | recipes/a/README            | true",
        "**/README*              | README.rst                  | true",
        "**/README*              | recipes/a/readme.md         | false",
        "scripts/**              | scripts/a/b.sh              | true",
        "scripts/**              | scripts/a.sh                | true",
        "scripts/**              | other/scripts/a.sh          | false",
        "scripts/**              | scripts-old/a.sh            | false",
        "*.yml                   | b.yml                       | true",
        "*.yml                   | a/b.yml                     | false",
        ".github/workflows/*.yml | .github/workflows/ogdc.yml  | true",
        ".github/workflows/*.yml | .github/workflows/x/a.yml   | false",
        ".github/workflows/*.yml | .github/workflows/ogdc.yaml | false",
        "a/**/b                  | a/b                         | true",
        "a/**/b                  | a/x/y/b                     | true",
        "a/**/b                  | a/x/y/c                     | false",
        "a/*/b                   | a/x/b                       | true",
        "a/*/b                   | a/x/y/b                     | false",
        "recipes/?/meta.yml      | recipes/a/meta.yml          | true",
        "recipes/?/meta.yml      | recipes/ab/meta.yml         | false",
        "*                       | .hidden                     | true",
        "a*b*c                   | aXbYbZc                     | true",
        "a*b*c                   | aXbYbZ                      | false",
        "Makefile                | makefile                    | false",
        "x.md                    | x.md                        | true",
        "x.md                    | xxmd                        | false",
    })
    void aGlobMatchesWholeRepositoryRelativePaths(String glob, String path, boolean matches) {
        assertThat(PathGlob.of(glob).matches(path)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"", "/recipes/**", "a//b", "a\\b"})
    void aGlobMustBeRepositoryRelativeWithoutEmptySegments(String glob) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathGlob.of(glob)).withMessageContaining("path glob");
    }
}
