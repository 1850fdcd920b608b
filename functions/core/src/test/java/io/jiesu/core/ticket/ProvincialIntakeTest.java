package io.jiesu.core.ticket;

import io.jiesu.core.Refusal;
import org.junit.jupiter.api.Test;

import static io.jiesu.core.ticket.TicketFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** A provincial ticket (shorter clock, visit required) comes only from the province, with its provincial number. */
class ProvincialIntakeTest {

    private static NewTicket byProvinceChannel() {
        NewTicket in = request(Category.COMPLAINT);
        return new NewTicket(in.category(), Channel.PROVINCE, in.content(), in.citizen(), in.location(), in.matter(), false);
    }

    @Test
    void theOrdinaryIntakeRefusesTheProvinceChannelNamingIt() {
        Refusal refusal = refused(() -> Ticket.receive(ID, byProvinceChannel(), RECEIVED_AT, AGENT, DEADLINES));
        assertEquals(Refusal.Reason.INVALID, refusal.reason());
        assertEquals("channel", refusal.field());
    }

    @Test
    void aTicketFromTheProvinceIsProvincialWhateverChannelItWasBuiltWith() {
        Ticket t = Ticket.receiveFromProvince(ID, request(Category.COMPLAINT), new Ticket.ProvinceRef("gd", "GD-1"),
                RECEIVED_AT, new Actor("province-gd", Role.PROVINCE, null), DEADLINES).after();
        assertTrue(t.provincial());
        assertEquals(Channel.PROVINCE, t.channel());
    }
}
