package io.emrpipeline.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven built (the jar's manifest), or "development" when run from classes. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = EmrPipelineCli.class.getPackage().getImplementationVersion();
        return new String[] {"emr-pipeline " + (version == null ? "development" : version)};
    }
}
