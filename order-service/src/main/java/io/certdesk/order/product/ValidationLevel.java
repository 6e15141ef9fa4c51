package io.certdesk.order.product;

/** How much the CA checks before issuing: domain only, organisation, or extended validation. */
public enum ValidationLevel {
    DV, OV, EV;

    /** OV and EV need the sealed application form, documents and the CA's phone call. */
    public boolean requiresOrganisationChecks() {
        return this != DV;
    }
}
