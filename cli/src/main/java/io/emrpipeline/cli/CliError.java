package io.emrpipeline.cli;

/**
 * A failure the command reports to its user: what went wrong, what to do about it, and the exit
 * code. Never a stack trace: every path that can fail for a reason a user can fix raises one.
 */
public final class CliError extends RuntimeException {

    private final int exitCode;
    private final String fix;

    public CliError(int exitCode, String message, String fix) {
        super(message);
        this.exitCode = exitCode;
        this.fix = fix;
    }

    public CliError(int exitCode, String message, String fix, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.fix = fix;
    }

    public static CliError badRequest(String message, String fix) {
        return new CliError(ExitCode.BAD_REQUEST, message, fix);
    }

    public static CliError unavailable(String message, String fix) {
        return new CliError(ExitCode.TARGET_UNAVAILABLE, message, fix);
    }

    public int exitCode() {
        return exitCode;
    }

    /** What the user should do; may be null when the message says it all. */
    public String fix() {
        return fix;
    }
}
