package io.emrpipeline.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file of the statemachines module (the same bytes CDK deploys) and fills its
 * {@code ${Name}} placeholders, the way CDK's DefinitionSubstitutions do.
 */
public final class AslTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private AslTemplate() {}

    public static String load(String resource, Map<String, String> substitutions) {
        try (InputStream in = AslTemplate.class.getResourceAsStream("/statemachines/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("statemachines/" + resource + " is not on the classpath");
            }
            return substitute(new String(in.readAllBytes(), StandardCharsets.UTF_8), substitutions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String substitute(String template, Map<String, String> substitutions) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = substitutions.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
