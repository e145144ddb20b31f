package io.emrpipeline.cli.commands;

import picocli.CommandLine.Option;

/** {@code --output text|json}: for people (the default) or for scripts; {@code --no-color}. */
public final class OutputOptions {

    /** How results are written. */
    public enum Format { text, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people, the default) or json (for scripts: one JSON document on stdout).")
    Format format = Format.text;

    @Option(names = "--no-color", description = "No colour, even on a terminal (NO_COLOR does the same).")
    boolean noColor;

    public boolean json() {
        return format == Format.json;
    }
}
