package io.jiesu.localcloud.scheduler;

import static io.jiesu.localcloud.scheduler.JsonMembers.JSON;
import static io.jiesu.localcloud.scheduler.JsonMembers.clientToken;
import static io.jiesu.localcloud.scheduler.JsonMembers.decodeToken;
import static io.jiesu.localcloud.scheduler.JsonMembers.encodeToken;
import static io.jiesu.localcloud.scheduler.JsonMembers.groupOrDefault;
import static io.jiesu.localcloud.scheduler.JsonMembers.maxResults;
import static io.jiesu.localcloud.scheduler.JsonMembers.putTime;
import static io.jiesu.localcloud.scheduler.JsonMembers.requireName;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * CreateSchedule, UpdateSchedule, GetSchedule, DeleteSchedule and ListSchedules: each request checked, applied to the
 * store, and answered in the service's JSON.
 */
final class ScheduleOperations {

    private final ScheduleStore store;

    ScheduleOperations(ScheduleStore store) {
        this.store = store;
    }

    ObjectNode create(String name, ObjectNode body) {
        Instant now = store.now();
        ScheduleDefinition def = DefinitionReader.read(name, body, now);
        String token = clientToken(body);
        return JSON.createObjectNode().put("ScheduleArn", store.create(name, def, now, token).arn);
    }

    ObjectNode update(String name, ObjectNode body) {
        Instant now = store.now();
        ScheduleDefinition def = DefinitionReader.read(name, body, now);
        return JSON.createObjectNode().put("ScheduleArn", store.update(name, def, now).arn);
    }

    ObjectNode get(String name, String groupName) {
        String group = groupOrDefault(groupName);
        requireName(name, "Name");
        return describe(store.get(group, name));
    }

    ObjectNode delete(String name, String groupName) {
        String group = groupOrDefault(groupName);
        requireName(name, "Name");
        store.delete(group, name);
        return JSON.createObjectNode();
    }

    ObjectNode list(Map<String, String> query) {
        String group = query.get("ScheduleGroup");
        if (group != null) {
            requireName(group, "GroupName");
        }
        String prefix = query.get("NamePrefix");
        if (prefix != null) {
            requireName(prefix, "NamePrefix");
        }
        String state = query.get("State");
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw ApiException.validation("State must be ENABLED or DISABLED, was " + state);
        }
        int maxResults = maxResults(query.get("MaxResults"));
        ScheduleKey after = null;
        String token = query.get("NextToken");
        if (token != null) {
            String[] parts = decodeToken(token).split("\u0000", -1);
            if (parts.length != 2) {
                throw ApiException.validation("Invalid NextToken");
            }
            after = new ScheduleKey(parts[0], parts[1]);
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("Schedules");
        ScheduleKey last = null;
        for (Schedule s : store.schedulesAfter(after, group)) {
            if ((group != null && !s.key.group().equals(group))
                    || (prefix != null && !s.key.name().startsWith(prefix))
                    || (state != null && !s.def.state().equals(state))) {
                continue;
            }
            if (list.size() == maxResults) {
                response.put("NextToken", encodeToken(last.group() + "\u0000" + last.name()));
                break;
            }
            summary(s, list.addObject());
            last = s.key;
        }
        return response;
    }

    private static void summary(Schedule s, ObjectNode summary) {
        summary.put("Arn", s.arn);
        putTime(summary, "CreationDate", s.creationDate);
        summary.put("GroupName", s.key.group());
        putTime(summary, "LastModificationDate", s.lastModificationDate);
        summary.put("Name", s.key.name());
        summary.put("State", s.def.state());
        summary.putObject("Target").put("Arn", s.def.targetArn());
    }

    private static ObjectNode describe(Schedule s) {
        ScheduleDefinition def = s.def;
        ObjectNode o = JSON.createObjectNode();
        o.put("ActionAfterCompletion", def.actionAfterCompletion());
        o.put("Arn", s.arn);
        putTime(o, "CreationDate", s.creationDate);
        if (def.description() != null) {
            o.put("Description", def.description());
        }
        if (def.endDate() != null) {
            putTime(o, "EndDate", def.endDate());
        }
        o.set("FlexibleTimeWindow", def.flexibleTimeWindow().deepCopy());
        o.put("GroupName", s.key.group());
        if (def.kmsKeyArn() != null) {
            o.put("KmsKeyArn", def.kmsKeyArn());
        }
        putTime(o, "LastModificationDate", s.lastModificationDate);
        o.put("Name", s.key.name());
        o.put("ScheduleExpression", def.expressionText());
        if (def.timezone() != null) {
            o.put("ScheduleExpressionTimezone", def.timezone());
        }
        if (def.startDate() != null) {
            putTime(o, "StartDate", def.startDate());
        }
        o.put("State", def.state());
        o.set("Target", def.target().deepCopy());
        return o;
    }
}
