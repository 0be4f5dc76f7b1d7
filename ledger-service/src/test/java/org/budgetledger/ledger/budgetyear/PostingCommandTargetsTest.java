package org.budgetledger.ledger.budgetyear;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.budgetledger.contracts.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command goes to the budget year Axon's annotation resolver would send it to: a posting command by its
 * {@code budgetYearId}, read without looking its annotations up again (PostingCommandTargets), any other command by
 * its annotations.
 */
class PostingCommandTargetsTest {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver targets = new PostingCommandTargets();
    private final Posting posting = new Posting("t1", "U1", 2023, LocalDate.of(2023, 3, 1), "clerk", null, null);

    @Test
    void a_posting_command_goes_to_the_budget_year_its_annotation_names() {
        for (PostingCommand command : List.of(
                new Transfer(posting.budgetYearId(), posting, "a1", "a2", Money.parseYuan("1.00"), "调剂"),
                new Pay("U2:2024", posting, "a1", "30201", Money.parseYuan("1.00"), null, null, null))) {
            CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);

            VersionedAggregateIdentifier expected = annotations.resolveTarget(message);
            VersionedAggregateIdentifier target = targets.resolveTarget(message);

            assertThat(target.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(target.getIdentifierValue()).isEqualTo(expected.getIdentifierValue());
            assertThat(target.getVersion()).isEqualTo(expected.getVersion()).isNull();
        }
    }

    @Test
    void a_posting_command_without_its_budget_year_is_refused_as_by_its_annotation() {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(
                new Pay(null, posting, "a1", "30201", Money.parseYuan("1.00"), null, null, null));

        assertThatThrownBy(() -> annotations.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> targets.resolveTarget(message)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void any_other_command_goes_by_its_annotations() {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(new OtherCommand("U3:2023", 7L));

        assertThat(targets.resolveTarget(message).getIdentifier()).isEqualTo("U3:2023");
        assertThat(targets.resolveTarget(message).getVersion()).isEqualTo(7L);
    }

    /** What the resolver relies on: every posting command names its budget year by budgetYearId, and no version. */
    @Test
    void every_posting_command_is_routed_by_its_budget_year_id_and_no_version() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PostingCommand.class));
        List<Class<?>> commands = scanner.findCandidateComponents("org.budgetledger.ledger").stream()
                .map(BeanDefinition::getBeanClassName).map(PostingCommandTargetsTest::load).toList();

        assertThat(commands).hasSizeGreaterThanOrEqualTo(13);
        for (Class<?> command : commands) {
            assertThat(command.isRecord()).as(command.getName()).isTrue();
            List<String> targetComponents = Arrays.stream(command.getRecordComponents())
                    .filter(component -> command(component).isAnnotationPresent(TargetAggregateIdentifier.class))
                    .map(RecordComponent::getName).toList();
            assertThat(targetComponents).as(command.getName()).containsExactly("budgetYearId");
            assertThat(Arrays.stream(command.getDeclaredFields()).noneMatch(field -> field.isAnnotationPresent(TargetAggregateVersion.class)))
                    .as(command.getName()).isTrue();
        }
    }

    private static java.lang.reflect.Field command(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private record OtherCommand(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }
}
