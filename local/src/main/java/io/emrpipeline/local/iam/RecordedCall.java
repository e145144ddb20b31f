package io.emrpipeline.local.iam;

/**
 * An authorization a function's request needed, as the gateway saw it.
 *
 * @param function the contract name of the calling function (SubmitJobRun, …)
 * @param permission the action and resource IAM would evaluate
 * @param request the request itself, for people: {@code METHOD /path} and the JSON target if any
 */
public record RecordedCall(String function, IamRequest permission, String request) {

    @Override
    public String toString() {
        return function + ": " + permission + " (" + request + ")";
    }
}
