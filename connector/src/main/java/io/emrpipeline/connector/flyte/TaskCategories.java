package io.emrpipeline.connector.flyte;

import flyteidl.admin.AgentOuterClass.Agent;
import flyteidl.admin.AgentOuterClass.TaskCategory;

/** The one task type this connector serves; the Python plugin sets the same type and version. */
public final class TaskCategories {

    public static final String TASK_TYPE = "emr_serverless";
    public static final int VERSION = 0;
    public static final String CONNECTOR_NAME = "EMR Serverless pipeline connector";

    private TaskCategories() {}

    public static TaskCategory emrServerless() {
        return TaskCategory.newBuilder().setName(TASK_TYPE).setVersion(VERSION).build();
    }

    public static Agent connector() {
        return Agent.newBuilder()
                .setName(CONNECTOR_NAME)
                .setIsSync(false)
                .addSupportedTaskTypes(TASK_TYPE)
                .addSupportedTaskCategories(emrServerless())
                .build();
    }
}
