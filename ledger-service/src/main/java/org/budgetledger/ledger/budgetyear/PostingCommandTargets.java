package org.budgetledger.ledger.budgetyear;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Sends a posting command to its budget year by its {@code budgetYearId}, the member its
 * {@code @TargetAggregateIdentifier} marks (and no version, as none is marked): Axon's
 * {@link AnnotationCommandTargetResolver} looks the annotated members up again by reflection on every command, which
 * took about a tenth of the product's CPU in batch posting. Any other command, or one that names no budget year, goes
 * to that resolver, as before.
 */
public final class PostingCommandTargets implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof PostingCommand posting && posting.budgetYearId() != null) {
            return new VersionedAggregateIdentifier(posting.budgetYearId(), null);
        }
        return annotations.resolveTarget(command);
    }
}
