package net.qgreenland.ogdc.recipe;

import java.util.Objects;

/** Where a recipe's results go: the workflow PVC (the default), a temporary download, or DataONE. */
public sealed interface RecipeOutput {

    /** The {@code type} value as written in {@code meta.yml}. */
    String type();

    /** {@code type: pvc} — results are kept on the workflow PVC under {@code /<recipe id>/}. */
    record Pvc() implements RecipeOutput {
        @Override
        public String type() {
            return "pvc";
        }
    }

    /** {@code type: temporary} — results are zipped into an artifact kept for 7 days. */
    record Temporary() implements RecipeOutput {
        @Override
        public String type() {
            return "temporary";
        }
    }

    /** {@code type: dataone} — results are meant for DataONE under {@code dataoneId} (default {@code TODO}). */
    record DataOne(String dataoneId) implements RecipeOutput {
        public DataOne {
            Objects.requireNonNull(dataoneId, "dataoneId");
        }

        @Override
        public String type() {
            return "dataone";
        }
    }
}
