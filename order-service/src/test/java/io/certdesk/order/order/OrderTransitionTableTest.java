package io.certdesk.order.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.certdesk.order.product.ValidationLevel;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties of the transition table itself. */
class OrderTransitionTableTest {

    @ParameterizedTest
    @EnumSource(ValidationLevel.class)
    void everyCommandLeadsToAtMostOneStateFromAnyState(ValidationLevel level) {
        for (OrderState state : OrderState.values()) {
            for (OrderCommand command : OrderCommand.values()) {
                long rows = java.util.Arrays.stream(OrderTransition.values())
                        .filter(t -> t.command() == command && t.track().covers(level) && t.from().contains(state))
                        .count();
                assertTrue(rows <= 1, command + " from " + state + " for " + level + " is ambiguous");
            }
        }
    }

    @Test
    void dvSkipsDocumentsAndCallOvAndEvMustPassThem() {
        assertEquals(OrderState.ISSUED,
                OrderTransition.find(OrderCommand.ISSUE, ValidationLevel.DV, OrderState.SUBMITTED).orElseThrow().to());
        for (ValidationLevel level : List.of(ValidationLevel.OV, ValidationLevel.EV)) {
            assertTrue(OrderTransition.find(OrderCommand.ISSUE, level, OrderState.SUBMITTED).isEmpty());
            assertEquals(List.of(OrderCommand.REQUEST_DOCUMENTS, OrderCommand.CANCEL),
                    OrderTransition.allowed(level, OrderState.SUBMITTED));
        }
        // ISSUE is order-service's own move once keystore reports the certificate: no person is offered it
        assertEquals(List.of(OrderCommand.CANCEL), OrderTransition.allowed(ValidationLevel.DV, OrderState.SUBMITTED));
        assertTrue(OrderTransition.find(OrderCommand.REQUEST_DOCUMENTS, ValidationLevel.DV, OrderState.SUBMITTED).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(ValidationLevel.class)
    void cancelIsPossibleExactlyBeforeIssuance(ValidationLevel level) {
        Set<OrderState> final_ = EnumSet.of(OrderState.ISSUED, OrderState.INSTALLED, OrderState.CANCELLED);
        for (OrderState state : OrderState.values()) {
            boolean cancellable = OrderTransition.find(OrderCommand.CANCEL, level, state).isPresent();
            assertEquals(!final_.contains(state), cancellable, level + " " + state);
        }
        assertTrue(OrderTransition.allowed(level, OrderState.INSTALLED).isEmpty());
        assertTrue(OrderTransition.allowed(level, OrderState.CANCELLED).isEmpty());
        assertFalse(OrderTransition.allowed(level, OrderState.ISSUED).contains(OrderCommand.CANCEL));
    }
}
