package io.emrpipeline.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emrpipeline.local.BackgroundWork;
import io.emrpipeline.local.http.Json;
import io.emrpipeline.local.lambda.FunctionNotFoundException;
import io.emrpipeline.local.lambda.Invocation;
import io.emrpipeline.local.lambda.LambdaFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.Machine;

/**
 * The default EventBridge bus, locally: rules matched with AWS's Event Ruler (the matching
 * engine EventBridge itself uses), Lambda targets invoked asynchronously the way EventBridge
 * invokes them. moto's own EventBridge cannot deliver to Lambda targets (PutEvents answers 500
 * when a rule has one), hence this class.
 *
 * <p>EventBridge delivers AWS service events best effort, at least once and unordered; the
 * fault knobs make those properties visible in tests: duplicates delivered concurrently, a
 * fraction of EMR job-run events lost, deliveries reordered by a random delay, and a synchronous
 * mode for deterministic ordering.
 */
public final class EventRouter implements EventPublisher {

    private static final Set<String> EMR_TERMINAL_STATES = Set.of("SUCCESS", "FAILED", "CANCELLED");
    /** Loss and jitter draw from one seeded sequence, so a failing run's choices can be replayed. */
    private static final long SEED = 20_261_129L;

    private final LambdaFunctions functions;
    private final BackgroundWork background;
    private final Machine machine = new Machine();
    private final Map<String, String> targetByRule = new ConcurrentHashMap<>();
    private final Map<String, NotificationTarget> notificationByRule = new ConcurrentHashMap<>();
    private final List<PublishedEvent> published = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Random random = new Random(SEED);
    private volatile boolean deliverTwice;
    private volatile double emrEventLoss;
    private volatile boolean lossOnlyOfTerminalEvents = true;
    private volatile Duration deliveryJitter = Duration.ZERO;
    private volatile boolean synchronousDelivery;

    public EventRouter(LambdaFunctions functions, BackgroundWork background) {
        this.functions = functions;
        this.background = background;
    }

    /** Adds a rule on the default bus with one Lambda target (the pipeline's rules all have one). */
    public void addRule(String ruleName, String eventPatternJson, String targetFunction) {
        try {
            synchronized (machine) {
                machine.addRule(ruleName, eventPatternJson);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rule " + ruleName + " has an invalid event pattern", e);
        }
        if (targetFunction != null) {
            targetByRule.put(ruleName, targetFunction);
        }
    }

    /** Adds a rule whose target is an SNS topic with an input transformer (the stack's notify rules). */
    public void addRule(String ruleName, String eventPatternJson, NotificationTarget target) {
        addRule(ruleName, eventPatternJson, (String) null);
        targetByRule.remove(ruleName);
        notificationByRule.put(ruleName, target);
    }

    /** Delivers in the background, as EventBridge does (unless {@link #setSynchronousDelivery}). */
    public List<String> publish(ObjectNode event) {
        return route(event, false);
    }

    @Override
    public void publish(ObjectNode event, boolean synchronous) {
        route(event, synchronous);
    }

    /** Which rules match the event, without delivering it. */
    public List<String> matchingRules(ObjectNode event) {
        synchronized (machine) {
            return List.copyOf(machine.rulesForJSONEvent(event));
        }
    }

    private List<String> route(ObjectNode event, boolean synchronous) {
        List<String> rules = matchingRules(event);
        boolean drop = isLossCandidate(event) && chance(emrEventLoss);
        synchronized (published) {
            published.add(new PublishedEvent(event.deepCopy(), rules, drop));
        }
        if (drop) {
            return rules;
        }
        int copies = deliverTwice ? 2 : 1;
        for (String rule : rules) {
            for (int i = 0; i < copies; i++) {
                deliver(rule, event, synchronous || synchronousDelivery);
            }
        }
        return rules;
    }

    private void deliver(String rule, ObjectNode event, boolean synchronous) {
        NotificationTarget notification = notificationByRule.get(rule);
        if (notification != null) {
            // SNS deliveries are not Lambda deliveries: what they sent is read from the topic's subscriber.
            ObjectNode copy = event.deepCopy();
            background.submit(() -> notification.deliver(copy));
            return;
        }
        String target = targetByRule.get(rule);
        byte[] payload = Json.write(event).getBytes(StandardCharsets.UTF_8);
        Duration delay = synchronous ? Duration.ZERO : jitter();
        Runnable delivery = () -> {
            pause(delay);
            record(invoke(rule, target, event.path("id").asText(), payload));
        };
        if (synchronous) {
            delivery.run();
        } else {
            background.submit(delivery);
        }
    }

    private Delivery invoke(String rule, String target, String eventId, byte[] payload) {
        try {
            Invocation invocation = functions.invoke(target, payload, "Event");
            return new Delivery(rule, target, eventId, invocation, null);
        } catch (FunctionNotFoundException e) {
            return new Delivery(rule, target, eventId, null, e.getMessage());
        }
    }

    private void record(Delivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    private boolean isLossCandidate(ObjectNode event) {
        boolean jobRunEvent = "aws.emr-serverless".equals(event.path("source").asText())
                && event.path("detail-type").asText().startsWith("EMR Serverless Job Run ");
        return jobRunEvent && (!lossOnlyOfTerminalEvents
                || EMR_TERMINAL_STATES.contains(event.path("detail").path("state").asText()));
    }

    private boolean chance(double probability) {
        if (probability <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < probability;
        }
    }

    private Duration jitter() {
        long bound = deliveryJitter.toMillis();
        if (bound <= 0) {
            return Duration.ZERO;
        }
        synchronized (random) {
            return Duration.ofMillis(random.nextLong(bound));
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<PublishedEvent> publishedEvents() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Waits until every background delivery (and async Lambda invocation) has finished. */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        return background.awaitQuiet(timeout);
    }

    /** Fault: every matched event reaches each target twice (EventBridge is at-least-once). */
    public void setDeliverEveryEventTwice(boolean on) {
        deliverTwice = on;
    }

    /** Fault: EMR job-run SUCCESS/FAILED/CANCELLED events are lost (EMR Serverless events are best effort). */
    public void setDropEmrTerminalEvents(boolean on) {
        loseEmrEvents(on ? 1.0 : 0.0, true);
    }

    /**
     * Fault: each EMR job-run event (only terminal state changes when {@code terminalOnly}) is lost
     * with the given probability, drawn per event.
     */
    public void loseEmrEvents(double fraction, boolean terminalOnly) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a fraction is between 0 and 1, was " + fraction);
        }
        lossOnlyOfTerminalEvents = terminalOnly;
        emrEventLoss = fraction;
    }

    /**
     * Fault: each background delivery waits a random time below {@code maxDelay} first, so
     * deliveries (a run's successive events, and an event's two copies) arrive in any order.
     */
    public void setDeliveryJitter(Duration maxDelay) {
        deliveryJitter = maxDelay;
    }

    /** Deliver every event on the publishing thread, before publish returns. */
    public void setSynchronousDelivery(boolean on) {
        synchronousDelivery = on;
    }

    /** Forgets recorded events and deliveries and turns the knobs off; rules stay (they are deployment). */
    public void reset() {
        deliverTwice = false;
        emrEventLoss = 0;
        lossOnlyOfTerminalEvents = true;
        deliveryJitter = Duration.ZERO;
        synchronousDelivery = false;
        synchronized (published) {
            published.clear();
        }
        synchronized (deliveries) {
            deliveries.clear();
        }
    }
}
