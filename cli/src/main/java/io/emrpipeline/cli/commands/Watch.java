package io.emrpipeline.cli.commands;

import io.emrpipeline.contract.Contract;

/** Job-run state sets, from the contract (the one place that defines them). */
final class Watch {

    private Watch() {}

    static boolean terminal(String jobRunState) {
        return Contract.get().isTerminal(jobRunState);
    }
}
