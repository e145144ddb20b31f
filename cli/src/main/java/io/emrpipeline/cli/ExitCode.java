package io.emrpipeline.cli;

/**
 * The command's exit codes, the same for every subcommand, so scripts can branch on them
 * (docs/cli.md lists them).
 */
public final class ExitCode {

    /** The command did what was asked; for submit --wait, the job succeeded. */
    public static final int OK = 0;
    /** The job failed, was cancelled or timed out (or the execution failed for another reason). */
    public static final int JOB_DID_NOT_SUCCEED = 1;
    /** Bad usage or a bad request: wrong arguments, an invalid job request, an unknown execution. */
    public static final int BAD_REQUEST = 2;
    /** The target could not be reached or refused us: no credentials, no region, no local pipeline, access denied. */
    public static final int TARGET_UNAVAILABLE = 3;
    /** Interrupted (Ctrl-C) while waiting; the execution goes on. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
