package io.jiesu.localcloud.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** What a CreateSchedule or UpdateSchedule says, checked by {@link DefinitionReader}. */
record ScheduleDefinition(String group, String expressionText, String timezone, ScheduleExpression expression,
        Instant startDate, Instant endDate, String state, ObjectNode flexibleTimeWindow, ObjectNode target,
        String actionAfterCompletion, String description, String kmsKeyArn) {

    boolean deleteAfterCompletion() {
        return actionAfterCompletion.equals("DELETE");
    }

    String targetArn() {
        return target.get("Arn").asText();
    }

    String input() {
        JsonNode input = target.get("Input");
        return input == null || input.isNull() ? null : input.asText();
    }

    String messageGroupId() {
        JsonNode id = target.path("SqsParameters").get("MessageGroupId");
        return id == null || id.isNull() ? null : id.asText();
    }

    String deadLetterArn() {
        JsonNode arn = target.path("DeadLetterConfig").get("Arn");
        return arn == null || arn.isNull() ? null : arn.asText();
    }
}
