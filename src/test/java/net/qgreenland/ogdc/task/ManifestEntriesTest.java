package net.qgreenland.ogdc.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Manifest entries of url and dataone inputs, with a hand-written fake DataONE node. */
class ManifestEntriesTest {

    /** Answers from a map of dataset to file names, and remembers what it was asked. */
    static final class FakeDataOne implements DataOneResolver {
        final Map<String, List<String>> datasets;
        final List<String> asked = new ArrayList<>();

        FakeDataOne(Map<String, List<String>> datasets) {
            this.datasets = datasets;
        }

        @Override
        public List<DataOneObject> findObjects(String dataset) {
            asked.add(dataset);
            return datasets.getOrDefault(dataset, List.of()).stream().map(name -> new DataOneObject("pid:" + name,
                    "https://node/v2/object/pid%3A" + name, name, "f", OptionalLong.empty(), name)).toList();
        }
    }

    @Test
    void urlsAndResolvedObjectsKeepInputOrder() {
        FakeDataOne node = new FakeDataOne(Map.of("ds1", List.of("a.nc", "b.txt", "c.nc"), "ds2", List.of("d.nc")));
        List<InputSpec> inputs = List.of(new InputSpec.Url("https://x/1"),
                new InputSpec.DataOne("ds1", Optional.of("*.nc")), new InputSpec.Url("https://x/2"),
                new InputSpec.DataOne("ds2", Optional.empty()));

        List<ManifestEntry> entries = ManifestEntries.fromInputs(inputs, () -> node);

        assertThat(entries).containsExactly(ManifestEntry.of("https://x/1"),
                ManifestEntry.named("https://node/v2/object/pid%3Aa.nc", "a.nc"),
                ManifestEntry.named("https://node/v2/object/pid%3Ac.nc", "c.nc"), ManifestEntry.of("https://x/2"),
                ManifestEntry.named("https://node/v2/object/pid%3Ad.nc", "d.nc"));
        assertThat(node.asked).containsExactly("ds1", "ds2");
    }

    @Test
    void theNodeIsNotNeededWithoutDataOneInputs() {
        List<ManifestEntry> entries = ManifestEntries.fromInputs(List.of(new InputSpec.Url("u")), () -> {
            throw new TaskFailure("no node configured");
        });

        assertThat(entries).containsExactly(ManifestEntry.of("u"));
    }

    @Test
    void aDatasetWithoutObjectsIsAnError() {
        FakeDataOne node = new FakeDataOne(Map.of());

        assertThatThrownBy(() -> ManifestEntries.fromInputs(List.of(new InputSpec.DataOne("empty", Optional.empty())),
                () -> node)).hasMessage("No data objects found in dataset empty");
    }
}
