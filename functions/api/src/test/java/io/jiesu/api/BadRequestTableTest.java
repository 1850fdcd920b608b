package io.jiesu.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiesu.aws.resources.CloudResources;
import io.jiesu.aws.ticket.TicketWorkflow;
import io.jiesu.localcloud.testing.LocalCloudResource;
import io.jiesu.localcloud.testing.TestCloud;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The edge holds: one written table of bad requests, one row per way a client can get a request wrong, walked
 * through the api over HTTP, against the local cloud's emulators. Every row is answered with application/problem+json and its status, naming the field
 * to fix where there is one; none is a 500, and none leaves a ticket behind or changes one.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class BadRequestTableTest {
    @TestHTTPResource("/")
    java.net.URL base;
    @Inject
    TicketWorkflow workflow;
    @Inject
    java.time.Clock clock;

    /** In every intake row's text: no ticket may ever hold it. */
    static final String MARKER = "坏请求表-BAD-REQUEST-TABLE";
    static final String JSON = "application/json";
    /** Stands for the ticket the table acts on, dispatched to heating-company. */
    static final String ID = "{id}";

    /** What a row sends as its body. */
    record Body(byte[] bytes, boolean chunked) {
        static Body none() {
            return new Body(null, false);
        }

        static Body json(String text) {
            return new Body(text.getBytes(StandardCharsets.UTF_8), false);
        }

        /** Sent without a Content-Length, as a streaming client does. */
        static Body chunked(String text) {
            return new Body(text.getBytes(StandardCharsets.UTF_8), true);
        }

        static Body raw(byte[] bytes) {
            return new Body(bytes, false);
        }
    }

    /**
     * One bad request: role is the caller ("unit" and "reviewer" of heating-company; "none" sends no token, as
     * who is calling is settled before what they sent); contentType null sends no Content-Type; header is one
     * more "Name: value" header or null; field null means the problem names none.
     */
    record Row(String description, String method, String path, String role, String contentType, Body body,
               int status, String field, String header) {
        Row(String description, String method, String path, String role, String contentType, Body body,
            int status, String field) {
            this(description, method, path, role, contentType, body, status, field, null);
        }
    }

    static final List<Row> TABLE = List.of(
            // ---- intake: POST /v1/tickets ----------------------------------------------------------------------
            new Row("body is an array", "POST", "/v1/tickets", "agent", JSON, Body.json("[" + intake() + "]"), 400, null),
            new Row("body is a string", "POST", "/v1/tickets", "agent", JSON, Body.json("\"" + MARKER + "\""), 400, null),
            new Row("body is a number", "POST", "/v1/tickets", "agent", JSON, Body.json("42"), 400, null),
            new Row("empty body", "POST", "/v1/tickets", "agent", JSON, Body.json(""), 400, null),
            new Row("body is JSON null", "POST", "/v1/tickets", "agent", JSON, Body.json("null"), 400, null),
            new Row("JSON cut short", "POST", "/v1/tickets", "agent", JSON, Body.json("{\"category\":"), 400, null),
            new Row("trailing garbage after the JSON", "POST", "/v1/tickets", "agent", JSON, Body.json(intake() + " garbage"), 400, null),
            new Row("two JSON objects", "POST", "/v1/tickets", "agent", JSON, Body.json(intake() + intake()), 400, null),
            new Row("invalid UTF-8 in the body", "POST", "/v1/tickets", "agent", JSON, Body.raw(invalidUtf8()), 400, null),
            new Row("number where text is expected", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "123")), 400, "content"),
            new Row("boolean where text is expected", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenName", "true")), 400, "citizenName"),
            new Row("object where text is expected", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenName", "{\"x\":1}")), 400, "citizenName"),
            new Row("boolean given \"yes\"", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("answeredOnSpot", "\"yes\"")), 400, "answeredOnSpot"),
            new Row("unknown category", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("category", "\"grumble\"")), 400, "category"),
            new Row("category as a number", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("category", "3")), 400, "category"),
            new Row("unknown channel", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("channel", "\"fax\"")), 400, "channel"),
            new Row("no category", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("category", null)), 400, "category"),
            new Row("no content", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", null)), 400, "content"),
            new Row("content blank", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"   \"")), 400, "content"),
            new Row("content only ideographic spaces", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"\u3000\u3000\"")), 400, "content"),
            new Row("content only zero-width characters", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"\u200b\u200d\ufeff\u2060\"")), 400, "content"),
            new Row("content only zero-width characters and spaces", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"\u200b \u3000\u00a0\u202f\u200b\"")), 400, "content"),
            new Row("name only a zero-width space", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenName", "\"\u200b\"")), 400, "citizenName"),
            new Row("channel province over the ordinary intake", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("channel", "\"province\"")), 422, "channel"),
            new Row("content too long", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"" + MARKER + "x".repeat(4000) + "\"")), 400, "content"),
            new Row("content with a NUL", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"" + MARKER + "\\u0000\"")), 400, "content"),
            new Row("content with a lone surrogate", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"" + MARKER + "\\ud800\"")), 400, "content"),
            new Row("name over two lines", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenName", "\"张\\n三\"")), 400, "citizenName"),
            new Row("name too long", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenName", "\"" + "张".repeat(51) + "\"")), 400, "citizenName"),
            new Row("location too long", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("location", "\"" + MARKER + "路".repeat(200) + "\"")), 400, "location"),
            new Row("location with an escape character", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("location", "\"东城区\\u001b[31m\"")), 400, "location"),
            new Row("matter too long", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("matter", "\"" + "m".repeat(65) + "\"")), 400, "matter"),
            new Row("phone too short", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"12345\"")), 400, "citizenPhone"),
            new Row("phone with a digit too many", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"138123456789\"")), 400, "citizenPhone"),
            new Row("mobile prefix that does not exist", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"12012345678\"")), 400, "citizenPhone"),
            new Row("a US number", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"+1 202 555 0143\"")), 400, "citizenPhone"),
            new Row("landline without area code", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"64001234\"")), 400, "citizenPhone"),
            new Row("phone with letters", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"1381234abcd\"")), 400, "citizenPhone"),
            new Row("phone with an extension", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "\"010-64001234 ext 12\"")), 400, "citizenPhone"),
            new Row("phone as a number", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("citizenPhone", "13812345678")), 400, "citizenPhone"),
            new Row("Idempotency-Key too long", "POST", "/v1/tickets", "agent", JSON, Body.json(intake()), 400, "Idempotency-Key",
                    "Idempotency-Key: " + "k".repeat(129)),
            new Row("text/plain body", "POST", "/v1/tickets", "agent", "text/plain", Body.json(intake()), 415, null),
            new Row("XML body", "POST", "/v1/tickets", "agent", "application/xml", Body.json("<ticket/>"), 415, null),
            new Row("no Content-Type, and not JSON", "POST", "/v1/tickets", "agent", null, Body.json("category=complaint"), 415, null),
            new Row("no Content-Type, a JSON body", "POST", "/v1/tickets", "agent", null, Body.json(intake()), 415, null),
            new Row("no Content-Type, a chunked JSON body", "POST", "/v1/tickets", "agent", null, Body.chunked(intake()), 415, null),
            new Row("body over the limit", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"" + MARKER + "y".repeat(70_000) + "\"")), 413, null),
            new Row("chunked body over the limit", "POST", "/v1/tickets", "agent", JSON, Body.chunked(intake("content", "\"" + MARKER + "y".repeat(70_000) + "\"")), 413, null),
            new Row("body declared far over the limit: refused before it is read", "POST", "/v1/tickets", "agent", JSON, Body.json(intake("content", "\"" + MARKER + "z".repeat(1_100_000) + "\"")), 413, null),

            // ---- the dispatcher and the unit's steps ---------------------------------------------------------------
            new Row("dispatch without a lead unit", "POST", "/v1/tickets/" + ID + "/dispatch", "dispatcher", JSON, Body.json("{\"coUnits\":[]}"), 400, "leadUnit"),
            new Row("dispatch: lead unit a number", "POST", "/v1/tickets/" + ID + "/dispatch", "dispatcher", JSON, Body.json("{\"leadUnit\":5}"), 400, "leadUnit"),
            new Row("dispatch: co-units not a list", "POST", "/v1/tickets/" + ID + "/dispatch", "dispatcher", JSON, Body.json("{\"leadUnit\":\"heating-company\",\"coUnits\":\"housing-bureau\"}"), 400, "coUnits"),
            new Row("dispatch: eleven co-units", "POST", "/v1/tickets/" + ID + "/dispatch", "dispatcher", JSON,
                    Body.json("{\"leadUnit\":\"heating-company\",\"coUnits\":[" + "\"housing-bureau\",".repeat(10) + "\"water-authority\"]}"), 400, "coUnits"),
            new Row("dispatch: a blank co-unit", "POST", "/v1/tickets/" + ID + "/dispatch", "dispatcher", JSON, Body.json("{\"leadUnit\":\"heating-company\",\"coUnits\":[\" \"]}"), 400, "coUnits[0]"),
            new Row("dispatch: lead unit with a line break", "POST", "/v1/tickets/" + ID + "/dispatch", "dispatcher", JSON, Body.json("{\"leadUnit\":\"heating\\ncompany\"}"), 400, "leadUnit"),
            new Row("dispatch: ticket id with a space", "POST", "/v1/tickets/T%20x/dispatch", "dispatcher", JSON, Body.json("{\"leadUnit\":\"heating-company\"}"), 400, "id"),
            new Row("dispatch: ticket id too long", "POST", "/v1/tickets/T" + "1".repeat(41) + "/dispatch", "dispatcher", JSON, Body.json("{\"leadUnit\":\"heating-company\"}"), 400, "id"),
            new Row("sign: a ticket id of 5,000 characters", "POST", "/v1/tickets/T" + "1".repeat(5_000) + "/sign", "unit", JSON, Body.none(), 414, null),
            new Row("read: a ticket id of 5,000 characters", "GET", "/v1/tickets/T" + "1".repeat(5_000), "agent", null, Body.none(), 414, null),
            new Row("return: reason only zero-width characters", "POST", "/v1/tickets/" + ID + "/return", "unit", JSON, Body.json("{\"reason\":\"\u200b\u2060\"}"), 400, "reason"),
            new Row("reply: result only zero-width characters", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("result", "\"\u200b\u200c\"")), 400, "result"),
            new Row("contact: a JSON body without Content-Type", "POST", "/v1/tickets/" + ID + "/contacts", "unit", null, Body.json("{\"kind\":\"first\"}"), 415, null),
            new Row("sign: not a ticket id", "POST", "/v1/tickets/12345/sign", "unit", JSON, Body.none(), 400, "id"),
            new Row("sign: ticket id with a control character", "POST", "/v1/tickets/T%07x/sign", "unit", JSON, Body.none(), 400, "id"),
            new Row("sign: GET instead of POST", "GET", "/v1/tickets/" + ID + "/sign", "unit", null, Body.none(), 405, null),
            new Row("return: blank reason", "POST", "/v1/tickets/" + ID + "/return", "unit", JSON, Body.json("{\"reason\":\"  \"}"), 400, "reason"),
            new Row("return: reason too long", "POST", "/v1/tickets/" + ID + "/return", "unit", JSON, Body.json("{\"reason\":\"" + "理".repeat(1001) + "\"}"), 400, "reason"),
            new Row("return: reason a list", "POST", "/v1/tickets/" + ID + "/return", "unit", JSON, Body.json("{\"reason\":[\"a\"]}"), 400, "reason"),
            new Row("return: empty body", "POST", "/v1/tickets/" + ID + "/return", "unit", JSON, Body.none(), 400, null),
            new Row("contact: unknown kind", "POST", "/v1/tickets/" + ID + "/contacts", "unit", JSON, Body.json("{\"kind\":\"pigeon\"}"), 400, "kind"),
            new Row("contact: kind by its position", "POST", "/v1/tickets/" + ID + "/contacts", "unit", JSON, Body.json("{\"kind\":0}"), 400, "kind"),
            new Row("contact: note with a bell", "POST", "/v1/tickets/" + ID + "/contacts", "unit", JSON, Body.json("{\"kind\":\"first\",\"note\":\"ding\\u0007\"}"), 400, "note"),
            new Row("contact: body an array", "POST", "/v1/tickets/" + ID + "/contacts", "unit", JSON, Body.json("[{\"kind\":\"first\"}]"), 400, null),
            new Row("reply: handler phone not a number", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("handlerPhone", "\"call reception\"")), 400, "handlerPhone"),
            new Row("reply: handler phone a short code", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("handlerPhone", "\"12345\"")), 400, "handlerPhone"),
            new Row("reply: unknown outcome", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("outcome", "\"maybe\"")), 400, "outcome"),
            new Row("reply: result too long", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("result", "\"" + "办".repeat(4001) + "\"")), 400, "result"),
            new Row("reply: handler name over two lines", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("handlerName", "\"李\\r\\n工\"")), 400, "handlerName"),
            new Row("reply: trailing garbage", "POST", "/v1/tickets/" + ID + "/reply", "reviewer", JSON, Body.json(reply("outcome", "\"solved\"") + "}"), 400, null),
            new Row("extension: zero days", "POST", "/v1/tickets/" + ID + "/extensions", "unit", JSON, Body.json("{\"days\":0,\"reason\":\"需协调\"}"), 400, "days"),
            new Row("extension: 31 days", "POST", "/v1/tickets/" + ID + "/extensions", "unit", JSON, Body.json("{\"days\":31,\"reason\":\"需协调\"}"), 400, "days"),
            new Row("extension: days as words", "POST", "/v1/tickets/" + ID + "/extensions", "unit", JSON, Body.json("{\"days\":\"five\",\"reason\":\"需协调\"}"), 400, "days"),
            new Row("extension: a fraction of a day", "POST", "/v1/tickets/" + ID + "/extensions", "unit", JSON, Body.json("{\"days\":2.5,\"reason\":\"需协调\"}"), 400, "days"),
            new Row("extension: no reason", "POST", "/v1/tickets/" + ID + "/extensions", "unit", JSON, Body.json("{\"days\":2}"), 400, "reason"),
            new Row("extension decision: approved \"yes\"", "POST", "/v1/tickets/" + ID + "/extensions/decision", "dispatcher", JSON, Body.json("{\"approved\":\"yes\"}"), 400, "approved"),
            new Row("extension decision: no decision", "POST", "/v1/tickets/" + ID + "/extensions/decision", "dispatcher", JSON, Body.json("{\"note\":\"同意\"}"), 400, "approved"),
            new Row("callback: solved \"yes\"", "POST", "/v1/tickets/" + ID + "/callback", "agent", JSON, Body.json("{\"satisfaction\":\"satisfied\",\"solved\":\"yes\"}"), 400, "solved"),
            new Row("callback: unknown satisfaction", "POST", "/v1/tickets/" + ID + "/callback", "agent", JSON, Body.json("{\"satisfaction\":\"delighted\",\"solved\":true}"), 400, "satisfaction"),
            new Row("callback: nothing said", "POST", "/v1/tickets/" + ID + "/callback", "agent", JSON, Body.json("{}"), 400, "satisfaction"),
            new Row("callback: note too long", "POST", "/v1/tickets/" + ID + "/callback", "agent", JSON, Body.json("{\"satisfaction\":\"satisfied\",\"solved\":true,\"note\":\"" + "n".repeat(1001) + "\"}"), 400, "note"),

            // ---- reading ---------------------------------------------------------------------------------------------
            new Row("ticket: not a ticket id", "GET", "/v1/tickets/..%2F..%2Fetc", "agent", null, Body.none(), 400, "id"),
            new Row("ticket: no such ticket", "GET", "/v1/tickets/T-does-not-exist", "agent", null, Body.none(), 404, null),
            new Row("ticket: DELETE", "DELETE", "/v1/tickets/" + ID, "admin", null, Body.none(), 405, null),
            new Row("tickets: GET the collection", "GET", "/v1/tickets", "agent", null, Body.none(), 405, null),
            new Row("no such route", "GET", "/v1/nowhere", "agent", null, Body.none(), 404, null),
            new Row("no such route outside /v1", "GET", "/nowhere", "agent", null, Body.none(), 404, null),
            new Row("catalogue: asks for text", "GET", "/v1/catalogue", "agent", null, Body.none(), 406, null, "Accept: text/plain"),
            new Row("a bad id from a caller without a token: 401 first", "GET", "/v1/tickets/bad!id", "none", null, Body.none(), 401, null),
            new Row("a bad year from a role that may not read the calendar: 403 first", "GET", "/v1/admin/calendar/abc", "agent", null, Body.none(), 403, null),
            new Row("inbox: limit not a number", "GET", "/v1/units/heating-company/inbox?limit=abc", "supervisor", null, Body.none(), 400, "limit"),
            new Row("inbox: limit zero", "GET", "/v1/units/heating-company/inbox?limit=0", "supervisor", null, Body.none(), 400, "limit"),
            new Row("inbox: limit too large", "GET", "/v1/units/heating-company/inbox?limit=501", "supervisor", null, Body.none(), 400, "limit"),
            new Row("inbox: limit beyond an int", "GET", "/v1/units/heating-company/inbox?limit=99999999999", "supervisor", null, Body.none(), 400, "limit"),
            new Row("inbox: unknown state", "GET", "/v1/units/heating-company/inbox?state=lost", "supervisor", null, Body.none(), 400, "state"),
            new Row("inbox: empty state", "GET", "/v1/units/heating-company/inbox?state=", "supervisor", null, Body.none(), 400, "state"),
            new Row("inbox: unit id with a space", "GET", "/v1/units/Heating%20Company/inbox", "supervisor", null, Body.none(), 400, "unitId"),
            new Row("inbox: unit id too long", "GET", "/v1/units/" + "u".repeat(65) + "/inbox", "supervisor", null, Body.none(), 400, "unitId"),
            new Row("dispatch pool: limit not a number", "GET", "/v1/dispatch/pending?limit=ten", "dispatcher", null, Body.none(), 400, "limit"),

            // ---- the catalogue and the calendar --------------------------------------------------------------------------
            new Row("catalogue: body an array", "PUT", "/v1/catalogue", "admin", JSON, Body.json("[]"), 400, null),
            new Row("catalogue: cut short", "PUT", "/v1/catalogue", "admin", JSON, Body.json("{\"units\":["), 400, null),
            new Row("catalogue: text/plain", "PUT", "/v1/catalogue", "admin", "text/plain", Body.json("{}"), 415, null),
            new Row("catalogue: empty body", "PUT", "/v1/catalogue", "admin", JSON, Body.none(), 400, null),
            new Row("catalogue: no units", "PUT", "/v1/catalogue", "admin", JSON, Body.json("{\"units\":[],\"matters\":[]}"), 400, "units"),
            new Row("catalogue: units not a list", "PUT", "/v1/catalogue", "admin", JSON, Body.json("{\"units\":\"heating-company\"}"), 400, "units"),
            new Row("catalogue: a unit without id", "PUT", "/v1/catalogue", "admin", JSON, Body.json("{\"units\":[{\"name\":\"区热力集团\"}]}"), 400, "units[0].id"),
            new Row("catalogue: a unit id with spaces", "PUT", "/v1/catalogue", "admin", JSON, Body.json("{\"units\":[{\"id\":\"Heating Co\",\"name\":\"区热力集团\"}]}"), 400, "units[0].id"),
            new Row("catalogue: a unit listed twice", "PUT", "/v1/catalogue", "admin", JSON,
                    Body.json("{\"units\":[{\"id\":\"heating\",\"name\":\"甲\"},{\"id\":\"heating\",\"name\":\"乙\"}]}"), 400, "units[1].id"),
            new Row("catalogue: a unit without a name", "PUT", "/v1/catalogue", "admin", JSON, Body.json("{\"units\":[{\"id\":\"heating\"}]}"), 400, "units[0].name"),
            new Row("catalogue: a head's address that is no address", "PUT", "/v1/catalogue", "admin", JSON,
                    Body.json("{\"units\":[{\"id\":\"heating\",\"name\":\"甲\",\"headEmail\":\"head at heating\"}]}"), 400, "units[0].headEmail"),
            new Row("catalogue: a head's address carrying a second header", "PUT", "/v1/catalogue", "admin", JSON,
                    Body.json("{\"units\":[{\"id\":\"heating\",\"name\":\"甲\",\"headEmail\":\"a@b.cn\\r\\nBcc: x@y.cn\"}]}"), 400, "units[0].headEmail"),
            new Row("catalogue: a matter naming no unit of the list", "PUT", "/v1/catalogue", "admin", JSON,
                    Body.json("{\"units\":[{\"id\":\"heating\",\"name\":\"甲\"}],\"matters\":[{\"code\":\"m\",\"name\":\"事\",\"leadUnit\":\"nobody\"}]}"), 400, null),
            new Row("catalogue: a blank keyword", "PUT", "/v1/catalogue", "admin", JSON,
                    Body.json("{\"units\":[{\"id\":\"heating\",\"name\":\"甲\"}],\"matters\":[{\"code\":\"m\",\"name\":\"事\",\"leadUnit\":\"heating\",\"keywords\":[\"暖气\",\" \"]}]}"), 400, "matters[0].keywords[1]"),
            new Row("calendar: year not a number", "PUT", "/v1/admin/calendar/twenty", "admin", JSON, Body.json("{\"year\":2026,\"days\":[]}"), 400, "year"),
            new Row("calendar: year out of range", "PUT", "/v1/admin/calendar/99999", "admin", JSON, Body.json("{\"year\":99999,\"days\":[]}"), 400, "year"),
            new Row("calendar: read a year beyond any date", "GET", "/v1/admin/calendar/2147483647", "admin", null, Body.none(), 400, "year"),
            new Row("calendar: body an array", "PUT", "/v1/admin/calendar/2026", "admin", JSON, Body.json("[]"), 422, "days"),
            new Row("calendar: cut short", "PUT", "/v1/admin/calendar/2026", "admin", JSON, Body.json("{\"year\":2026,\"days\":["), 422, "days"),
            new Row("calendar: the list of another year", "PUT", "/v1/admin/calendar/2026", "admin", JSON,
                    Body.json("{\"year\":2025,\"days\":[{\"name\":\"元旦\",\"date\":\"2025-01-01\",\"isOffDay\":true}]}"), 422, "year"),
            new Row("calendar: isOffDay \"yes\"", "PUT", "/v1/admin/calendar/2026", "admin", JSON,
                    Body.json("{\"year\":2026,\"days\":[{\"name\":\"元旦\",\"date\":\"2026-01-01\",\"isOffDay\":\"yes\"}]}"), 422, "days"),
            new Row("calendar: text/plain", "PUT", "/v1/admin/calendar/2026", "admin", "text/plain", Body.json("{}"), 415, null),
            // rates: a day must lie in a year the calendar holds (a +99999 date parses, but names no counted day)
            new Row("rates: from a year beyond the calendar", "GET", "/v1/rates?from=%2B99999-01-01&to=%2B99999-01-31", "supervisor", null, Body.none(), 422, "from"),
            new Row("rates: from a year beyond the calendar, + unescaped", "GET", "/v1/rates?from=+99999-01-01&to=+99999-01-31", "supervisor", null, Body.none(), 422, "from"),
            new Row("rates: to a year beyond the calendar", "GET", "/v1/rates?from=2100-12-01&to=2101-01-31", "supervisor", null, Body.none(), 422, "to"),
            new Row("rates: a unit's, from a year before the calendar", "GET", "/v1/rates/units/heating-company?from=1999-12-31&to=2000-01-02", "supervisor", null, Body.none(), 422, "from"),
            new Row("rankings: a month beyond the calendar", "GET", "/v1/rankings/%2B99999-01", "supervisor", null, Body.none(), 422, "month"));

    @Test
    void everyBadRequestIsAProblemNamingItsFieldAndWritesNothing() throws Exception {
        TestApi api = new TestApi(base.toURI());
        String ticket = api.dispatchedTicket(workflow, clock, "坏请求表的对象 暖气不热", "heating-company");
        String supervisor = api.token("supervisor");
        JsonNode before = api.get("/v1/tickets/" + ticket, supervisor).body();
        int historyBefore = api.get("/v1/tickets/" + ticket + "/history", supervisor).body().size();
        String catalogueBefore = api.get("/v1/catalogue", api.token("admin")).raw().body();

        List<Executable> checks = new ArrayList<>();
        try {
            for (Row row : TABLE) {
                try {
                    TestApi.Reply r = send(api, row, ticket);
                    checks.add(() -> assertRow(row, r));
                } catch (RuntimeException e) {
                    checks.add(() -> fail(row.description() + ": no answer (" + e.getCause() + ")", e));
                }
            }
        } finally {
            String catalogueAfter = api.get("/v1/catalogue", api.token("admin")).raw().body();
            if (!catalogueAfter.equals(catalogueBefore)) { // a row got through: put the demo catalogue back for the other tests
                api.send(api.request("/v1/catalogue", api.token("admin")).header("Content-Type", JSON)
                        .PUT(HttpRequest.BodyPublishers.ofString(catalogueBefore)).build());
                checks.add(() -> fail("a catalogue row replaced the catalogue"));
            }
        }
        assertAll("the bad request table (" + TABLE.size() + " rows)", checks);

        JsonNode after = api.get("/v1/tickets/" + ticket, supervisor).body();
        assertEquals(before.path("version").asLong(), after.path("version").asLong(), "the ticket the table acted on is unchanged: " + after);
        assertEquals(historyBefore, api.get("/v1/tickets/" + ticket + "/history", supervisor).body().size(),
                "no step was recorded on it");
        assertEquals(List.of(), itemsHolding(api, MARKER), "no intake row left a ticket behind");
    }

    /** Not in the table: the forms a valid number comes in are all taken, and stored as one. */
    @Test
    void phoneNumbersAreTakenInTheirUsualFormsAndStoredInOne() throws Exception {
        TestApi api = new TestApi(base.toURI());
        String agent = api.token("agent");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("13812345678", "13812345678");
        typed.put("+86 138 1234 5678", "13812345678");
        typed.put("138-1234-5678", "13812345678");
        typed.put("0086 13812345678", "13812345678");
        typed.put("010-64001234", "01064001234");
        typed.put("(010) 6400 1234", "01064001234");
        typed.put("+86 10 6400 1234", "01064001234");
        typed.put("0755-88881234", "075588881234");
        for (Map.Entry<String, String> e : typed.entrySet()) {
            String body = TestApi.complaint("电话格式 路灯不亮").replace("13812345678", e.getKey());
            TestApi.Reply r = api.post("/v1/tickets", agent, body);
            assertEquals(201, r.status(), e.getKey() + ": " + r.raw().body());
            assertEquals(e.getValue(), r.body().path("citizen").path("phone").asText(), e.getKey());
        }
    }

    private static void assertRow(Row row, TestApi.Reply r) {
        String what = row.description() + " (" + row.method() + " " + row.path() + "): " + r.raw().body();
        assertEquals(row.status(), r.status(), what);
        assertEquals("application/problem+json", r.raw().headers().firstValue("Content-Type").orElse(""), what);
        assertEquals(row.status(), r.body().path("status").asInt(), what);
        assertFalse(r.body().path("detail").asText("").isBlank(), "a problem says what is wrong: " + what);
        if (row.field() != null) {
            assertEquals(row.field(), r.body().path("errors").path(0).path("field").asText(null), what);
        }
    }

    private static TestApi.Reply send(TestApi api, Row row, String ticket) {
        String token = switch (row.role()) {
            case "unit" -> api.unitToken("heating-company");
            case "reviewer" -> api.reviewerToken("heating-company");
            case "none" -> null;
            default -> api.token(row.role());
        };
        HttpRequest.Builder b = api.request(row.path().replace(ID, ticket), token);
        if (row.contentType() != null) {
            b.header("Content-Type", row.contentType());
        }
        if (row.header() != null) {
            String[] h = row.header().split(": ", 2);
            b.header(h[0], h[1]);
        }
        byte[] bytes = row.body().bytes();
        HttpRequest.BodyPublisher publisher = bytes == null ? HttpRequest.BodyPublishers.noBody()
                : row.body().chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return api.send(b.method(row.method(), publisher).build());
    }

    /** The keys of every item in the table whose document holds the text (a scan: fine for a test). */
    private static List<String> itemsHolding(TestApi api, String text) {
        List<String> found = new ArrayList<>();
        try (var dynamo = TestCloud.dynamo()) {
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(CloudResources.TABLE);
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            var page = dynamo.scan(scan.build());
            page.items().stream()
                    .filter(item -> item.values().stream().anyMatch(v -> v.s() != null && v.s().contains(text)))
                    .forEach(item -> found.add(item.toString()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        }
        return found;
    }

    // ---- bodies ------------------------------------------------------------------------------------------------------

    /** A valid intake body holding the marker. */
    static String intake() {
        return intake("category", "\"complaint\"");
    }

    /** The valid intake body with one field's raw JSON value replaced, or left out when null. */
    static String intake(String field, String rawJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("category", "\"complaint\"");
        fields.put("channel", "\"phone\"");
        fields.put("content", "\"" + MARKER + " 暖气不热\"");
        fields.put("citizenName", "\"张三\"");
        fields.put("citizenPhone", "\"13812345678\"");
        fields.put("location", "\"" + MARKER + " 东城区和平里3号楼\"");
        return object(fields, field, rawJson);
    }

    /** A valid reply body with one field's raw JSON value replaced, or left out when null. */
    static String reply(String field, String rawJson) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("result", "\"已处理\"");
        fields.put("outcome", "\"solved\"");
        fields.put("handlerName", "\"李工\"");
        fields.put("handlerPhone", "\"01064001234\"");
        return object(fields, field, rawJson);
    }

    private static String object(Map<String, String> fields, String field, String rawJson) {
        if (rawJson == null) {
            fields.remove(field);
        } else {
            fields.put(field, rawJson);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    /** The intake body with two bytes that are not UTF-8 inside the content. */
    private static byte[] invalidUtf8() {
        byte[] valid = intake().getBytes(StandardCharsets.UTF_8);
        int at = intake().substring(0, intake().indexOf(" 暖气")).getBytes(StandardCharsets.UTF_8).length;
        byte[] out = new byte[valid.length + 2];
        System.arraycopy(valid, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(valid, at, out, at + 2, valid.length - at);
        return out;
    }
}
