/**
 * CloudFormation change sets ({@code aws cloudformation describe-change-set} output, JSON) turned
 * into actions.
 *
 * <p>Owns: the mapping of each {@code Changes[].ResourceChange} to exactly one action ({@code
 * ResourceChangeMapper}, {@code ChangeAction}), the curated lists of stateful {@code AWS::} types
 * ({@link dev.countersign.analyze.cloudformation.StatefulTypes}) and environment-level containers
 * ({@link dev.countersign.analyze.cloudformation.EnvironmentTypes}), and the change set's findings.
 *
 * <p>How CloudFormation's words become verbs, and why:
 *
 * <ul>
 *   <li>{@code Add} is {@code create}; {@code Modify} is {@code update}, or {@code replace} when
 *       {@code Replacement} is {@code True}.
 *   <li>{@code Replacement: Conditional} is {@code replace} with a {@code may-replace} finding
 *       (high). CloudFormation only decides while the change set runs, so the one honest answer a
 *       policy can act on before it runs is "this may destroy the resource": the action counts as
 *       destructive (and as data loss on a stateful type) and the finding tells the reviewer it may
 *       not happen. An unknown {@code Replacement} value is treated the same way.
 *   <li>{@code Remove} is {@code delete}; with {@code PolicyAction: Retain} (a {@code
 *       DeletionPolicy: Retain}) it is {@code noop} with a {@code retain} finding, as Terraform's
 *       "forget" is: the resource is left running, unmanaged, and nothing is destroyed.
 *   <li>A replacement whose old resource is retained ({@code ReplaceAndRetain}) stays {@code
 *       replace}: the stack's resource becomes a new, empty one, so what the service sees is lost
 *       even though the old copy survives.
 *   <li>{@code Import} is {@code create} with the reason "import": nothing new is built, but the
 *       stack takes ownership (and from then on can delete it), which is a change a grant must
 *       cover; {@code noop} would let it pass as if nothing happened.
 *   <li>{@code Dynamic} (CloudFormation cannot tell yet) is {@code update} with a {@code
 *       dynamic-action} finding (high), or {@code replace} when the replacement field says so; an
 *       action word this analyser does not know is handled the same way with {@code
 *       unknown-change-action}. {@code SyncWithActual} (only CloudFormation's record changes) is
 *       {@code noop}.
 * </ul>
 *
 * <p>The address of an action is the {@code LogicalResourceId}; the physical id is in the reason.
 * The content hash covers what will happen to the resource: {@code Action}, {@code Replacement},
 * {@code PolicyAction}, the physical id, {@code Scope} and {@code Details} (both as sets), {@code
 * ModuleInfo}, and {@code BeforeContext}/{@code AfterContext} (parsed, so key order does not
 * matter). Change set ids, names, times and statuses never influence it. A nested stack's own
 * change set is not part of this one: its changes get a {@code nested-change-set} finding asking
 * for it. A page of a paginated answer ({@code NextToken} set) is refused, because approving part
 * of a change set would approve the rest unseen.
 *
 * <p>Depends on the core model and digest, Jackson's streaming core and {@code
 * dev.countersign.analyze} (and its {@code json} helpers); must not depend on other format
 * packages, the store, the server or the CLI.
 */
@NullMarked
package dev.countersign.analyze.cloudformation;

import org.jspecify.annotations.NullMarked;
