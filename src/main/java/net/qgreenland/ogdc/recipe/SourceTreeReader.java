package net.qgreenland.ogdc.recipe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a {@link SourceNode} tree that remembers where every value came from.
 *
 * <p>Hostile documents are refused with a problem, never an exception: YAML aliases (so alias "bombs" cannot
 * expand), custom tags, nesting deeper than {@value #MAX_DEPTH} levels, more than one document, and duplicate
 * keys (reported, the first value is kept). Size is capped by the caller before the text gets here.
 */
final class SourceTreeReader {

    /** Deepest nesting of mappings and lists accepted; real recipes need fewer than ten levels. */
    static final int MAX_DEPTH = 64;

    /** The two formats recipe files use. */
    enum Format {
        YAML,
        JSON
    }

    /** The tree, if the text could be read at all, and every problem found while reading it. */
    record Result(Optional<SourceNode> root, List<RecipeProblem> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    /** YAML's own tags for plain data ({@code !!str 5}); every other tag (such as {@code !!python/...}) is refused. */
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final java.util.Set<String> STANDARD_TAGS = java.util.Set.of("str", "int", "float", "bool", "null",
                    "map", "seq").stream().map(t -> YAML_TAG_PREFIX + t).collect(java.util.stream.Collectors.toSet());

    private static final StreamReadConstraints CONSTRAINTS =
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .streamReadConstraints(CONSTRAINTS)
            .build();
    private static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private final String file;
    private final Format format;
    private final List<RecipeProblem> problems = new ArrayList<>();

    private SourceTreeReader(String file, Format format) {
        this.file = file;
        this.format = format;
    }

    /** Reads {@code text}, the content of {@code file}, in the given format. */
    static Result read(String text, String file, Format format) {
        return new SourceTreeReader(file, format).read(text);
    }

    private Result read(String text) {
        try (JsonParser parser = (format == Format.YAML ? YAML : JSON).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(RecipeProblem.error(SourceLocation.ofFile(file), "", "the file is empty"));
                return new Result(Optional.empty(), problems);
            }
            SourceNode root = readValue(parser, 1);
            if (root == null) {
                return new Result(Optional.empty(), problems);
            }
            if (parser.nextToken() != null) {
                problems.add(RecipeProblem.error(location(parser.currentTokenLocation()), "",
                        format == Format.YAML
                                ? "the file holds more than one YAML document (a second '---'); a recipe file holds one"
                                : "unexpected content after the end of the JSON value"));
                return new Result(Optional.empty(), problems);
            }
            return new Result(Optional.of(root), problems);
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                Mark mark = yaml.getProblemMark();
                String context = yaml.getContext() == null ? "" : " (" + yaml.getContext().strip() + ")";
                problems.add(RecipeProblem.error(new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1),
                        "", "invalid YAML: " + firstLine(String.valueOf(yaml.getProblem())) + context));
            } else {
                problems.add(RecipeProblem.error(location(e.getLocation()), "", syntaxMessage(e)));
            }
            return new Result(Optional.empty(), problems);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML and Jackson signal some malformed input with unchecked exceptions; all of it is bad input.
            problems.add(RecipeProblem.error(SourceLocation.ofFile(file), "",
                    "cannot read this " + format + " file: " + firstLine(String.valueOf(e.getMessage()))));
            return new Result(Optional.empty(), problems);
        }
    }

    /** Reads the value at the current token; returns null (with a problem recorded) if reading must stop. */
    private SourceNode readValue(JsonParser parser, int depth) throws IOException {
        SourceLocation here = location(parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            problems.add(RecipeProblem.error(here, "",
                    "the document is nested deeper than " + MAX_DEPTH + " levels"));
            return null;
        }
        if (!checkYamlExtras(parser, here)) {
            return null;
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, here, depth);
            case START_ARRAY:
                return readSequence(parser, here, depth);
            case VALUE_STRING:
                return new SourceNode.Scalar(here, Optional.of(parser.getText()), parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new SourceNode.Scalar(here, Optional.of(token == JsonToken.VALUE_TRUE), parser.getText());
            case VALUE_NULL:
                return new SourceNode.Scalar(here, Optional.empty(), parser.getText());
            case VALUE_NUMBER_INT:
                return new SourceNode.Scalar(here, Optional.of(integerValue(parser)), parser.getText());
            case VALUE_NUMBER_FLOAT:
                return new SourceNode.Scalar(here, Optional.of(parser.getDoubleValue()), parser.getText());
            default:
                problems.add(RecipeProblem.error(here, "", "unexpected " + token + " in the document"));
                return null;
        }
    }

    private SourceNode readMapping(JsonParser parser, SourceLocation here, int depth) throws IOException {
        List<SourceNode.Entry> entries = new ArrayList<>();
        Map<String, SourceLocation> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourceLocation keyLocation = location(parser.currentTokenLocation());
            if (!checkYamlExtras(parser, keyLocation)) {
                return null;
            }
            parser.nextToken();
            SourceNode value = readValue(parser, depth + 1);
            if (value == null) {
                return null;
            }
            SourceLocation first = seen.putIfAbsent(key, keyLocation);
            if (first != null) {
                problems.add(RecipeProblem.error(keyLocation, key,
                        "duplicate key '" + key + "' (first given at line " + first.line()
                                + "); each key may appear once"));
            } else {
                entries.add(new SourceNode.Entry(key, keyLocation, value));
            }
        }
        return new SourceNode.Mapping(here, entries);
    }

    private SourceNode readSequence(JsonParser parser, SourceLocation here, int depth) throws IOException {
        List<SourceNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            SourceNode item = readValue(parser, depth + 1);
            if (item == null) {
                return null;
            }
            items.add(item);
        }
        return new SourceNode.Sequence(here, items);
    }

    /** Refuses YAML aliases and custom tags; returns false (with a problem recorded) if one is found. */
    private boolean checkYamlExtras(JsonParser parser, SourceLocation here) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) {
            return true;
        }
        if (yaml.isCurrentAlias()) {
            problems.add(RecipeProblem.error(here, "",
                    "YAML aliases ('*" + yaml.getText() + "') are not allowed in recipe files; write the value out"));
            return false;
        }
        String tag = yaml.getTypeId();
        if (tag != null && !STANDARD_TAGS.contains(tag)) {
            String shown = tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : "!" + tag;
            problems.add(RecipeProblem.error(here, "",
                    "YAML tags ('" + shown + "') are not allowed in recipe files"));
            return false;
        }
        return true;
    }

    private static Object integerValue(JsonParser parser) throws IOException {
        Number n = parser.getNumberValue();
        if (n instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return n.longValue();
    }

    private SourceLocation location(JsonLocation at) {
        if (at == null || at.getLineNr() < 1) {
            return SourceLocation.ofFile(file);
        }
        return new SourceLocation(file, at.getLineNr(), Math.max(1, at.getColumnNr()));
    }

    private String syntaxMessage(JacksonException e) {
        String original = e.getOriginalMessage();
        String text = firstLine(original == null ? String.valueOf(e.getMessage()) : original);
        if (text.contains("Document nesting depth") || text.contains("nesting depth")) {
            return "the document is nested deeper than " + MAX_DEPTH + " levels";
        }
        return (format == Format.YAML ? "invalid YAML: " : "invalid JSON: ") + text;
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }
}
