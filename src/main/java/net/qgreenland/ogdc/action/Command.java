package net.qgreenland.ogdc.action;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code /ogdc} command from a pull-request comment: the first line of the comment that starts with {@code /ogdc}
 * (after leading spaces), then a subcommand and recipe names separated by spaces or commas.
 */
public sealed interface Command {

    /** The word that starts a command line. */
    String PREFIX = "/ogdc";

    /** {@code /ogdc run a b} or {@code /ogdc run all}; no recipes and not {@code all} means the changed ones. */
    record Run(List<String> recipes, boolean all) implements Command {
        public Run {
            recipes = List.copyOf(recipes);
        }
    }

    /** {@code /ogdc retry [recipes]}; no recipes means every failed one. */
    record Retry(List<String> recipes) implements Command {
        public Retry {
            recipes = List.copyOf(recipes);
        }
    }

    /** {@code /ogdc cancel [recipes]}; no recipes means every running one. */
    record Cancel(List<String> recipes) implements Command {
        public Cancel {
            recipes = List.copyOf(recipes);
        }
    }

    /**
     * {@code /ogdc approve a b}: run the recipes named although their estimate is over the approval threshold, at the
     * pull request's current head only (a new push needs a new approval); names are required.
     */
    record Approve(List<String> recipes) implements Command {
        public Approve {
            recipes = List.copyOf(recipes);
        }
    }

    /** {@code /ogdc help} or a bare {@code /ogdc}. */
    record Help() implements Command {
    }

    /** {@code /ogdc <anything else>}: {@code text} is what followed {@code /ogdc}, to answer with help. */
    record Unknown(String text) implements Command {
        public Unknown {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The command in a comment {@code body}, or empty when no line starts with {@code /ogdc}. */
    static Optional<Command> parse(String body) {
        return body.lines()
                .map(String::strip)
                .filter(Command::isCommandLine)
                .findFirst()
                .map(line -> parseLine(line.substring(PREFIX.length()).strip()));
    }

    private static boolean isCommandLine(String line) {
        return line.startsWith(PREFIX)
                && (line.length() == PREFIX.length() || Character.isWhitespace(line.charAt(PREFIX.length())));
    }

    private static Command parseLine(String rest) {
        List<String> words = Arrays.stream(rest.split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
        if (words.isEmpty()) {
            return new Help();
        }
        List<String> arguments = distinct(words.subList(1, words.size()));
        switch (words.get(0).toLowerCase(Locale.ROOT)) {
            case "run": {
                List<String> recipes = new ArrayList<>(arguments);
                boolean all = recipes.removeIf(word -> word.equalsIgnoreCase("all"));
                return new Run(recipes, all);
            }
            case "retry":
                return new Retry(arguments);
            case "cancel":
                return new Cancel(arguments);
            case "approve":
                return new Approve(arguments);
            case "help":
                return new Help();
            default:
                return new Unknown(rest);
        }
    }

    private static List<String> distinct(List<String> words) {
        return List.copyOf(new LinkedHashSet<>(words));
    }
}
