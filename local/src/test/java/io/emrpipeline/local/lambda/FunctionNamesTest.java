package io.emrpipeline.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionNamesTest {

    @ParameterizedTest
    @CsvSource({
        "SubmitJobRun, SubmitJobRun",
        "SubmitJobRun:live, SubmitJobRun",
        "123456789012:function:SubmitJobRun, SubmitJobRun",
        "arn:aws:lambda:us-east-1:123456789012:function:SubmitJobRun, SubmitJobRun",
        "arn:aws:lambda:us-east-1:123456789012:function:SubmitJobRun:$LATEST, SubmitJobRun",
    })
    void everyFormLambdaAcceptsNamesTheSameFunction(String given, String expected) {
        assertEquals(expected, FunctionNames.bareName(given));
    }

    @ParameterizedTest
    @CsvSource({
        "Echo, arn:aws:lambda:eu-west-1:123456789012:function:Echo",
        "arn:aws:lambda:us-east-1:123456789012:function:Echo:1, arn:aws:lambda:us-east-1:123456789012:function:Echo:1",
    })
    void errorsNameTheFunctionByArn(String given, String expected) {
        assertEquals(expected, FunctionNames.arnOf(given, "eu-west-1", "123456789012"));
    }
}
