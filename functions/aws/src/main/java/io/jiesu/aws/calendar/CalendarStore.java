package io.jiesu.aws.calendar;

import io.jiesu.aws.Cached;
import io.jiesu.core.calendar.HolidayList;
import io.jiesu.core.calendar.WorkCalendar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The working-day calendar: the bundled State Council lists, with any year's list loaded at run time (each
 * November's notice) stored in the table and taking precedence. Read through a short cache.
 */
public class CalendarStore {
    private static final String PK = "CALENDAR";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Cached<WorkCalendar> current;

    public CalendarStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.current = new Cached<>(Duration.ofSeconds(30), clock, this::read);
    }

    public WorkCalendar current() {
        return current.get();
    }

    private WorkCalendar read() {
        WorkCalendar calendar = WorkCalendar.bundled();
        for (Map<String, AttributeValue> item : dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk", s(PK)))
                .build()).items()) {
            calendar = calendar.withYear(HolidayList.parse(new ByteArrayInputStream(
                    item.get("doc").s().getBytes(StandardCharsets.UTF_8))));
        }
        return calendar;
    }

    /** Stores a year's list (the holiday-cn JSON shape), replacing any earlier one; later deadlines use it. */
    public HolidayList load(String json) {
        HolidayList list = HolidayList.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(Map.of("PK", s(PK),
                "SK", s(Integer.toString(list.year())), "doc", s(json))).build());
        current.invalidate();
        return list;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
