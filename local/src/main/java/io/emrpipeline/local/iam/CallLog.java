package io.emrpipeline.local.iam;

import io.emrpipeline.local.http.GatewayRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every authorization the pipeline's functions needed, in the order their requests reached the
 * gateway. A function is known by the access key it signs with; requests signed with any other
 * key (the test harness, moto's own calls) are not recorded, though Invoke payloads are still
 * read for the task tokens they carry. The log is drained by whoever checks it, not by the
 * gateway's reset, so a test class's calls survive the resets between its tests.
 */
public final class CallLog {

    private final Map<String, String> functionByAccessKey;
    private final TaskTokenOrigins taskTokens = new TaskTokenOrigins();
    private final RequiredPermissions permissions;
    private final Queue<RecordedCall> calls = new ConcurrentLinkedQueue<>();

    /** @param functionByAccessKey each function's access key id → its contract name */
    public CallLog(Map<String, String> functionByAccessKey, String accountId) {
        this.functionByAccessKey = Map.copyOf(functionByAccessKey);
        this.permissions = new RequiredPermissions(accountId, taskTokens);
    }

    public void record(GatewayRequest request) {
        if (RequiredPermissions.isInvoke(request)) {
            taskTokens.learnFromInvokePayload(request.body());
        }
        String function = functionByAccessKey.get(request.accessKeyId());
        if (function == null) {
            return;
        }
        String description = RequiredPermissions.describe(request);
        for (IamRequest permission : permissions.of(request)) {
            calls.add(new RecordedCall(function, permission, description));
        }
    }

    /** The calls recorded since the last drain, oldest first; the log is empty afterwards. */
    public List<RecordedCall> drain() {
        List<RecordedCall> drained = new ArrayList<>();
        for (RecordedCall call = calls.poll(); call != null; call = calls.poll()) {
            drained.add(call);
        }
        return drained;
    }
}
