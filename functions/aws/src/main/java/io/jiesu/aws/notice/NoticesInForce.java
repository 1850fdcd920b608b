package io.jiesu.aws.notice;

import io.jiesu.aws.Cached;
import io.jiesu.core.notice.NoticeBoard;
import io.jiesu.core.notice.Notices;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The published notices not yet ended, read at most once per period (one index query) for every intake and every
 * desk in the process: linking a ticket to its notice costs intake no read of its own. A change made in this process
 * is seen at once; one made elsewhere within the period.
 */
public class NoticesInForce implements Supplier<NoticeBoard> {
    private final Cached<NoticeBoard> board;

    public NoticesInForce(Notices notices, Clock clock, Duration period) {
        this.board = new Cached<>(period, clock, () -> new NoticeBoard(notices.notEndedAt(clock.instant())));
    }

    @Override
    public NoticeBoard get() {
        return board.get();
    }

    /** This process changed a notice: read them afresh next time. */
    public void changed() {
        board.invalidate();
    }
}
