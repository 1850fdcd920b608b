package io.jiesu.core.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HolidayListParsingTest {

    static HolidayList bundled(int year) throws Exception {
        try (InputStream in = HolidayListParsingTest.class.getResourceAsStream("/holidays-cn/" + year + ".json")) {
            return HolidayList.parse(in);
        }
    }

    static HolidayList parse(String json) {
        return HolidayList.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the2026ListHasItsDaysOffMakeUpDaysAndNotice() throws Exception {
        HolidayList list = bundled(2026);
        assertEquals(2026, list.year());
        assertEquals(39, list.offDays().size());
        assertEquals(true, list.offDays().get(LocalDate.of(2026, 2, 15)));
        assertEquals(false, list.offDays().get(LocalDate.of(2026, 2, 14)));
        assertNull(list.offDays().get(LocalDate.of(2026, 2, 7)), "ordinary weekends are not listed");
        assertEquals(List.of("https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm"), list.papers());
        assertFalse(list.isEmpty());
    }

    @Test
    void eachBundledYearIsAPublishedListWithItsNoticeOrEmptyUntilTheNoticeIsOut() throws Exception {
        // a year's file ships empty until the State Council notice comes out (each November), then with its days
        for (int year = 2024; year <= 2027; year++) {
            HolidayList list = bundled(year);
            assertEquals(year, list.year());
            assertEquals(list.isEmpty(), list.papers().isEmpty(), year + ": days without a notice, or a notice without days");
        }
    }

    @Test
    void aListWithoutADaysArrayIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"year\":2028,\"papers\":[]}"));
        assertEquals("holiday list 2028 has no 'days' array", e.getMessage());
    }

    @Test
    void aDayListedBothOffAndWorkingIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(
                "{\"year\":2028,\"days\":[{\"date\":\"2028-01-01\",\"isOffDay\":true},"
                        + "{\"date\":\"2028-01-01\",\"isOffDay\":false}]}"));
        assertEquals("holiday list 2028: 2028-01-01 is listed both as off and as working", e.getMessage());
    }

    @Test
    void aBadDateIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"year\":2028,\"days\":[{\"date\":\"2028-02-30\",\"isOffDay\":true}]}"));
        assertEquals("holiday list 2028: bad date '2028-02-30'", e.getMessage());
    }
}
