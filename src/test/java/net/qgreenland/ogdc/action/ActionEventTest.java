package net.qgreenland.ogdc.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.qgreenland.ogdc.action.ActionEvent.CheckRunRerequested;
import net.qgreenland.ogdc.action.ActionEvent.Dispatch;
import net.qgreenland.ogdc.action.ActionEvent.Ignored;
import net.qgreenland.ogdc.action.ActionEvent.PullRequest;
import net.qgreenland.ogdc.action.ActionEvent.Push;
import net.qgreenland.ogdc.action.ActionEvent.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionEventTest {

    static final String ZEROS = "0000000000000000000000000000000000000000";

    @ParameterizedTest(name = "push {0}: created={4} deleted={5} forced={6} tag={7}")
    @CsvSource(delimiter = '|', value = {
        // case                  | payload                                                                                     | before | after | created | deleted | forced | tag
        "branch updated          | {\"before\":\"b1\",\"after\":\"a1\",\"ref\":\"refs/heads/main\"}                              | b1     | a1    | false   | false   | false  | false",
        "created by flag         | {\"before\":\"b1\",\"after\":\"a1\",\"ref\":\"refs/heads/x\",\"created\":true}                | b1     | a1    | true    | false   | false  | false",
        "created by zero before  | {\"before\":\"" + ZEROS + "\",\"after\":\"a1\",\"ref\":\"refs/heads/x\",\"created\":false}     | " + ZEROS + " | a1 | true | false | false | false",
        "deleted by flag         | {\"before\":\"b1\",\"after\":\"a1\",\"ref\":\"refs/heads/x\",\"deleted\":true}                | b1     | a1    | false   | true    | false  | false",
        "deleted by zero after   | {\"before\":\"b1\",\"after\":\"" + ZEROS + "\",\"ref\":\"refs/heads/x\"}                      | b1     | " + ZEROS + " | false | true | false | false",
        "forced                  | {\"before\":\"b1\",\"after\":\"a1\",\"ref\":\"refs/heads/x\",\"forced\":true}                 | b1     | a1    | false   | false   | true   | false",
        "tag                     | {\"before\":\"b1\",\"after\":\"a1\",\"ref\":\"refs/tags/v1\"}                                 | b1     | a1    | false   | false   | false  | true",
        "branch named like a tag | {\"before\":\"b1\",\"after\":\"a1\",\"ref\":\"refs/heads/refs/tags/v1\"}                       | b1     | a1    | false   | false   | false  | false",
    })
    void pushFlagsFollowTheFieldsAndTheNullSha(String name, String json, String before, String after,
                                               boolean created, boolean deleted, boolean forced, boolean tag) {
        Push push = (Push) ActionEvent.parse("push", json);

        assertThat(push).isEqualTo(new Push(before, after, push.ref(), created, deleted, forced, tag,
                Optional.empty()));
    }

    @Test
    void aPushWithoutFieldsIsTolerated() {
        assertThat(ActionEvent.parse("push", "{}"))
                .isEqualTo(new Push("", "", "", false, false, false, false, Optional.empty()));
        assertThat(ActionEvent.parse("push", "{\"ref\":null,\"created\":null,\"repository\":{}}"))
                .isEqualTo(new Push("", "", "", false, false, false, false, Optional.empty()));
    }

    @ParameterizedTest(name = "pull request head repo {0}, base repo {1}: fork={2}")
    @CsvSource(delimiter = '|', value = {
        "{\"full_name\":\"o/r\"}     | {\"full_name\":\"o/r\"} | false",
        "{\"full_name\":\"fork/r\"}  | {\"full_name\":\"o/r\"} | true",
        "null                        | {\"full_name\":\"o/r\"} | true",
        "{}                          | {\"full_name\":\"o/r\"} | true",
        "{}                          | {}                      | true",
    })
    void aPullRequestIsAForkUnlessBothReposAreKnownToBeTheSame(String headRepo, String baseRepo, boolean fork) {
        String json = "{\"action\":\"opened\",\"number\":7,\"pull_request\":{\"draft\":true,"
                + "\"head\":{\"sha\":\"h\",\"ref\":\"feature\",\"repo\":" + headRepo + "},"
                + "\"base\":{\"sha\":\"b\",\"ref\":\"main\",\"repo\":" + baseRepo + "}}}";

        assertThat(ActionEvent.parse("pull_request", json))
                .isEqualTo(new PullRequest("opened", 7, "b", "h", "main", "feature", fork, true));
    }

    @Test
    void aPullRequestWithoutFieldsIsToleratedAndTreatedAsAFork() {
        assertThat(ActionEvent.parse("pull_request", "{}"))
                .isEqualTo(new PullRequest("", 0, "", "", "", "", true, false));
        assertThat(ActionEvent.parse("pull_request", "{\"pull_request\":{\"number\":9}}"))
                .extracting(event -> ((PullRequest) event).number()).isEqualTo(9);
    }

    @ParameterizedTest(name = "pull request action ''{0}'' runnable={1}")
    @CsvSource({"opened, true", "synchronize, true", "reopened, true", "ready_for_review, true", "closed, false",
        "edited, false", "labeled, false", "converted_to_draft, false", "'', false"})
    void onlySomePullRequestActionsRunRecipes(String action, boolean runnable) {
        assertThat(new PullRequest(action, 1, "b", "h", "main", "x", false, false).runnable()).isEqualTo(runnable);
    }

    @ParameterizedTest(name = "dispatch recipes={0} force={1}")
    @CsvSource(delimiter = '|', value = {
        // inputs                                         | recipes    | all   | force
        "{\"recipes\":\"a, b c\"}                          | a b c      | false | false",
        "{\"recipes\":\"a,a,b\",\"force\":\"true\"}        | a b        | false | true",
        "{\"recipes\":\"all\",\"force\":\"false\"}         | ''         | true  | false",
        "{\"recipes\":\" ALL \",\"force\":true}            | ''         | true  | true",
        "{\"recipes\":\"\",\"force\":\"TRUE\"}             | ''         | false | true",
        "{\"force\":\"yes\"}                               | ''         | false | false",
        "{}                                                | ''         | false | false",
        "null                                              | ''         | false | false",
    })
    void dispatchInputsChooseRecipes(String inputs, String recipes, boolean all, boolean force) {
        List<String> expected = recipes.isEmpty() ? List.of() : List.of(recipes.split(" "));

        assertThat(ActionEvent.parse("workflow_dispatch", "{\"ref\":\"refs/heads/main\",\"inputs\":" + inputs + "}"))
                .isEqualTo(new Dispatch(expected, all, force));
    }

    @Test
    void aRerequestedCheckRunKeepsItsExternalId() {
        String json = "{\"action\":\"rerequested\",\"check_run\":{\"name\":\"seal-tags\",\"head_sha\":\"abc\","
                + "\"external_id\":\"seal-tags@abc\"}}";

        assertThat(ActionEvent.parse("check_run", json))
                .isEqualTo(new CheckRunRerequested("seal-tags", "abc", Optional.of("seal-tags@abc")));
    }

    @ParameterizedTest(name = "event {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "schedule            | {\"schedule\":\"0 3 * * *\"}",
        "schedule            | {}",
    })
    void aScheduleIsASchedule(String eventName, String json) {
        assertThat(ActionEvent.parse(eventName, json)).isEqualTo(new Schedule());
    }

    @ParameterizedTest(name = "event ''{0}'' is ignored")
    @CsvSource({"pull_request_target", "release", "check_suite", "''"})
    void otherEventsAreIgnored(String eventName) {
        assertThat(ActionEvent.parse(eventName, "{}"))
                .isEqualTo(new Ignored("event '" + eventName + "' is not one this action runs recipes for"));
    }

    @ParameterizedTest(name = "payload ''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"ref\":                  | is not valid JSON",
        "not json                  | is not valid JSON",
        "''                        | must be a JSON object, found nothing",
        "[]                        | must be a JSON object, found array",
        "null                      | must be a JSON object, found null",
        "42                        | must be a JSON object, found number",
    })
    void aBadPayloadIsAClearError(String json, String problem) {
        assertThatThrownBy(() -> ActionEvent.parse("push", json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the event payload of 'push' (GITHUB_EVENT_PATH) ")
                .hasMessageContaining(problem);
    }
}
