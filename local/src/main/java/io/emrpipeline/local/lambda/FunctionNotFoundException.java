package io.emrpipeline.local.lambda;

/** No function of that name is registered: Lambda's ResourceNotFoundException. */
public final class FunctionNotFoundException extends RuntimeException {

    private final String functionArn;

    FunctionNotFoundException(String functionArn) {
        super("Function not found: " + functionArn);
        this.functionArn = functionArn;
    }

    public String functionArn() {
        return functionArn;
    }
}
