package io.jiesu.routing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketImportTest {
    private static List<RoutingExample> read(String s) {
        return TicketImport.read(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void csvWithQuotedCommasQuotesAndLineBreaks() {
        List<RoutingExample> rows = read("""
                text,category,location,unit,channel
                "路灯坏了，晚上很黑","市政",朝阳区,城管局,phone
                "他说""马上修""
                第二行",,,交通局,
                """);

        assertEquals(2, rows.size());
        assertEquals(new TicketText("路灯坏了，晚上很黑", "市政", "朝阳区", "phone"), rows.get(0).ticket());
        assertEquals("城管局", rows.get(0).unit());
        assertEquals("他说\"马上修\"\n第二行", rows.get(1).ticket().text());
        assertNull(rows.get(1).ticket().category());
        assertEquals(Lesson.HAND_KEPT.weight(), rows.get(1).weight());
    }

    @Test
    void aCsvSavedByExcelOnAChineseWindowsIsReadAsGbk() {
        String csv = "text,category,location,unit\n路灯坏了，晚上很黑,市政,朝阳区,城管局\n";

        List<RoutingExample> rows = TicketImport.read(csv.getBytes(java.nio.charset.Charset.forName("GBK")));

        assertEquals("路灯坏了，晚上很黑", rows.get(0).ticket().text());
        assertEquals("城管局", rows.get(0).unit());
        assertEquals(rows, read(csv), "the same rows as from UTF-8");
    }

    @Test
    void aFileThatIsNeitherUtf8NorGbkIsRefusedInsteadOfReadAsGarbage() {
        byte[] notText = {'t', 'e', 'x', 't', ',', 'u', 'n', 'i', 't', '\n', (byte) 0xFF, (byte) 0xFF, ',', 'a', '\n'};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TicketImport.read(notText));

        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void aRowWithoutUnitIsRefusedByItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("text,unit\n路灯,城管局\n井盖,\n"));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("unit"), e.getMessage());
    }

    @Test
    void aHeaderWithoutTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> read("body,unit\n路灯,城管局\n"));
    }

    @Test
    void jsonImportAndLabelledMessages() {
        List<RoutingExample> imported = read("""
                [{"text":"公交晚点","category":"交通","location":"海淀区","unit":"交通局"}]""");
        List<RoutingExample> labelled = read("""
                [{"id":"7","subject":"学校收费","body":"开学收费不合理","label":"教育文体"}]""");

        assertEquals(new TicketText("公交晚点", "交通", "海淀区", null), imported.get(0).ticket());
        assertEquals("学校收费\n开学收费不合理", labelled.get(0).ticket().text());
        assertEquals("教育文体", labelled.get(0).unit());
    }
}
