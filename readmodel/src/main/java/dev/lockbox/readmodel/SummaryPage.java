package dev.lockbox.readmodel;

import java.util.List;

/** One page of a listing, newest first, with the total number of matching rows. */
public record SummaryPage(List<RequestSummary> items, int page, int size, long total) {

  public SummaryPage {
    items = List.copyOf(items);
  }
}
