package net.qgreenland.ogdc.translate;

import java.util.List;
import net.qgreenland.ogdc.argo.model.Container;
import net.qgreenland.ogdc.argo.model.DagTask;
import net.qgreenland.ogdc.argo.model.Parameter;
import net.qgreenland.ogdc.argo.model.Template;
import net.qgreenland.ogdc.argo.model.VolumeMount;
import net.qgreenland.ogdc.argo.model.Workflow;

/** Lookups into a rendered workflow for assertions: templates, DAG tasks, arguments and mounts by name. */
final class TranslatedWorkflows {

    private TranslatedWorkflows() {}

    static Workflow main(String directory) {
        return new RecipeTranslator(RecipeGoldenTest.SETTINGS).translate(TestRecipes.load(directory), false).main();
    }

    static Template template(Workflow workflow, String name) {
        return workflow.spec().templates().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + name + " in " + templateNames(workflow)));
    }

    static List<String> templateNames(Workflow workflow) {
        return workflow.spec().templates().stream().map(Template::name).toList();
    }

    static List<DagTask> tasks(Workflow workflow) {
        return template(workflow, "main").dag().orElseThrow().tasks();
    }

    static List<String> taskNames(Workflow workflow) {
        return tasks(workflow).stream().map(DagTask::name).toList();
    }

    static DagTask task(Workflow workflow, String name) {
        return tasks(workflow).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no task " + name + " in " + taskNames(workflow)));
    }

    static Parameter argument(DagTask task, int index) {
        return task.arguments().orElseThrow().parameters().get(index);
    }

    static Container container(Template template) {
        return template.container().or(template::script).orElseThrow();
    }

    static List<String> mountNames(Template template) {
        return container(template).volumeMounts().stream().map(VolumeMount::name).toList();
    }
}
