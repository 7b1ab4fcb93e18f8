import { InvalidStateError } from './errors';

/**
 * A lifecycle as a transition table (after Vendure's FSM): `assertTransition` throws
 * INVALID_STATE for any move the table does not list, so an illegal transition is never a
 * silent no-op.
 */
export class StateMachine<S extends string> {
  constructor(
    private readonly name: string,
    private readonly transitions: Record<S, readonly S[]>,
  ) {}

  canTransition(from: S, to: S): boolean {
    return this.transitions[from]?.includes(to) ?? false;
  }

  assertTransition(from: S, to: S): void {
    if (!this.canTransition(from, to)) {
      throw new InvalidStateError(`A ${this.name} cannot go from ${from} to ${to}`, { from, to });
    }
  }
}
