package net.qgreenland.ogdc.report.render;

import java.util.ArrayList;
import java.util.List;
import net.qgreenland.ogdc.report.StageSummary;

/** Draws a workflow's stages, in order, as a Mermaid {@code flowchart LR} coloured by how each stage went. */
final class StageDiagram {

    private StageDiagram() {}

    /** A fenced {@code mermaid} block; empty when there are no stages. */
    static String mermaid(List<StageSummary> stages) {
        if (stages.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("flowchart LR");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageSummary stage = stages.get(i);
            String id = id(i, stage.name());
            ids.add(id);
            lines.add("  " + id + "[\"" + label(stage.name()) + "<br/>" + counts(stage) + "\"]");
        }
        for (int i = 1; i < ids.size(); i++) {
            lines.add("  " + ids.get(i - 1) + " --> " + ids.get(i));
        }
        lines.add("  classDef succeeded fill:#dafbe1,stroke:#1a7f37");
        lines.add("  classDef failed fill:#ffebe9,stroke:#cf222e");
        lines.add("  classDef running fill:#ddf4ff,stroke:#0969da");
        for (int i = 0; i < stages.size(); i++) {
            String style = style(stages.get(i));
            if (!style.isEmpty()) {
                lines.add("  class " + ids.get(i) + " " + style);
            }
        }
        return Markdown.fenced("mermaid", lines);
    }

    /**
     * A node id Mermaid accepts whatever the template is called: letters, digits and underscores, prefixed with the
     * stage's position so that two names that sanitise alike (and words like {@code end}) stay distinct.
     */
    static String id(int index, String name) {
        return "s" + (index + 1) + "_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Label text inside {@code ["..."]}: quotes and angle brackets as Mermaid entities, backticks as quotes. */
    static String label(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("`", "'").replace("\r", "").replace("\n", " ");
    }

    private static String counts(StageSummary stage) {
        List<String> parts = new ArrayList<>();
        parts.add(stage.succeeded() + "/" + stage.pods() + " succeeded");
        if (stage.failed() > 0) {
            parts.add(stage.failed() + " failed");
        }
        if (stage.running() > 0) {
            parts.add(stage.running() + " running");
        }
        return String.join(", ", parts);
    }

    private static String style(StageSummary stage) {
        if (stage.failed() > 0) {
            return "failed";
        }
        if (stage.running() > 0) {
            return "running";
        }
        return stage.pods() > 0 && stage.succeeded() == stage.pods() ? "succeeded" : "";
    }
}
