package io.jiesu.api.notice;

/** No notice with this id. */
public class NoticeNotFoundException extends RuntimeException {
    public NoticeNotFoundException(String id) {
        super("no notice " + (id.length() > 64 ? id.substring(0, 64) + "…" : id), null, false, false);
    }
}
