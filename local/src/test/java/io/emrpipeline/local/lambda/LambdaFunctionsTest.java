package io.emrpipeline.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LambdaFunctionsTest {

    private final LambdaFunctions functions = new LambdaFunctions("us-east-1", "123456789012");
    private final AtomicInteger sideEffects = new AtomicInteger();

    private Invocation invoke(String name) {
        return functions.invoke(name, "{\"n\":1}".getBytes(StandardCharsets.UTF_8), "RequestResponse");
    }

    @Test
    void aCrashHappensAfterTheHandlerDidItsWorkAndOnlyForTheCountAsked() {
        functions.registerInProcess("Submit", (in, out, context) -> {
            sideEffects.incrementAndGet();
            in.transferTo(out);
        });
        functions.crashAfterNextInvocations("arn:aws:lambda:us-east-1:123456789012:function:Submit", 2);

        Invocation first = invoke("Submit");
        Invocation second = invoke("Submit");
        Invocation third = invoke("Submit");

        assertEquals("Runtime.ExitError", first.errorType());
        assertEquals("Runtime.ExitError", second.errorType());
        assertTrue(third.succeeded());
        assertEquals(3, sideEffects.get());
        assertEquals("{\"n\":1}", third.responsePayload());
    }

    @Test
    void theContextNamesTheFunctionAndTheLogRecordsTheInput() {
        functions.registerInProcess("Echo", (in, out, context) ->
                out.write(context.getInvokedFunctionArn().getBytes(StandardCharsets.UTF_8)));

        Invocation invocation = invoke("Echo:live");

        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Echo", invocation.responsePayload());
        assertEquals(1, functions.log().of("Echo").get(0).inputJson().get("n").asInt());
    }

    @Test
    void aFunctionReplacedForOneTestIsBackAfterTheResetAndItsReplacementClosed() {
        functions.registerInProcess("Submit", (in, out, context) -> out.write("deployed".getBytes(StandardCharsets.UTF_8)));
        AtomicInteger replacementsClosed = new AtomicInteger();
        FunctionRunner replacement = new FunctionRunner() {
            @Override
            public Outcome invoke(String requestId, byte[] payload) {
                return Outcome.success("replacement");
            }

            @Override
            public void close() {
                replacementsClosed.incrementAndGet();
            }
        };

        functions.replaceUntilReset("Submit", replacement);
        Invocation replaced = invoke("Submit");
        functions.resetFaults();

        assertEquals("replacement", replaced.responsePayload());
        assertEquals("deployed", invoke("Submit").responsePayload());
        assertEquals(1, replacementsClosed.get());
    }

    @Test
    void anUnregisteredFunctionIsNotFound() {
        assertThrows(FunctionNotFoundException.class, () -> invoke("Missing"));
    }
}
