package io.emrpipeline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The facts every part of the pipeline shares, read from {@code statemachines/contract.json}: the
 * functions (handler, timeout, ASL placeholder), the job-run state sets, the execution error
 * names, the domain events and the event pattern files. CDK, the functions, the local runtime and
 * the tests all read this one file, so they cannot drift apart.
 */
public final class Contract {

    private static final String ROOT = "/statemachines/";
    private static final Contract INSTANCE = load();

    private final List<FunctionSpec> functions;
    private final int functionMemoryMb;
    private final Set<String> functionEnvironment;
    private final String stateMachineArnPlaceholder;
    private final Set<String> terminalStates;
    private final Set<String> waitingStates;
    private final String errorPackage;
    private final Map<String, ExecutionError> executionErrors;
    private final String domainEventSource;
    private final Map<DomainEventType, String> detailTypes;
    private final Map<String, String> eventPatterns;
    private final Map<String, String> notifications;
    private final Pattern executionRoleArn;
    private final String defaultReleaseLabel;

    private Contract(JsonNode json) {
        List<FunctionSpec> specs = new ArrayList<>();
        json.path("functions").forEach(node -> specs.add(FunctionSpec.from(node)));
        this.functions = List.copyOf(specs);
        this.functionMemoryMb = json.path("functionMemoryMb").asInt();
        Set<String> variables = new LinkedHashSet<>();
        json.path("functionEnvironment").fieldNames().forEachRemaining(variables::add);
        this.functionEnvironment = Collections.unmodifiableSet(variables);
        this.stateMachineArnPlaceholder = json.path("stateMachineArnPlaceholder").asText();
        this.terminalStates = strings(json.path("jobRunStates").path("terminal"));
        this.waitingStates = strings(json.path("jobRunStates").path("waiting"));
        this.errorPackage = json.path("errors").path("handlerPackage").asText();
        Map<String, ExecutionError> errors = new LinkedHashMap<>();
        json.path("errors").path("execution").properties().forEach(entry -> errors.put(entry.getKey(),
                new ExecutionError(entry.getKey(), entry.getValue().path("retryable").asBoolean(),
                        entry.getValue().path("meaning").asText())));
        this.executionErrors = Map.copyOf(errors);
        this.domainEventSource = json.path("domainEvents").path("source").asText();
        Map<DomainEventType, String> types = new LinkedHashMap<>();
        for (DomainEventType type : DomainEventType.values()) {
            types.put(type, required(json.path("domainEvents").path("detailTypes"), type.key()));
        }
        this.detailTypes = Map.copyOf(types);
        Map<String, String> patterns = new LinkedHashMap<>();
        json.path("eventPatterns").properties().forEach(entry -> patterns.put(entry.getKey(), entry.getValue().asText()));
        this.eventPatterns = Map.copyOf(patterns);
        Map<String, String> messages = new LinkedHashMap<>();
        json.path("notifications").properties().stream().filter(entry -> patterns.containsKey(entry.getKey()))
                .forEach(entry -> messages.put(entry.getKey(), entry.getValue().asText()));
        this.notifications = Map.copyOf(messages);
        this.executionRoleArn = Pattern.compile(json.path("executionRoleArnPattern").asText());
        this.defaultReleaseLabel = json.path("defaultReleaseLabel").asText();
    }

    /** The contract on the classpath (the statemachines jar). */
    public static Contract get() {
        return INSTANCE;
    }

    public List<FunctionSpec> functions() {
        return functions;
    }

    public FunctionSpec function(String name) {
        return functions.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function named " + name + " in contract.json"));
    }

    /** The memory every function gets unless the deployment sets another figure. */
    public int functionMemoryMb() {
        return functionMemoryMb;
    }

    /**
     * The environment variables a deployment gives every function (CDK sets exactly these; the
     * local runtime too, plus its endpoint). Lambda adds region and credentials itself.
     */
    public Set<String> functionEnvironment() {
        return functionEnvironment;
    }

    /** The ASL's placeholders: the ARN of every function the state machine invokes. */
    public Set<String> aslPlaceholders() {
        Set<String> names = new LinkedHashSet<>();
        functions.forEach(spec -> spec.aslPlaceholder().ifPresent(names::add));
        return names;
    }

    /** The substitutions for the ASL file: each function's placeholder mapped to its ARN (from {@code functionArn}). */
    public Map<String, String> aslSubstitutions(Function<FunctionSpec, String> functionArn) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FunctionSpec spec : functions) {
            spec.aslPlaceholder().ifPresent(placeholder -> values.put(placeholder, functionArn.apply(spec)));
        }
        return values;
    }

    public String stateMachineArnPlaceholder() {
        return stateMachineArnPlaceholder;
    }

    /** EMR Serverless states after which a job run never changes again. */
    public Set<String> terminalStates() {
        return terminalStates;
    }

    /** EMR Serverless states of a job run that has not ended yet. */
    public Set<String> waitingStates() {
        return waitingStates;
    }

    public boolean isTerminal(String state) {
        return terminalStates.contains(state);
    }

    /** The package of the exceptions the handlers throw (the ASL catches them by qualified name). */
    public String errorPackage() {
        return errorPackage;
    }

    /** The error names a failed execution ends with, the ones callers branch on. */
    public Map<String, ExecutionError> executionErrors() {
        return executionErrors;
    }

    public Optional<ExecutionError> executionError(String name) {
        return Optional.ofNullable(executionErrors.get(name));
    }

    /** The {@code source} of every domain event the pipeline publishes. */
    public String domainEventSource() {
        return domainEventSource;
    }

    public String detailType(DomainEventType type) {
        return detailTypes.get(type);
    }

    /** An event pattern file by its key in contract.json, e.g. {@code jobRunStateChange}. */
    public EventPatternTemplate eventPattern(String key) {
        String file = eventPatterns.get(key);
        if (file == null) {
            throw new IllegalArgumentException("no event pattern " + key + " in contract.json");
        }
        return new EventPatternTemplate(file, resource(file));
    }

    /**
     * The message a notify rule sends, for its event-pattern key: text with {@code <$.path>} fields
     * of the event, rendered by an input transformer in the stack and by the local gateway.
     */
    public String notificationTemplate(String eventPatternKey) {
        String template = notifications.get(eventPatternKey);
        if (template == null) {
            throw new IllegalArgumentException("contract.json has no notification for " + eventPatternKey);
        }
        return template;
    }

    public Set<String> eventPatternKeys() {
        return eventPatterns.keySet();
    }

    /** The state machine definition, placeholders unfilled. */
    public String stateMachineDefinition() {
        return resource("pipeline.asl.json");
    }

    /** The one rule for an IAM role ARN that may run jobs (deployment settings and the functions' config). */
    public boolean isRoleArn(String arn) {
        return arn != null && executionRoleArn.matcher(arn).matches();
    }

    public String defaultReleaseLabel() {
        return defaultReleaseLabel;
    }

    /** A file of the statemachines module, as text. */
    public static String resource(String name) {
        try (InputStream in = Contract.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("statemachines/" + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read statemachines/" + name, e);
        }
    }

    private static Contract load() {
        try {
            return new Contract(new ObjectMapper().readTree(resource("contract.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("statemachines/contract.json is not valid JSON", e);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(node -> values.add(node.asText()));
        return Set.copyOf(values);
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalStateException("contract.json lacks " + field);
        }
        return node.get(field).asText();
    }
}
