package io.emrpipeline.cli.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.emrpipeline.cli.CliError;
import io.emrpipeline.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A job request file as the user gave it: read and parsed, with a JSON syntax error placed at its line and column. */
public final class JobRequestFile {

    private JobRequestFile() {}

    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliError.badRequest("no such file: " + file, "give the path of a job request JSON file "
                    + "(examples/wordcount/job-request.json is one)");
        } catch (IOException e) {
            throw CliError.badRequest("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
        return parse(file.toString(), text);
    }

    static JsonNode parse(String name, String text) {
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw CliError.badRequest(name + " is empty", "a job request is one JSON object (see docs/job-request.md)");
            }
            return json;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
            // Jackson quotes its own source position inside the message; the file:line:column says it better.
            String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                    .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "");
            throw CliError.badRequest(where + ": not valid JSON: " + message,
                    "fix the JSON syntax at that position");
        }
    }
}
