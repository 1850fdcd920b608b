package io.jiesu.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynonymsTest {
    @Test
    void readsOneGroupPerLineWithComments() {
        Synonyms synonyms = Synonyms.parse("""
                # heating
                暖气,供暖, 采暖   # the same thing
                                
                燃气，天然气
                """);

        assertEquals(List.of(List.of("暖气", "供暖", "采暖"), List.of("燃气", "天然气")), synonyms.groups());
    }

    @Test
    void refusesABadLineNamingIt() {
        assertRefused("暖气,供暖\n燃气\n", "line 2", "two");
        assertRefused("暖气,,供暖", "line 1", "empty");
        assertRefused("# c\n暖气,供 暖", "line 2", "space");
        assertRefused("暖气 => 供暖", "line 1", "=>");
        assertRefused("a,b\nc,d\n暖气,？", "line 3", "letter");
        assertRefused("暖气,暖气", "line 1", "two different");
    }

    private static void assertRefused(String text, String line, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Synonyms.parse(text));
        assertTrue(e.getMessage().contains(line) && e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void theShippedListIsReadable() {
        Synonyms defaults = Synonyms.defaults();
        assertTrue(defaults.groups().size() > 30);
        assertTrue(defaults.groups().contains(List.of("公积金", "住房公积金")));
    }
}
