package net.qgreenland.ogdc.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.Workflow;
import net.qgreenland.ogdc.cli.Main;

/**
 * Runs a rendered DAG workflow on this machine, the way Argo would, to prove the pieces fit: tasks in order, one run
 * per {@code withParam} item, {@code {{inputs.parameters.x}}}, {@code {{item.partition_id}}} and
 * {@code {{tasks.t.outputs.parameters.p}}} substituted, output parameters read from their files. Pod paths
 * ({@code /mnt/workflow}, {@code /mnt/data}, {@code /tmp/}, {@code /output_dir/}) in the rendered text are mapped into
 * a temporary directory before values are substituted; {@code ogdc-action}
 * containers run {@link Main#run} in-process, {@code sh -c} containers run the real {@code sh}.
 */
final class LocalDag {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POD_PATH = Pattern.compile("/mnt/workflow|/mnt/data|/tmp/|/output_dir/");
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{([^}]+)}}");

    private final Path root;
    private final Path bin;
    private final Map<String, String> outputs = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    /**
     * @param root where the pod paths are mapped
     * @param bin a directory put first on the PATH of {@code sh} containers (for stand-ins of image tools)
     */
    LocalDag(Path root, Path bin) {
        this.root = root;
        this.bin = bin;
    }

    /** Where {@code /mnt/workflow} is. */
    Path workflowDirectory() {
        return root.resolve("workflow");
    }

    /** Where {@code /mnt/data} is. */
    Path dataDirectory() {
        return root.resolve("data");
    }

    List<String> log() {
        return log;
    }

    void run(Workflow workflow) throws IOException, InterruptedException {
        Map<String, Template> templates = new LinkedHashMap<>();
        workflow.spec().templates().forEach(t -> templates.put(t.name(), t));
        for (DagTask task : templates.get(workflow.spec().entrypoint()).dag().orElseThrow().tasks()) {
            Template template = templates.get(task.template());
            List<Map<String, String>> items = new ArrayList<>();
            if (task.withParam().isPresent()) {
                for (JsonNode item : JSON.readTree(substitute(task.withParam().get(), Map.of()))) {
                    items.add(Map.of("item.partition_id", item.get("partition_id").asText()));
                }
            } else {
                items.add(Map.of());
            }
            for (Map<String, String> item : items) {
                Map<String, String> inputs = new HashMap<>();
                for (Parameter argument : task.arguments().map(a -> a.parameters()).orElse(List.of())) {
                    inputs.put("inputs.parameters." + argument.name(), substitute(map(argument.value().orElse("")), item));
                }
                for (Parameter input : template.inputs().map(a -> a.parameters()).orElse(List.of())) {
                    inputs.putIfAbsent("inputs.parameters." + input.name(), map(input.defaultValue().orElse("")));
                }
                runContainer(task.name(), template.container().orElseThrow(), inputs);
            }
            for (Parameter output : template.outputs().map(a -> a.parameters()).orElse(List.of())) {
                Path file = Path.of(map(output.valueFrom().orElseThrow().path().orElseThrow()));
                outputs.put("tasks." + task.name() + ".outputs.parameters." + output.name(),
                        Files.readString(file).strip());
            }
        }
    }

    private void runContainer(String task, Container container, Map<String, String> inputs)
            throws IOException, InterruptedException {
        List<String> args = container.args().stream().map(a -> substitute(map(a), inputs)).toList();
        if (container.command().get(0).equals("ogdc-action")) {
            List<String> argv = new ArrayList<>(container.command().subList(1, container.command().size()));
            argv.addAll(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of(), argv.toArray(String[]::new));
            log.add(task + ": " + err.toString().strip());
            if (code != 0) {
                throw new AssertionError(task + " exited " + code + ": " + err);
            }
            return;
        }
        List<String> argv = new ArrayList<>(container.command());
        argv.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":" + env.get("PATH"));
        env.put("WORKFLOW_DIR", workflowDirectory().toString());
        for (Container.EnvVar variable : container.env()) {
            env.put(variable.name(), substitute(map(variable.value()), inputs));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(task + " failed: " + output);
        }
        log.add(task + ": " + output.strip());
    }

    private String substitute(String text, Map<String, String> values) {
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1).strip();
            String value = values.containsKey(key) ? values.get(key) : outputs.get(key);
            if (value == null) {
                throw new AssertionError("unresolved {{" + key + "}} in " + text);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The pod paths in {@code text} mapped into {@link #root}, in one pass (the root may itself be under /tmp). */
    private String map(String text) {
        Matcher matcher = POD_PATH.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String mapped = switch (matcher.group()) {
                case "/mnt/workflow" -> workflowDirectory().toString();
                case "/mnt/data" -> dataDirectory().toString();
                case "/tmp/" -> root.resolve("tmp") + "/";
                default -> root.resolve("output_dir") + "/";
            };
            matcher.appendReplacement(result, Matcher.quoteReplacement(mapped));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
