package net.qgreenland.ogdc.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.qgreenland.ogdc.action.ActionEvent.CheckRunRerequested;
import net.qgreenland.ogdc.action.ActionEvent.CommentCommand;
import net.qgreenland.ogdc.action.ActionEvent.Dispatch;
import net.qgreenland.ogdc.action.ActionEvent.Ignored;
import net.qgreenland.ogdc.action.ActionEvent.PullRequest;
import net.qgreenland.ogdc.action.ActionEvent.Push;
import net.qgreenland.ogdc.action.ActionEvent.Schedule;

/** Turns an event name and payload into an {@link ActionEvent}, reading a tree so that missing fields are tolerated. */
final class ActionEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActionEventParser() {
    }

    static ActionEvent parse(String eventName, String json) {
        JsonNode payload = readPayload(eventName, json);
        return switch (eventName) {
            case "push" -> push(payload);
            case "pull_request" -> pullRequest(payload);
            case "workflow_dispatch" -> dispatch(payload);
            case "issue_comment" -> comment(payload);
            case "check_run" -> checkRun(payload);
            case "schedule" -> new Schedule();
            default -> new Ignored("event '" + eventName + "' is not one this action runs recipes for");
        };
    }

    private static JsonNode readPayload(String eventName, String json) {
        JsonNode payload;
        try {
            payload = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event payload of '" + eventName
                    + "' (GITHUB_EVENT_PATH) is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (payload == null || !payload.isObject()) {
            String found = payload == null || payload.isMissingNode() ? "nothing" : payload.getNodeType().toString();
            throw new IllegalArgumentException("the event payload of '" + eventName
                    + "' (GITHUB_EVENT_PATH) must be a JSON object, found " + found.toLowerCase(Locale.ROOT));
        }
        return payload;
    }

    private static Push push(JsonNode payload) {
        String before = text(payload, "before");
        String after = text(payload, "after");
        String ref = text(payload, "ref");
        return new Push(before, after, ref,
                flag(payload, "created") || before.equals(ActionEvent.NULL_SHA),
                flag(payload, "deleted") || after.equals(ActionEvent.NULL_SHA),
                flag(payload, "forced"),
                ref.startsWith("refs/tags/"),
                optionalText(payload.path("repository"), "default_branch"));
    }

    private static PullRequest pullRequest(JsonNode payload) {
        JsonNode pull = payload.path("pull_request");
        JsonNode base = pull.path("base");
        JsonNode head = pull.path("head");
        int number = payload.path("number").asInt(pull.path("number").asInt(0));
        Optional<String> headRepo = optionalText(head.path("repo"), "full_name");
        Optional<String> baseRepo = optionalText(base.path("repo"), "full_name");
        // When in doubt a fork: fork pull requests must not get the repository's secrets or write access.
        boolean fork = headRepo.isEmpty() || !headRepo.equals(baseRepo);
        return new PullRequest(text(payload, "action"), number, text(base, "sha"), text(head, "sha"),
                text(base, "ref"), text(head, "ref"), fork, flag(pull, "draft"));
    }

    private static Dispatch dispatch(JsonNode payload) {
        JsonNode inputs = payload.path("inputs");
        List<String> words = Arrays.stream(text(inputs, "recipes").split("[\\s,]+"))
                .filter(word -> !word.isEmpty())
                .toList();
        List<String> recipes = List.copyOf(new LinkedHashSet<>(
                words.stream().filter(word -> !word.equalsIgnoreCase("all")).toList()));
        boolean all = words.stream().anyMatch(word -> word.equalsIgnoreCase("all"));
        return new Dispatch(recipes, all, flag(inputs, "force"));
    }

    private static ActionEvent comment(JsonNode payload) {
        String action = text(payload, "action");
        if (!action.equals("created")) {
            return new Ignored("issue_comment action '" + action + "': only new comments carry commands");
        }
        JsonNode issue = payload.path("issue");
        if (!issue.hasNonNull("pull_request")) {
            return new Ignored("comment on issue #" + issue.path("number").asInt() + ", which is not a pull request");
        }
        JsonNode comment = payload.path("comment");
        Optional<Command> command = Command.parse(text(comment, "body"));
        if (command.isEmpty()) {
            return new Ignored("comment has no line starting with " + Command.PREFIX);
        }
        return new CommentCommand(issue.path("number").asInt(0), comment.path("id").asLong(0),
                text(comment.path("user"), "login"),
                text(comment, "author_association"), command.get());
    }

    private static ActionEvent checkRun(JsonNode payload) {
        String action = text(payload, "action");
        if (!action.equals("rerequested")) {
            return new Ignored("check_run action '" + action + "' has nothing to run");
        }
        JsonNode checkRun = payload.path("check_run");
        return new CheckRunRerequested(text(checkRun, "name"), text(checkRun, "head_sha"),
                optionalText(checkRun, "external_id"));
    }

    /** The text of {@code field}, or empty when it is missing, null or not a string or number. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return Optional.of(text(node, field)).filter(value -> !value.isBlank());
    }

    /** True for {@code true} and {@code "true"} (workflow_dispatch inputs are strings in the payload). */
    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? value.booleanValue() : value.isTextual() && value.textValue().strip()
                .equalsIgnoreCase("true");
    }
}
