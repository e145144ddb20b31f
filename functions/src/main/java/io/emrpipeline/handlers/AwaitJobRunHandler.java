package io.emrpipeline.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.core.Callbacks;
import io.emrpipeline.core.JobRunCompletion;
import io.emrpipeline.core.Json;

/**
 * State 2 ({@code lambda:invoke.waitForTaskToken}): input
 * {@code {taskToken, applicationId, jobRunId, execution}}. Stores the token, then completes it
 * at once if the job run already ended.
 */
public final class AwaitJobRunHandler extends JsonHandler {

    private final JobRunCompletion completion;

    public AwaitJobRunHandler() {
        this(Pipeline.fromEnvironment());
        ColdStart.report();
    }

    public AwaitJobRunHandler(Pipeline pipeline) {
        this.completion = pipeline.completion();
    }

    @Override
    protected Object handle(JsonNode event) {
        String taskToken = Json.text(event, "taskToken");
        if (taskToken == null) {
            throw new IllegalArgumentException("AwaitJobRun needs taskToken ($$.Task.Token) in its payload");
        }
        var action = completion.await(jobRun(event), new Callbacks.Callback(taskToken, execution(event).arn()));
        return Json.object().put("action", action.name());
    }
}
