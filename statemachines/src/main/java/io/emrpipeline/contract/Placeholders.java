package io.emrpipeline.contract;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${Name}} placeholders of the ASL and event pattern files, filled the way CDK's
 * DefinitionSubstitutions fill them. Every placeholder must get a value and every value must have
 * a placeholder, so a renamed placeholder fails at once instead of deploying a broken file.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private Placeholders() {}

    public static Set<String> in(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Fails naming the difference unless {@code template} uses exactly the names of {@code values}. */
    public static void requireExactly(String what, String template, Set<String> values) {
        Set<String> used = in(template);
        if (!used.equals(new TreeSet<>(values))) {
            throw new IllegalStateException(what + " uses placeholders " + used + " but is given "
                    + new TreeSet<>(values) + "; keep the two in step.");
        }
    }

    public static String fill(String what, String template, Map<String, String> values) {
        requireExactly(what, template, values.keySet());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
