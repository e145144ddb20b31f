package io.emrpipeline.local.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step Functions takes one answer per task token: once SendTaskSuccess or SendTaskFailure was
 * accepted, the task is closed and a second answer is refused with {@code TaskTimedOut}. moto
 * accepts it again, so the gateway keeps the ledger and refuses as Step Functions does. Tests can
 * switch the refusal off to prove the pipeline's exactly-once does not depend on it.
 */
public final class AnsweredTaskTokens {

    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private volatile boolean refuseSecondAnswers = true;

    /** @return true when this is the token's first answer (or refusal is off) and it may pass to moto */
    public boolean accept(String taskToken) {
        return answered.add(taskToken) || !refuseSecondAnswers;
    }

    /** Off: behave like the bare emulator, which takes any number of answers per token. */
    public void refuseSecondAnswers(boolean refuse) {
        refuseSecondAnswers = refuse;
    }

    /** Between tests: forget the tokens and go back to refusing, as Step Functions does. */
    public void reset() {
        answered.clear();
        refuseSecondAnswers = true;
    }
}
