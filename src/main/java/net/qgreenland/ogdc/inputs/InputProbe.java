package net.qgreenland.ogdc.inputs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import net.qgreenland.ogdc.estimate.InputSize;
import net.qgreenland.ogdc.recipe.RecipeInput;

/**
 * Port: how many files and bytes recipe inputs hold, as far as that can be known cheaply before a run. Adapters:
 * {@link HttpInputProbe} (HEAD requests, the DataONE index) and {@link #offline()} (nothing looked up).
 *
 * <p>Contract: every input given gets a size; one that cannot be looked up (a failure, a timeout, a PVC whose files
 * are only listed in the cluster) is unknown and says why. Nothing is thrown for an input.
 */
public interface InputProbe {

    /** The size of each of {@code inputs}, each distinct input once, in the order given. */
    Map<RecipeInput, InputSize> probe(Collection<RecipeInput> inputs);

    /** What is known without the network: a URL is one file of unknown size, the rest is unknown. */
    static InputProbe offline() {
        return inputs -> {
            Map<RecipeInput, InputSize> sizes = new LinkedHashMap<>();
            inputs.forEach(input -> sizes.put(input, InputSize.withoutLookup(input, InputSize.OFFLINE)));
            return sizes;
        };
    }
}
