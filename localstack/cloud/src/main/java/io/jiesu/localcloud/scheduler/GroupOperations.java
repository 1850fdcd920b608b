package io.jiesu.localcloud.scheduler;

import static io.jiesu.localcloud.scheduler.JsonMembers.JSON;
import static io.jiesu.localcloud.scheduler.JsonMembers.clientToken;
import static io.jiesu.localcloud.scheduler.JsonMembers.decodeToken;
import static io.jiesu.localcloud.scheduler.JsonMembers.encodeToken;
import static io.jiesu.localcloud.scheduler.JsonMembers.maxResults;
import static io.jiesu.localcloud.scheduler.JsonMembers.putTime;
import static io.jiesu.localcloud.scheduler.JsonMembers.requireName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** CreateScheduleGroup, GetScheduleGroup, DeleteScheduleGroup and ListScheduleGroups. */
final class GroupOperations {

    private final ScheduleStore store;

    GroupOperations(ScheduleStore store) {
        this.store = store;
    }

    ObjectNode create(String name, ObjectNode body) {
        requireName(name, "Name");
        String token = clientToken(body);
        JsonNode tags = body.get("Tags");
        if (tags != null && !tags.isNull() && !tags.isArray()) {
            throw ApiException.validation("Tags must be a list");
        }
        return JSON.createObjectNode().put("ScheduleGroupArn", store.createGroup(name, token).arn());
    }

    ObjectNode get(String name) {
        requireName(name, "Name");
        return summary(store.group(name), JSON.createObjectNode());
    }

    ObjectNode delete(String name) {
        requireName(name, "Name");
        store.deleteGroup(name);
        return JSON.createObjectNode();
    }

    ObjectNode list(Map<String, String> query) {
        String prefix = query.get("NamePrefix");
        if (prefix != null) {
            requireName(prefix, "NamePrefix");
        }
        int maxResults = maxResults(query.get("MaxResults"));
        String after = query.get("NextToken") == null ? null : decodeToken(query.get("NextToken"));
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("ScheduleGroups");
        String last = null;
        for (ScheduleGroup g : store.groups()) {
            if ((after != null && g.name().compareTo(after) <= 0)
                    || (prefix != null && !g.name().startsWith(prefix))) {
                continue;
            }
            if (list.size() == maxResults) {
                response.put("NextToken", encodeToken(last));
                break;
            }
            summary(g, list.addObject());
            last = g.name();
        }
        return response;
    }

    private static ObjectNode summary(ScheduleGroup g, ObjectNode o) {
        o.put("Arn", g.arn());
        putTime(o, "CreationDate", g.creationDate());
        putTime(o, "LastModificationDate", g.creationDate());
        o.put("Name", g.name());
        o.put("State", "ACTIVE");
        return o;
    }
}
