package io.certdesk.order.order;

import static io.certdesk.order.order.OrderState.APPLYING;
import static io.certdesk.order.order.OrderState.CANCELLED;
import static io.certdesk.order.order.OrderState.CONTRACTED;
import static io.certdesk.order.order.OrderState.CSR_READY;
import static io.certdesk.order.order.OrderState.DOCUMENTS_PENDING;
import static io.certdesk.order.order.OrderState.INSTALLED;
import static io.certdesk.order.order.OrderState.INVOICED;
import static io.certdesk.order.order.OrderState.ISSUED;
import static io.certdesk.order.order.OrderState.PAID;
import static io.certdesk.order.order.OrderState.PHONE_VERIFICATION;
import static io.certdesk.order.order.OrderState.QUOTED;
import static io.certdesk.order.order.OrderState.SUBMITTED;

import io.certdesk.order.product.ValidationLevel;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The order workflow as one table: every legal move is a row (command, which certificates it applies to,
 * from-states, target state). Nothing else decides whether a command is legal; guards that need data
 * (payment, documents, the CA's call) are checked by the service after the table allowed the move. Rows of
 * system commands are taken by the orchestration when their remote step is done, never by a person.
 */
public enum OrderTransition {
    CONTRACT(OrderCommand.CONTRACT, Track.ALL, CONTRACTED, QUOTED),
    INVOICE(OrderCommand.INVOICE, Track.ALL, INVOICED, CONTRACTED),
    PAY(OrderCommand.RECORD_PAYMENT, Track.ALL, PAID, INVOICED),
    START_APPLICATION(OrderCommand.START_APPLICATION, Track.ALL, APPLYING, PAID),
    CSR_READY(OrderCommand.CSR_READY, Track.ALL, OrderState.CSR_READY, APPLYING),
    SUBMIT(OrderCommand.SUBMIT, Track.ALL, SUBMITTED, OrderState.CSR_READY),
    REQUEST_DOCUMENTS(OrderCommand.REQUEST_DOCUMENTS, Track.ORGANISATION, DOCUMENTS_PENDING, SUBMITTED),
    ACCEPT_DOCUMENTS(OrderCommand.ACCEPT_DOCUMENTS, Track.ORGANISATION, PHONE_VERIFICATION, DOCUMENTS_PENDING),
    ISSUE_DOMAIN_VALIDATED(OrderCommand.ISSUE, Track.DOMAIN, ISSUED, SUBMITTED),
    ISSUE_ORGANISATION_VALIDATED(OrderCommand.ISSUE, Track.ORGANISATION, ISSUED, PHONE_VERIFICATION),
    INSTALL(OrderCommand.INSTALL, Track.ALL, INSTALLED, ISSUED),
    OVERRIDE_DEPLOYMENT(OrderCommand.OVERRIDE_DEPLOYMENT, Track.ALL, INSTALLED, ISSUED),
    CANCEL(OrderCommand.CANCEL, Track.ALL, CANCELLED, QUOTED, CONTRACTED, INVOICED, PAID, APPLYING, OrderState.CSR_READY,
            SUBMITTED, DOCUMENTS_PENDING, PHONE_VERIFICATION);

    /** Which certificates a row applies to: DV skips the documents and the call; OV and EV must pass them. */
    public enum Track {
        ALL, DOMAIN, ORGANISATION;

        boolean covers(ValidationLevel level) {
            return switch (this) {
                case ALL -> true;
                case DOMAIN -> !level.requiresOrganisationChecks();
                case ORGANISATION -> level.requiresOrganisationChecks();
            };
        }
    }

    private final OrderCommand command;
    private final Track track;
    private final OrderState to;
    private final Set<OrderState> from;

    OrderTransition(OrderCommand command, Track track, OrderState to, OrderState first, OrderState... more) {
        this.command = command;
        this.track = track;
        this.to = to;
        this.from = EnumSet.of(first, more);
    }

    public OrderCommand command() {
        return command;
    }

    public OrderState to() {
        return to;
    }

    public Set<OrderState> from() {
        return from;
    }

    public Track track() {
        return track;
    }

    /** The row that lets {@code command} move an order of {@code level} out of {@code state}, if any. */
    public static Optional<OrderTransition> find(OrderCommand command, ValidationLevel level, OrderState state) {
        return Arrays.stream(values())
                .filter(t -> t.command == command && t.track.covers(level) && t.from.contains(state))
                .findFirst();
    }

    /** The commands a person may send to an order of {@code level} in {@code state}, in workflow order. */
    public static List<OrderCommand> allowed(ValidationLevel level, OrderState state) {
        return Arrays.stream(values())
                .filter(t -> !t.command.system() && t.track.covers(level) && t.from.contains(state))
                .map(OrderTransition::command)
                .distinct()
                .toList();
    }
}
