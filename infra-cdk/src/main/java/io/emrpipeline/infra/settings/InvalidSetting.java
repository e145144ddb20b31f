package io.emrpipeline.infra.settings;

/** A deployment setting that cannot be used; the message names the setting and how to fix it. */
public final class InvalidSetting extends IllegalArgumentException {

    private final String setting;

    public InvalidSetting(String setting, String problem) {
        super("Invalid setting '" + setting + "': " + problem
                + ". Set it in infra-cdk/cdk.json under \"context\", or with -c " + setting + "=... (see docs/deploy.md).");
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
