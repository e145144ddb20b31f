package io.emrpipeline.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code claims/<applicationId>/<jobRunId>.json}: who finishes a job run's end. Every path that
 * sees the end (AwaitJobRun, JobStateChange, the reconcile paths) tries to create the claim with a
 * conditional write; exactly one succeeds and sends the outcome and the domain event, the others
 * do nothing. A holder that died before marking the claim done leaves it CLAIMED: after the lease
 * another path takes it over (a conditional replace of that very version), so no end is lost.
 */
public final class Claims {

    /** Longer than any function's timeout: a claim this old whose holder never finished is abandoned. */
    static final Duration LEASE = Duration.ofMinutes(5);

    public enum Status { CLAIMED, DONE }

    /** A claim as stored, with the version a conditional replace must match. */
    public record Claim(String holder, Instant claimedAt, Status status, String etag) {

        boolean abandoned(Instant now) {
            return status == Status.CLAIMED && claimedAt.plus(LEASE).isBefore(now);
        }
    }

    private final ObjectStore store;
    private final Clock clock;

    public Claims(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Claims the end of {@code run} for {@code holder}: a new claim, or an abandoned one taken over.
     *
     * @return the claim this caller now holds; empty when another path holds it or finished it
     */
    public Optional<Claim> claim(JobRunKey run, String holder) {
        Instant now = clock.instant();
        Optional<String> created = store.putIfAbsent(key(run), body(holder, now, Status.CLAIMED), "application/json");
        if (created.isPresent()) {
            return Optional.of(new Claim(holder, now, Status.CLAIMED, created.get()));
        }
        return find(run).filter(existing -> existing.abandoned(now))
                .flatMap(abandoned -> store.putIfUnchanged(key(run), body(holder, now, Status.CLAIMED), "application/json",
                        abandoned.etag()))
                .map(etag -> new Claim(holder, now, Status.CLAIMED, etag));
    }

    /** The outcome was sent and the event published: nobody may take this end over any more. */
    public void done(JobRunKey run, Claim claim) {
        store.putIfUnchanged(key(run), body(claim.holder(), claim.claimedAt(), Status.DONE), "application/json", claim.etag());
    }

    public Optional<Claim> find(JobRunKey run) {
        return store.getVersioned(key(run)).map(versioned -> {
            JsonNode json = Json.parse(versioned.content());
            return new Claim(json.path("holder").asText(), Instant.parse(json.path("claimedAt").asText()),
                    Status.valueOf(json.path("status").asText()), versioned.etag());
        });
    }

    private static byte[] body(String holder, Instant at, Status status) {
        return Json.bytes(Json.object().put("holder", holder).put("claimedAt", at.toString()).put("status", status.name()));
    }

    private static String key(JobRunKey run) {
        return run.objectKey("claims/");
    }
}
