package io.emrpipeline.contract;

import java.util.Map;

/**
 * An EventBridge pattern file of the statemachines module, with its {@code ${Name}} placeholders.
 *
 * @param file the path under statemachines/
 * @param json the pattern as written
 */
public record EventPatternTemplate(String file, String json) {

    /** The pattern with every placeholder filled (all of them, and no other value). */
    public String fill(Map<String, String> values) {
        return Placeholders.fill(file, json, values);
    }
}
