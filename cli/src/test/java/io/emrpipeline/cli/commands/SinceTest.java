package io.emrpipeline.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.emrpipeline.cli.CliError;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SinceTest {

    private static final Instant NOW = Instant.parse("2025-01-31T12:00:00Z");

    @Test
    void aDurationCountsBackFromNowAndAnInstantIsTakenAsIs() {
        assertEquals(Instant.parse("2025-01-31T11:30:00Z"), ListCommand.sinceInstant("30m", NOW));
        assertEquals(Instant.parse("2025-01-31T06:00:00Z"), ListCommand.sinceInstant("6h", NOW));
        assertEquals(Instant.parse("2025-01-29T12:00:00Z"), ListCommand.sinceInstant("2d", NOW));
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), ListCommand.sinceInstant("2025-01-01T00:00:00Z", NOW));
        assertNull(ListCommand.sinceInstant(null, NOW));
        assertThrows(CliError.class, () -> ListCommand.sinceInstant("yesterday", NOW));
    }
}
