package net.qgreenland.ogdc.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code input.params} (spec §1.3 and the input rules of §1.7). */
final class InputParamsReader {

    /** Longest PVC claim name: a DNS label. */
    static final int MAX_CLAIM_NAME = 63;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern URL = Pattern.compile("(?i)(https?|ftp)://[^\\s\"'`]+");
    private static final Set<String> TYPES = Set.of("url", "dataone", "pvc_mount");

    private final Problems problems;

    private InputParamsReader(Problems problems) {
        this.problems = problems;
    }

    /** The inputs of {@code meta}'s {@code input} key; problems for everything wrong with them. */
    static List<RecipeInput> read(MappingReader meta, Problems problems) {
        return new InputParamsReader(problems).read(meta);
    }

    private List<RecipeInput> read(MappingReader meta) {
        Optional<MappingReader> input = meta.require("input").flatMap(n -> MappingReader.of(n, "input", problems));
        if (input.isEmpty()) {
            return List.of();
        }
        input.get().allowOnly(Set.of("params"));
        Optional<SourceNode> paramsNode = input.get().require("params");
        if (paramsNode.isEmpty()) {
            return List.of();
        }
        if (!(paramsNode.get() instanceof SourceNode.Sequence params)) {
            problems.error(paramsNode.get().location(), "input.params",
                    "must be a list of inputs, got " + MappingReader.describe(paramsNode.get()));
            return List.of();
        }
        if (params.items().isEmpty()) {
            problems.error(params.location(), "input.params", "At least one input parameter is required");
            return List.of();
        }
        List<RecipeInput> inputs = new ArrayList<>();
        List<SourceNode> pvcNodes = new ArrayList<>();
        boolean hasDownloads = false;
        for (int i = 0; i < params.items().size(); i++) {
            SourceNode item = params.items().get(i);
            readParam(item, "input.params[" + i + "]").ifPresent(inputs::add);
            String declared = declaredType(item);
            if (declared.equals("pvc_mount")) {
                pvcNodes.add(item);
            } else if (declared.equals("url") || declared.equals("dataone")) {
                hasDownloads = true;
            }
        }
        if (hasDownloads && !pvcNodes.isEmpty()) {
            problems.error(pvcNodes.get(0).location(), "input.params",
                    "pvc_mount inputs cannot be combined with URL or DataONE inputs; split them into two recipes");
        }
        return inputs;
    }

    /** The {@code type} an input declares, whether or not the rest of it is valid; empty if none. */
    private static String declaredType(SourceNode item) {
        if (item instanceof SourceNode.Mapping m) {
            return m.find("type").map(SourceNode.Entry::value)
                    .flatMap(v -> v instanceof SourceNode.Scalar s ? s.value() : Optional.empty())
                    .map(String::valueOf)
                    .orElse("");
        }
        return "";
    }

    private Optional<RecipeInput> readParam(SourceNode node, String path) {
        Optional<MappingReader> param = MappingReader.of(node, path, problems);
        if (param.isEmpty()) {
            return Optional.empty();
        }
        MappingReader p = param.get();
        Optional<String> type = p.findNonNull("type").flatMap(t -> p.asString(t, p.pathOf("type")));
        if (p.findNonNull("type").isEmpty()) {
            problems.error(p.location(), p.pathOf("type"),
                    "is required: one of url, dataone, pvc_mount");
            return Optional.empty();
        }
        if (type.isEmpty()) {
            return Optional.empty();
        }
        SourceLocation typeAt = p.find("type").orElseThrow().location();
        switch (type.get()) {
            case "url":
                return readUrl(p);
            case "dataone":
                return readDataOne(p);
            case "pvc_mount":
                return readPvcMount(p);
            case "file_system":
                problems.error(typeAt, p.pathOf("type"),
                        "input type 'file_system' is not supported; use pvc_mount to read files from a volume");
                return Optional.empty();
            default:
                problems.error(typeAt, p.pathOf("type"), "unknown input type '" + type.get() + "'"
                        + KeySuggestion.nearest(type.get(), TYPES).map(s -> " (did you mean '" + s + "'?)")
                                .orElse("; use one of url, dataone, pvc_mount"));
                return Optional.empty();
        }
    }

