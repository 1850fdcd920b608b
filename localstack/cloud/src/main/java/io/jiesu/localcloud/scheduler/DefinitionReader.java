package io.jiesu.localcloud.scheduler;

import static io.jiesu.localcloud.scheduler.JsonMembers.JSON;
import static io.jiesu.localcloud.scheduler.JsonMembers.enumText;
import static io.jiesu.localcloud.scheduler.JsonMembers.groupOrDefault;
import static io.jiesu.localcloud.scheduler.JsonMembers.optionalInt;
import static io.jiesu.localcloud.scheduler.JsonMembers.optionalText;
import static io.jiesu.localcloud.scheduler.JsonMembers.optionalTime;
import static io.jiesu.localcloud.scheduler.JsonMembers.requireName;
import static io.jiesu.localcloud.scheduler.JsonMembers.requiredText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a CreateSchedule/UpdateSchedule body as the service does: the expression and its time zone, the
 * dates, state, action after completion, flexible time window and the (SQS) target with its RetryPolicy defaults.
 */
final class DefinitionReader {

    private static final Pattern DLQ_ARN = Pattern.compile("arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_-]+");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)?:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern KMS_ARN =
            Pattern.compile("arn:aws(-[a-z]+)?:kms:[a-z0-9-]+:\\d{12}:(key|alias)/[0-9a-zA-Z_-]*");
    private static final Duration START_DATE_TOLERANCE = Duration.ofMinutes(5);
    private static final int DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;
    private static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
    private static final Set<String> TEMPLATED_PARAMETERS = Set.of("EcsParameters", "EventBridgeParameters",
            "KinesisParameters", "SageMakerPipelineParameters");

    private DefinitionReader() {
    }

    /** The checked definition of schedule {@code name}, as sent at {@code now}. */
    static ScheduleDefinition read(String name, ObjectNode body, Instant now) {
        requireName(name, "Name");
        String group = groupOrDefault(optionalText(body, "GroupName"));

        String expressionText = requiredText(body, "ScheduleExpression");
        String timezone = optionalText(body, "ScheduleExpressionTimezone");
        ZoneId zone = ZoneOffset.UTC;
        if (timezone != null) {
            if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
                throw ApiException.validation("Invalid ScheduleExpressionTimezone " + timezone
                        + ": not an IANA time zone");
            }
            zone = ZoneId.of(timezone);
        }
        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parse(expressionText, zone);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(e.getMessage());
        }

        Instant startDate = optionalTime(body, "StartDate");
        Instant endDate = optionalTime(body, "EndDate");
        if (!expression.oneTime()) {
            if (startDate != null && startDate.isBefore(now.minus(START_DATE_TOLERANCE))) {
                throw ApiException.validation("The StartDate you specify cannot be earlier than 5 minutes ago.");
            }
            if (startDate != null && endDate != null && !endDate.isAfter(startDate)) {
                throw ApiException.validation("The EndDate must be after the StartDate.");
            }
        }

        String state = enumText(body, "State", "ENABLED", "ENABLED", "DISABLED");
        String action = enumText(body, "ActionAfterCompletion", "NONE", "NONE", "DELETE");
        String description = optionalText(body, "Description");
        if (description != null && description.length() > 512) {
            throw ApiException.validation("Description is longer than 512 characters");
        }
        String kmsKeyArn = optionalText(body, "KmsKeyArn");
        if (kmsKeyArn != null && !KMS_ARN.matcher(kmsKeyArn).matches()) {
            throw ApiException.validation("Invalid KmsKeyArn " + kmsKeyArn);
        }
        ObjectNode window = flexibleTimeWindow(body);
        ObjectNode target = target(body);
        return new ScheduleDefinition(group, expressionText, timezone, expression, startDate, endDate, state, window,
                target, action, description, kmsKeyArn);
    }

    private static ObjectNode flexibleTimeWindow(ObjectNode body) {
        JsonNode node = body.get("FlexibleTimeWindow");
        if (node == null || node.isNull()) {
            throw ApiException.validation("FlexibleTimeWindow is required");
        }
        if (!node.isObject()) {
            throw ApiException.validation("FlexibleTimeWindow must be an object");
        }
        String mode = enumText((ObjectNode) node, "Mode", null, "OFF", "FLEXIBLE");
        if (mode == null) {
            throw ApiException.validation("FlexibleTimeWindow.Mode is required");
        }
        Integer window = optionalInt((ObjectNode) node, "MaximumWindowInMinutes", 1, 1440);
        ObjectNode copy = JSON.createObjectNode();
        if (mode.equals("FLEXIBLE")) {
            if (window == null) {
                throw ApiException.validation("MaximumWindowInMinutes is required when FlexibleTimeWindow.Mode is"
                        + " FLEXIBLE");
            }
            copy.put("MaximumWindowInMinutes", window);
        } else if (window != null) {
            throw ApiException.validation("MaximumWindowInMinutes must not be set when FlexibleTimeWindow.Mode is"
                    + " OFF");
        }
        copy.put("Mode", mode);
        return copy;
    }

    /** The target as stored and returned: as sent, with RetryPolicy defaults filled in as AWS reports them. */
    private static ObjectNode target(ObjectNode body) {
        JsonNode node = body.get("Target");
        if (node == null || node.isNull()) {
            throw ApiException.validation("Target is required");
        }
        if (!node.isObject()) {
            throw ApiException.validation("Target must be an object");
        }
        ObjectNode target = ((ObjectNode) node).deepCopy();
        String arn = optionalText(target, "Arn");
        if (arn == null) {
            throw ApiException.validation("Target.Arn is required");
        }
        if (!SqsDelivery.QUEUE_ARN.matcher(arn).matches()) {
            throw ApiException.validation("Target.Arn " + arn + " is not an SQS queue ARN; the local EventBridge"
                    + " Scheduler only delivers to SQS queues (arn:aws:sqs:<region>:<account>:<queue>)");
        }
        String role = optionalText(target, "RoleArn");
        if (role == null) {
            throw ApiException.validation("Target.RoleArn is required");
        }
        if (!ROLE_ARN.matcher(role).matches()) {
            throw ApiException.validation("Invalid Target.RoleArn " + role);
        }
        String input = optionalText(target, "Input");
        if (input != null && input.isEmpty()) {
            throw ApiException.validation("Target.Input must not be empty");
        }
        for (String parameters : TEMPLATED_PARAMETERS) {
            if (target.hasNonNull(parameters)) {
                throw ApiException.validation("Target." + parameters + " does not apply to an SQS target");
            }
        }
        checkSqsParameters(target.get("SqsParameters"));
        checkDeadLetter(target.get("DeadLetterConfig"));
        fillRetryPolicy(target);
        return target;
    }

    private static void checkSqsParameters(JsonNode sqsParameters) {
        if (sqsParameters != null && !sqsParameters.isNull()) {
            if (!sqsParameters.isObject()) {
                throw ApiException.validation("Target.SqsParameters must be an object");
            }
            String groupId = optionalText((ObjectNode) sqsParameters, "MessageGroupId");
            if (groupId != null && (groupId.isEmpty() || groupId.length() > 128)) {
                throw ApiException.validation("Target.SqsParameters.MessageGroupId must be 1 to 128 characters");
            }
        }
    }

    private static void checkDeadLetter(JsonNode deadLetter) {
        if (deadLetter != null && !deadLetter.isNull()) {
            if (!deadLetter.isObject()) {
                throw ApiException.validation("Target.DeadLetterConfig must be an object");
            }
            String dlq = optionalText((ObjectNode) deadLetter, "Arn");
            if (dlq != null && !DLQ_ARN.matcher(dlq).matches()) {
                throw ApiException.validation("Invalid Target.DeadLetterConfig.Arn " + dlq);
            }
        }
    }

    private static void fillRetryPolicy(ObjectNode target) {
        JsonNode retry = target.get("RetryPolicy");
        ObjectNode retryPolicy;
        if (retry == null || retry.isNull()) {
            retryPolicy = target.putObject("RetryPolicy");
        } else if (retry.isObject()) {
            retryPolicy = (ObjectNode) retry;
        } else {
            throw ApiException.validation("Target.RetryPolicy must be an object");
        }
        Integer age = optionalInt(retryPolicy, "MaximumEventAgeInSeconds", 60, 86_400);
        Integer attempts = optionalInt(retryPolicy, "MaximumRetryAttempts", 0, 185);
        retryPolicy.put("MaximumEventAgeInSeconds", age == null ? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS : age);
        retryPolicy.put("MaximumRetryAttempts", attempts == null ? DEFAULT_MAXIMUM_RETRY_ATTEMPTS : attempts);
    }
}
