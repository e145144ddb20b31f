package io.emrpipeline.cli.local;

import io.emrpipeline.cli.output.Terminal;
import io.emrpipeline.local.LocalGateway;
import io.emrpipeline.local.LocalPipeline;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code local up} shows what on-call receives: the local notification topic's subscriber queue,
 * read with long polls, each message printed as it arrives.
 */
final class OnCallNotifications {

    private static final int LONG_POLL_SECONDS = 10;

    private OnCallNotifications() {}

    static void printInBackground(LocalPipeline pipeline, Terminal terminal) {
        SqsClient sqs = SqsClient.builder().region(Region.of(LocalGateway.REGION))
                .endpointOverride(pipeline.gateway().endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        Thread reader = new Thread(() -> {
            String queue = pipeline.notificationsQueueUrl();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (Message message : sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(LONG_POLL_SECONDS)
                            .maxNumberOfMessages(10)).messages()) {
                        terminal.out().println(terminal.yellow("on-call notification:") + " " + message.body());
                        sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                    }
                } catch (SdkException stopping) {
                    // The pipeline is stopping (or moto restarted): nothing more to read.
                    return;
                }
            }
        }, "on-call-notifications");
        reader.setDaemon(true);
        reader.start();
    }
}
