package io.jiesu.localcloud.scheduler;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Delivers an occurrence to its SQS target as AWS does: {@code Target.Input} (or {@code {}}) as the body, with the
 * context attributes replaced and the FIFO message group; a failed delivery goes to the target's dead-letter queue,
 * if it has one, with the error attributes AWS sets. Not retried: RetryPolicy is stored, not applied.
 */
final class SqsDelivery {

    private static final Logger LOG = Logger.getLogger(SqsDelivery.class.getName());

    /** The only targets the stand-in delivers to; group 4 is the queue's name. */
    static final Pattern QUEUE_ARN =
            Pattern.compile("arn:aws(-[a-z]+)?:sqs:([a-z0-9-]+):(\\d{12}):([a-zA-Z0-9_.-]+)");

    private final SqsClient sqs;

    SqsDelivery(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** The body the target receives for this occurrence. */
    static String body(Firing f) {
        String input = f.schedule().def.input();
        return contextAttributes(input == null ? "{}" : input, f);
    }

    /** Sends the body to the target queue; true if it was delivered, false if it failed (and was dead-lettered). */
    boolean deliver(Firing f, String body) {
        ScheduleDefinition def = f.schedule().def;
        try {
            Matcher arn = QUEUE_ARN.matcher(def.targetArn());
            if (!arn.matches()) {
                throw new IllegalStateException("not an SQS queue ARN: " + def.targetArn());
            }
            send(arn.group(4), body, def.messageGroupId(), Map.of());
            LOG.fine(() -> "fired " + f.schedule().arn + " for " + f.occurrence());
            return true;
        } catch (RuntimeException e) {
            String dlq = def.deadLetterArn();
            LOG.warning(() -> "could not deliver " + f.schedule().arn + " (occurrence " + f.occurrence() + ") to "
                    + def.targetArn() + (dlq == null ? "; dropped: " : "; sending it to " + dlq + ": ") + e);
            if (dlq != null) {
                deadLetter(dlq, body, f, e);
            }
            return false;
        }
    }

    private void deadLetter(String dlqArn, String body, Firing f, RuntimeException cause) {
        Matcher arn = QUEUE_ARN.matcher(dlqArn);
        if (!arn.matches()) {
            return;
        }
        String message = String.valueOf(cause.getMessage());
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("ERROR_CODE", stringAttribute(cause.getClass().getSimpleName()));
        attributes.put("ERROR_MESSAGE", stringAttribute(message.length() > 256 ? message.substring(0, 256) : message));
        attributes.put("SCHEDULE_ARN", stringAttribute(f.schedule().arn));
        attributes.put("TARGET_ARN", stringAttribute(f.schedule().def.targetArn()));
        try {
            send(arn.group(4), body, null, attributes);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not dead-letter " + f.schedule().arn + " to " + dlqArn + "; dropped", e);
        }
    }

    private void send(String queueName, String body, String messageGroupId,
            Map<String, MessageAttributeValue> attributes) {
        String queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body);
        if (messageGroupId != null) {
            request.messageGroupId(messageGroupId);
        }
        if (!attributes.isEmpty()) {
            request.messageAttributes(attributes);
        }
        sqs.sendMessage(request.build());
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** Replaces the keywords AWS replaces in a target's input. */
    private static String contextAttributes(String input, Firing f) {
        if (!input.contains("<aws.scheduler.")) {
            return input;
        }
        return input
                .replace("<aws.scheduler.schedule-arn>", f.schedule().arn)
                .replace("<aws.scheduler.scheduled-time>",
                        DateTimeFormatter.ISO_INSTANT.format(f.occurrence().truncatedTo(ChronoUnit.SECONDS)))
                .replace("<aws.scheduler.execution-id>",
                        Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE))
                .replace("<aws.scheduler.attempt-number>", "1");
    }
}
