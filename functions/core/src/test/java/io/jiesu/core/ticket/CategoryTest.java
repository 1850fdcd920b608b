package io.jiesu.core.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CategoryTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachCategoryHasItsLowerCaseWireCodeAndChineseLabel() {
        assertEquals(List.of("consultation", "help_request", "suggestion", "complaint", "report"),
                Arrays.stream(Category.values()).map(Category::code).toList());
        assertEquals(List.of("咨询", "求助", "意见建议", "投诉", "举报"),
                Arrays.stream(Category.values()).map(Category::label).toList());
    }

    @Test
    void onlyComplaintsAndReportsAreUrgent() {
        assertEquals(List.of(Category.COMPLAINT, Category.REPORT),
                Arrays.stream(Category.values()).filter(Category::urgent).toList());
    }

    @Test
    void fromCodeFindsAKnownCodeAndNothingForAnUnknownOne() {
        assertEquals(Optional.of(Category.HELP_REQUEST), Category.fromCode("help_request"));
        assertEquals(Optional.empty(), Category.fromCode("HELP_REQUEST"));
        assertEquals(Optional.empty(), Category.fromCode(null));
    }

    @Test
    void jsonUsesTheWireCodeBothWays() throws Exception {
        assertEquals("\"help_request\"", json.writeValueAsString(Category.HELP_REQUEST));
        assertEquals(Category.REPORT, json.readValue("\"report\"", Category.class));
    }

    @Test
    void anUnknownCodeInJsonIsRefusedListingTheAllowedCodes() {
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> json.readValue("\"praise\"", Category.class));
        IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("unknown category 'praise'; allowed: consultation, help_request, suggestion, complaint, report",
                cause.getMessage());
    }
}
