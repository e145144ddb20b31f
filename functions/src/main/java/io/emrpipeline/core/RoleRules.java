package io.emrpipeline.core;

import java.util.Optional;
import java.util.Set;

/** Which job runtime roles this deployment lets a request use, and the default one. */
public record RoleRules(Set<String> allowed, Optional<String> defaultRole) {

    public String roleFor(JobRequest request) {
        return request.requestedRole().or(() -> defaultRole).orElseThrow();
    }

    Optional<String> problem(JobRequest request) {
        Optional<String> role = request.requestedRole().or(() -> defaultRole);
        if (role.isEmpty()) {
            return Optional.of("$.executionRoleArn: required, because this deployment has no default execution role");
        }
        if (!allowed.contains(role.get())) {
            return Optional.of("$.executionRoleArn: " + role.get()
                    + " is not in this deployment's allowed execution roles " + allowed.stream().sorted().toList());
        }
        return Optional.empty();
    }
}
