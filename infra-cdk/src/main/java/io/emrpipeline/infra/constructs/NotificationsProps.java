package io.emrpipeline.infra.constructs;

import java.util.List;
import java.util.Objects;

/** Names, the state machine whose failures are reported, and who gets the email. */
public final class NotificationsProps {

    private final String namePrefix;
    private final String stateMachineArn;
    private final List<String> emails;

    private NotificationsProps(Builder builder) {
        this.namePrefix = Objects.requireNonNull(builder.namePrefix, "namePrefix");
        this.stateMachineArn = Objects.requireNonNull(builder.stateMachineArn, "stateMachineArn");
        this.emails = List.copyOf(builder.emails);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String namePrefix() { return namePrefix; }
    public String stateMachineArn() { return stateMachineArn; }
    public List<String> emails() { return emails; }

    public static final class Builder {
        private String namePrefix;
        private String stateMachineArn;
        private List<String> emails = List.of();

        /** The bus is {@code <prefix>-events}, the topic {@code <prefix>-notifications}. */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder stateMachineArn(String value) { this.stateMachineArn = value; return this; }
        /** Email subscriptions; each address gets a confirmation mail after deploy. */
        public Builder emails(List<String> value) { this.emails = value; return this; }

        public NotificationsProps build() {
            return new NotificationsProps(this);
        }
    }
}
