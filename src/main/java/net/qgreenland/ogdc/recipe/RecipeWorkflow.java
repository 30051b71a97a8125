package net.qgreenland.ogdc.recipe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code workflow}: a shell workflow of commands, or the visualization pipeline driven by a config. */
public sealed interface RecipeWorkflow {

    /** The {@code type} value: {@code shell} or {@code visualization}. */
    String type();

    ParallelConfig parallel();

    /**
     * {@code type: shell} — the commands of {@code sh_file}, each run in its own step (or per file when parallel).
     *
     * @param shFile the script file, relative to the recipe directory (default {@code recipe.sh})
     * @param commands at least one command, in file order
     */
    record Shell(String shFile, ParallelConfig parallel, List<ShellCommand> commands) implements RecipeWorkflow {
        public Shell {
            Objects.requireNonNull(shFile, "shFile");
            Objects.requireNonNull(parallel, "parallel");
            commands = List.copyOf(commands);
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("a shell workflow needs at least one command");
            }
        }

        @Override
        public String type() {
            return "shell";
        }
    }

    /**
     * {@code type: visualization} — the pdgworkflow tiling pipeline.
     *
     * @param configFile the JSON config file, relative to the recipe directory; empty means the config {@code {}}
     * @param config the config's content and the keys the runner itself reads
     */
    record Visualization(Optional<String> configFile, ParallelConfig parallel, VizConfig config)
            implements RecipeWorkflow {
        public Visualization {
            Objects.requireNonNull(configFile, "configFile");
            Objects.requireNonNull(parallel, "parallel");
            Objects.requireNonNull(config, "config");
        }

        @Override
        public String type() {
            return "visualization";
        }
    }
}
