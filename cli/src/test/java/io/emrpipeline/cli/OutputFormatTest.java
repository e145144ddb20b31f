package io.emrpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emrpipeline.cli.output.Formats;
import io.emrpipeline.cli.output.Table;
import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutputFormatTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndColourDoesNotCount() {
        Terminal colour = new Terminal(System.out, System.err, true, true);
        String text = new Table("NAME", "STATUS", "COST")
                .row("wordcount-1", colour.status("SUCCEEDED"), "$0.0063")
                .row("x", colour.status("FAILED"), null)
                .render();

        String[] lines = text.split("\n");
        assertEquals("NAME         STATUS     COST", lines[0]);
        String plain = lines[2].replaceAll("\u001b\\[[0-9;]*m", "");
        assertEquals("x            FAILED     -", plain, "a missing cell reads -, columns line up");
        assertTrue(lines[1].contains("\u001b[32mSUCCEEDED"), "green on a terminal");
        assertFalse(text.lines().anyMatch(line -> line.endsWith(" ")), "no trailing blanks");
    }

    @Test
    void plainOutputHasNoColourCodes() {
        Terminal plain = Terminal.plain(new PrintStream(new ByteArrayOutputStream()), System.err);
        assertEquals("FAILED", plain.status("FAILED"));
        assertEquals("x", plain.bold("x"));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("850 ms", Formats.duration(Duration.ofMillis(850)));
        assertEquals("4.2 s", Formats.duration(Duration.ofMillis(4200)));
        assertEquals("3m 05s", Formats.duration(Duration.ofSeconds(185)));
        assertEquals("2h 01m", Formats.duration(Duration.ofMinutes(121)));
    }

    @Test
    void costIsEstimatedFromTheBilledFiguresAndShownWithItsCents() {
        var billed = Json.object().put("vCPUHour", 1.0).put("memoryGBHour", 4.0).put("storageGBHour", 0.0);
        Double usd = Formats.estimatedUsd(billed);

        assertEquals(Formats.USD_PER_VCPU_HOUR + 4 * Formats.USD_PER_GB_HOUR, usd, 1e-9);
        assertEquals("$0.0757", Formats.usd(usd));
        assertEquals("$12.50", Formats.usd(12.5));
        assertNull(Formats.estimatedUsd(null), "no figures, no estimate");
        assertEquals("-", Formats.usd(null));
    }
}
