package io.emrpipeline.connector.flyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Iterator;
import java.util.Map;

/**
 * protobuf Struct to JSON and back. A Struct has only doubles, so a whole number (a job
 * request's timeoutMinutes, say) becomes an integer again on the way to JSON: the schema
 * types it as integer and the execution input should read as a person wrote it.
 */
public final class StructJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double LARGEST_EXACT_INTEGER = 9_007_199_254_740_992d; // 2^53

    private StructJson() {}

    public static ObjectNode toJson(Struct struct) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, Value> field : struct.getFieldsMap().entrySet()) {
            object.set(field.getKey(), toJson(field.getValue()));
        }
        return object;
    }

    static JsonNode toJson(Value value) {
        return switch (value.getKindCase()) {
            case STRUCT_VALUE -> toJson(value.getStructValue());
            case LIST_VALUE -> {
                ArrayNode array = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case STRING_VALUE -> NODES.textNode(value.getStringValue());
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
        };
    }

    private static JsonNode number(double number) {
        boolean whole = number == Math.rint(number) && Math.abs(number) <= LARGEST_EXACT_INTEGER;
        return whole ? NODES.numberNode((long) number) : NODES.numberNode(number);
    }

    public static Struct toStruct(JsonNode object) {
        Struct.Builder struct = Struct.newBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            struct.putFields(field.getKey(), toValue(field.getValue()));
        }
        return struct.build();
    }

    static Value toValue(JsonNode node) {
        if (node.isObject()) {
            return Value.newBuilder().setStructValue(toStruct(node)).build();
        }
        if (node.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            node.forEach(item -> list.addValues(toValue(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        if (node.isNumber()) {
            return Value.newBuilder().setNumberValue(node.asDouble()).build();
        }
        if (node.isBoolean()) {
            return Value.newBuilder().setBoolValue(node.asBoolean()).build();
        }
        if (node.isTextual()) {
            return Value.newBuilder().setStringValue(node.asText()).build();
        }
        return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }
}
