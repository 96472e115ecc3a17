/** A request waiting for a slot of the shared budget. */
export interface Waiter {
  grant(): void;
  reject(error: unknown): void;
}

/**
 * One user's place in line. While `waiter` is set, the user's request waits
 * here. Without it the place is parked: the request was rejected with a
 * Retry-After, and the place is kept until `parkedUntil`, so that coming back
 * on time does not mean queueing again behind users who stayed.
 */
export interface Turn {
  userId: number;
  /** Arrival order, to break ties between users served equally recently. */
  sequence: number;
  waiter: Waiter | undefined;
  /** When a parked turn expects its user back. From then on a free slot is kept for them. */
  promisedAt: number;
  /** When a parked turn is dropped if its user has not come back. */
  parkedUntil: number;
}

/**
 * The users in line for the shared budget, at most one turn each. The next
 * slot goes to the user whose last granted call is the oldest, and users with
 * no call in the window go first. This is a round robin across users: a user
 * who requests again right after being served comes after everyone in line.
 */
export class WaitQueue {
  private readonly turns = new Map<number, Turn>();
  private nextSequence = 0;

  constructor(private readonly lastGrantAt: (userId: number) => number | undefined) {}

  get size(): number {
    return this.turns.size;
  }

  get(userId: number): Turn | undefined {
    return this.turns.get(userId);
  }

  /** Adds a turn for a user who has none. */
  add(userId: number): Turn {
    const turn: Turn = { userId, sequence: this.nextSequence, waiter: undefined, promisedAt: 0, parkedUntil: 0 };
    this.nextSequence += 1;
    this.turns.set(userId, turn);
    return turn;
  }

  remove(turn: Turn): void {
    if (this.turns.get(turn.userId) === turn) this.turns.delete(turn.userId);
  }

  /** Returns every turn, the next to be served first. */
  inOrder(): Turn[] {
    return [...this.turns.values()].sort((a, b) => (this.comesBefore(a, b) ? -1 : 1));
  }

  private comesBefore(a: Turn, b: Turn): boolean {
    const aLast = this.lastGrantAt(a.userId) ?? Number.NEGATIVE_INFINITY;
    const bLast = this.lastGrantAt(b.userId) ?? Number.NEGATIVE_INFINITY;
    return aLast !== bLast ? aLast < bLast : a.sequence < b.sequence;
  }
}
