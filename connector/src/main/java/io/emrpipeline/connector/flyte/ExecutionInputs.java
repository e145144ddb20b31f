package io.emrpipeline.connector.flyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the execution input (the job request, see the JSON Schema in functions/) from a task
 * template's {@code custom} and the task's Flyte inputs. Inputs enter the request the way they
 * enter a Flyte container task's command: any string may hold {@code {{.inputs.<name>}}}, replaced
 * by the input's value. The request is validated by the pipeline itself (SubmitJobRun), so an
 * invalid one fails the execution with InvalidJobRequest and a message naming every field.
 */
public final class ExecutionInputs {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.inputs\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    public ObjectNode build(TaskTemplate template, LiteralMap inputs) {
        if (!TaskCategories.TASK_TYPE.equals(template.getType())) {
            throw new InvalidTask("this connector runs tasks of type '" + TaskCategories.TASK_TYPE + "', not '"
                    + template.getType() + "'");
        }
        if (template.getCustom().getFieldsCount() == 0) {
            throw new InvalidTask("the task template carries no job request in 'custom'; build the task with the "
                    + "emr_pipeline_flyte plugin (EmrServerlessTask)");
        }
        ObjectNode request = StructJson.toJson(template.getCustom());
        return (ObjectNode) render(request, inputs.getLiteralsMap());
    }

    private JsonNode render(JsonNode node, Map<String, Literal> inputs) {
        if (node.isTextual()) {
            return TextNode.valueOf(renderText(node.asText(), inputs));
        }
        if (node.isArray()) {
            ArrayNode rendered = ((ArrayNode) node).arrayNode();
            node.forEach(item -> rendered.add(render(item, inputs)));
            return rendered;
        }
        if (node.isObject()) {
            ObjectNode rendered = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                rendered.set(field.getKey(), render(field.getValue(), inputs));
            }
            return rendered;
        }
        return node;
    }

    private String renderText(String text, Map<String, Literal> inputs) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Literal literal = inputs.get(name);
            if (literal == null) {
                throw new InvalidTask("the job request uses {{.inputs." + name + "}} but the task has no input '" + name
                        + "' (inputs: " + new TreeSet<>(inputs.keySet()) + ")");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(asText(name, literal)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** How an input reads inside a string: primitives as written, files and directories as their URI. */
    static String asText(String name, Literal literal) {
        var scalar = literal.getScalar();
        if (scalar.hasPrimitive()) {
            Primitive primitive = scalar.getPrimitive();
            return switch (primitive.getValueCase()) {
                case INTEGER -> Long.toString(primitive.getInteger());
                case FLOAT_VALUE -> Double.toString(primitive.getFloatValue());
                case STRING_VALUE -> primitive.getStringValue();
                case BOOLEAN -> Boolean.toString(primitive.getBoolean());
                case DATETIME -> Timestamps.toString(primitive.getDatetime());
                case DURATION -> Durations.toString(primitive.getDuration());
                case VALUE_NOT_SET -> "";
            };
        }
        if (scalar.hasBlob()) {
            return scalar.getBlob().getUri();
        }
        if (scalar.hasNoneType()) {
            return "";
        }
        throw new InvalidTask("input '" + name + "' is not a primitive, file or directory; only those can be "
                + "placed into the job request");
    }
}
