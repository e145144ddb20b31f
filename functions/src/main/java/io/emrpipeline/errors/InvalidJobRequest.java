package io.emrpipeline.errors;

import java.util.List;

/** The job request breaks the schema or a deployment rule; nothing was started. */
public final class InvalidJobRequest extends PipelineError {

    private final List<String> problems;

    public InvalidJobRequest(List<String> problems) {
        super("The job request is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems)
                + ". Fix the request and start a new execution; no job was started.");
        this.problems = List.copyOf(problems);
    }

    public static InvalidJobRequest of(String problem) {
        return new InvalidJobRequest(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
