package io.emrpipeline.connector.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.TaskTemplate;
import io.emrpipeline.connector.local.FlyteRequests;
import org.junit.jupiter.api.Test;

class ExecutionInputsTest {

    private final ExecutionInputs inputs = new ExecutionInputs();

    @Test
    void wholeNumbersArriveAsDoublesAndLeaveAsIntegers() {
        ObjectNode request = inputs.build(FlyteRequests.template(FlyteRequests.scriptJob("app1")), LiteralMap.getDefaultInstance());

        assertEquals("10", request.get("timeoutMinutes").toString());
        assertTrue(request.get("timeoutMinutes").isIntegralNumber());
    }

    @Test
    void placeholdersTakeTheTasksInputs() {
        ObjectNode job = FlyteRequests.scriptJob("app1");
        job.with("job").putArray("arguments").add("--day").add("{{.inputs.day}}").add("--rows={{ .inputs.rows }}")
                .add("{{.inputs.data}}");
        LiteralMap values = LiteralMap.newBuilder()
                .putLiterals("day", primitive(Primitive.newBuilder().setStringValue("2026-01-01")))
                .putLiterals("rows", primitive(Primitive.newBuilder().setInteger(10)))
                .putLiterals("data", Literal.newBuilder().setScalar(Scalar.newBuilder()
                        .setBlob(Blob.newBuilder().setUri("s3://data/in.parquet"))).build())
                .build();

        ObjectNode request = inputs.build(FlyteRequests.template(job), values);

        assertEquals("[\"--day\",\"2026-01-01\",\"--rows=10\",\"s3://data/in.parquet\"]",
                request.get("job").get("arguments").toString());
    }

    @Test
    void anUnknownInputIsNamedWithTheOnesThatExist() {
        ObjectNode job = FlyteRequests.scriptJob("app1");
        job.with("job").putArray("arguments").add("{{.inputs.dya}}");
        LiteralMap values = LiteralMap.newBuilder()
                .putLiterals("day", primitive(Primitive.newBuilder().setStringValue("x"))).build();

        InvalidTask error = assertThrows(InvalidTask.class, () -> inputs.build(FlyteRequests.template(job), values));

        assertEquals("the job request uses {{.inputs.dya}} but the task has no input 'dya' (inputs: [day])", error.getMessage());
    }

    @Test
    void aTemplateWithoutAJobRequestIsRefused() {
        TaskTemplate empty = FlyteRequests.template(FlyteRequests.scriptJob("app1")).toBuilder().clearCustom().build();

        InvalidTask error = assertThrows(InvalidTask.class, () -> inputs.build(empty, LiteralMap.getDefaultInstance()));

        assertTrue(error.getMessage().contains("no job request"), error.getMessage());
    }

    private static Literal primitive(Primitive.Builder value) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(value)).build();
    }
}
