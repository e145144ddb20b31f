package io.emrpipeline.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LambdaErrorsTest {

    static final class InvalidJobRequest extends RuntimeException {
        InvalidJobRequest(String message) {
            super(message);
        }
    }

    @Test
    void errorTypeIsTheBinaryClassNameAsTheJavaRuntimeReportsIt() {
        ObjectNode document = LambdaErrors.document(new InvalidJobRequest("name is required"));

        assertEquals("io.emrpipeline.local.lambda.LambdaErrorsTest$InvalidJobRequest", document.get("errorType").asText());
        assertEquals("name is required", document.get("errorMessage").asText());
        assertTrue(document.get("stackTrace").get(0).asText().contains("LambdaErrorsTest"));
    }

    @Test
    void aMissingMessageIsReplacedByTheClassName() {
        ObjectNode document = LambdaErrors.document(new IllegalStateException());

        assertEquals("java.lang.IllegalStateException", document.get("errorMessage").asText());
    }
}
