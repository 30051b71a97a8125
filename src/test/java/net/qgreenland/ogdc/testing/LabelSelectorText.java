package net.qgreenland.ogdc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For the stub Argo Servers of the tests and benchmarks: whether a workflow's JSON carries the labels a
 * {@code listOptions.labelSelector} asks for ({@code a=1,b in (x,y)}, as {@code LabelSelector.toString} writes it).
 */
public final class LabelSelectorText {

    /** One requirement of a label selector: {@code key in (a,b)} or {@code key=value}. */
    private static final Pattern REQUIREMENT =
            Pattern.compile("\\s*([^,=\\s!]+)\\s+in\\s+\\(([^)]*)\\)\\s*|([^,=!]+)=([^,]*)");

    private LabelSelectorText() {}

    /** Whether {@code workflow} ({@code metadata.labels}) meets every requirement of {@code selector}. */
    public static boolean matches(String selector, JsonNode workflow) {
        JsonNode labels = workflow.path("metadata").path("labels");
        Matcher requirement = REQUIREMENT.matcher(selector);
        boolean all = true;
        while (requirement.find()) {
            if (requirement.group(1) != null) {
                List<String> values = Arrays.stream(requirement.group(2).split(",")).map(String::strip).toList();
                all &= values.contains(labels.path(requirement.group(1)).asText(null));
            } else {
                all &= requirement.group(4).strip().equals(labels.path(requirement.group(3).strip()).asText(null));
            }
        }
        return all;
    }
}
