package io.certdesk.order.siteseal;

/** OPEN until the seal is placed where the customer agreed, or the customer declines it. */
public enum SiteSealStatus {
    OPEN, PLACED, NOT_PLACED
}