    private Optional<RecipeInput> readUrl(MappingReader p) {
        p.allowOnly(Set.of("type", "value"));
        Optional<String> value = p.requireString("value");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!URL.matcher(value.get()).matches()) {
            problems.error(p.find("value").orElseThrow().location(), p.pathOf("value"),
                    "must be an http, https or ftp URL without spaces or quotes, got '" + value.get() + "'");
            return Optional.empty();
        }
        return Optional.of(new RecipeInput.Url(value.get()));
    }

    private Optional<RecipeInput> readDataOne(MappingReader p) {
        p.allowOnly(Set.of("type", "dataset_identifier", "filename"), Map.of(
                "value", "a DataONE input names its package with 'dataset_identifier' ('value' is from outdated "
                        + "documentation)",
                "dataset_pid", "'dataset_pid' is found when the package is resolved; remove it",
                "resolved_objects", "'resolved_objects' are found when the package is resolved; remove it"));
        Optional<String> dataset = p.requireString("dataset_identifier");
        Optional<String> filename = p.optionalString("filename");
        if (dataset.isPresent() && dataset.get().isBlank()) {
            problems.error(p.find("dataset_identifier").orElseThrow().location(), p.pathOf("dataset_identifier"),
                    "must not be blank");
            return Optional.empty();
        }
        if (filename.isPresent() && filename.get().isBlank()) {
            problems.error(p.find("filename").orElseThrow().location(), p.pathOf("filename"),
                    "must not be blank; leave it out to use every file of the package");
            return Optional.empty();
        }
        return dataset.map(d -> new RecipeInput.DataOne(d.strip(), filename));
    }

    private Optional<RecipeInput> readPvcMount(MappingReader p) {
        p.allowOnly(Set.of("type", "claim_name", "path", "glob"));
        long errorsBefore = problems.errorCount();
        Optional<String> claim = p.requireString("claim_name");
        claim.ifPresent(c -> checkClaimName(c, p));
        Optional<String> path = p.requireString("path");
        path.ifPresent(v -> checkPath(v, "path", p));
        Optional<String> glob = p.optionalString("glob");
        glob.ifPresent(g -> checkGlob(g, p));
        if (problems.errorCount() > errorsBefore || claim.isEmpty() || path.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecipeInput.PvcMount(claim.get(), path.get(), glob.orElse("*")));
    }

    private void checkClaimName(String claim, MappingReader p) {
        SourceLocation at = p.find("claim_name").orElseThrow().location();
        if (claim.length() > MAX_CLAIM_NAME) {
            problems.error(at, p.pathOf("claim_name"),
                    "claim_name too long (" + claim.length() + " > " + MAX_CLAIM_NAME + ")");
        } else if (!DNS_LABEL.matcher(claim).matches()) {
            problems.error(at, p.pathOf("claim_name"), "claim_name must be a valid K8s DNS label: '" + claim
                    + "' (lower-case letters, digits and '-', starting and ending with a letter or digit)");
        }
    }

    private void checkPath(String value, String key, MappingReader p) {
        SourceLocation at = p.find(key).orElseThrow().location();
        if (value.indexOf('\0') >= 0) {
            problems.error(at, p.pathOf(key), key + " must not contain null bytes");
        } else if (hasParentReference(value)) {
            problems.error(at, p.pathOf(key), key + " must not contain parent directory references ('..')");
        }
    }

    private void checkGlob(String glob, MappingReader p) {
        SourceLocation at = p.find("glob").orElseThrow().location();
        if (glob.isEmpty()) {
            problems.error(at, p.pathOf("glob"), "glob must not be empty; leave it out to use every file ('*')");
        } else if (glob.startsWith("/")) {
            problems.error(at, p.pathOf("glob"), "glob must be relative to the PVC input path, got '" + glob + "'");
        } else {
            checkPath(glob, "glob", p);
        }
    }

    static boolean hasParentReference(String path) {
        for (String part : path.split("/", -1)) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
