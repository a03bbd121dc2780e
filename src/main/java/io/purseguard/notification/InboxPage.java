package io.purseguard.notification;

import java.util.List;

/**
 * One page of an account's inbox, newest first.
 *
 * @param page the page number, from 0
 * @param total every notice in the inbox
 * @param unread the inbox's unread notices (all pages)
 */
public record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
