package io.emrpipeline.e2e.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.contract.RepositoryRoot;
import io.emrpipeline.local.LocalGateway;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs AWS's IAM evaluation logic as implemented by @cloud-copilot/iam-simulate (installed by
 * {@code npm ci} at the repository root) over a batch of calls, through the small Node script
 * tests/src/test/node/evaluate-iam.mjs: one process per batch.
 */
final class IamSimulator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    /** A decision for one call: Allowed, ImplicitlyDenied, ExplicitlyDenied, or Error (the call could not be evaluated). */
    record Decision(String decision, String detail) {}

    private IamSimulator() {}

    static List<Decision> evaluate(Map<String, JsonNode> policies, List<IamCheck.Authorization> calls)
            throws IOException, InterruptedException {
        Path root = RepositoryRoot.find();
        Path script = root.resolve("tests/src/test/node/evaluate-iam.mjs");
        if (!Files.isDirectory(root.resolve("node_modules/@cloud-copilot/iam-simulate"))) {
            throw new IllegalStateException("@cloud-copilot/iam-simulate is not installed: run `make setup` (npm ci at the repository root)");
        }
        Path errors = Files.createTempFile("evaluate-iam", ".stderr");
        Process node = new ProcessBuilder("node", script.toString()).directory(root.toFile())
                .redirectError(errors.toFile()).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(MAPPER.writeValueAsBytes(batch(policies, calls)));
        }
        byte[] out = node.getInputStream().readAllBytes();
        if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("evaluate-iam.mjs did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String stderr = Files.readString(errors);
        Files.deleteIfExists(errors);
        if (node.exitValue() != 0) {
            throw new IllegalStateException("evaluate-iam.mjs failed (exit " + node.exitValue() + "): " + stderr);
        }
        JsonNode results = MAPPER.readTree(new String(out, StandardCharsets.UTF_8)).path("results");
        if (results.size() != calls.size()) {
            throw new IllegalStateException("evaluate-iam.mjs answered " + results.size() + " of " + calls.size() + " calls: " + stderr);
        }
        List<Decision> decisions = new ArrayList<>();
        results.forEach(result -> decisions.add(new Decision(result.path("decision").asText(), result.path("detail").asText())));
        return decisions;
    }

    private static ObjectNode batch(Map<String, JsonNode> policies, List<IamCheck.Authorization> calls) {
        ObjectNode batch = MAPPER.createObjectNode().put("accountId", LocalGateway.ACCOUNT_ID);
        batch.set("policies", MAPPER.valueToTree(policies));
        ArrayNode requests = batch.putArray("calls");
        for (IamCheck.Authorization call : calls) {
            ObjectNode request = requests.addObject()
                    .put("function", call.function())
                    .put("action", call.permission().action())
                    .put("resource", call.permission().resource());
            request.set("context", MAPPER.valueToTree(call.permission().context()));
        }
        return batch;
    }
}
